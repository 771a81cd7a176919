using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using ParticipantBot.Persistence;

namespace ParticipantBot.Tests.Support;

/// <summary>
/// The Microsoft 365 Agents Playground opened in Chromium against a service, as its current user (Alex
/// Wilber, a demo participant) sees it: the app is installed once the bot has stored his conversation.
/// On failure, a screenshot, the page and the Playground's log are kept.
/// </summary>
public sealed class PlaygroundPage : IAsyncDisposable
{
    public const string AlexObjectId = "00000000-0000-0000-0000-0000000000020";

    private readonly PlaygroundProcess _playground;

    private PlaygroundPage(PlaygroundProcess playground, IPage page) { _playground = playground; Page = page; }

    public IPage Page { get; }

    public static async Task<PlaygroundPage> OpenAsync(BrowserFixture browser, KestrelServiceFactory service, int height = 1000)
    {
        var playground = await PlaygroundProcess.StartAsync($"{service.BaseUrl}/api/messages");
        var context = await browser.Browser.NewContextAsync(new() { ViewportSize = new() { Width = 1280, Height = height } });
        var page = await context.NewPageAsync();
        await page.GotoAsync(playground.Url);
        await Eventually.WaitAsync(() => InstalledAsync(service), installed => installed, "the bot to remember Alex's conversation");
        return new PlaygroundPage(playground, page);
    }

    /// <summary>Keeps what shows the failure under TestResults/screenshots (name-failure.png/.html/.log).</summary>
    public async Task KeepFailureAsync(string name)
    {
        await BrowserFixture.ScreenshotAsync(Page, name + "-failure");
        File.WriteAllText(Path.Combine(BrowserFixture.ScreenshotFolder, name + "-failure.html"), await Page.ContentAsync());
        File.WriteAllText(Path.Combine(BrowserFixture.ScreenshotFolder, name + "-failure.log"), _playground.Log);
    }

    private static async Task<bool> InstalledAsync(ServiceFactory service)
    {
        await using var scope = service.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<AppDbContext>().TeamsInstallations.AnyAsync(i => i.UserObjectId == AlexObjectId && i.Active);
    }

    public async ValueTask DisposeAsync()
    {
        await Page.Context.DisposeAsync();
        await _playground.DisposeAsync();
    }
}
