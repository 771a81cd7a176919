using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using ParticipantBot.Demo;
using ParticipantBot.Persistence;
using ParticipantBot.Tests.Support;

namespace ParticipantBot.Tests.Teams;

/// <summary>
/// End to end, as a Teams user: the service (SQLite, demo data) and the Microsoft 365 Agents
/// Playground (Microsoft's Teams client and Bot Connector emulator), whose page is driven in
/// headless Chromium. The Playground's current user is Alex Wilber, a demo participant.
/// </summary>
[Collection("Browser")]
public sealed class TeamsEndToEndTests(BrowserFixture browser)
{
    private static readonly string Alex = "7a2e0000-0000-4000-9000-000000000001";

    [Fact]
    public async Task Invitation_ArrivesInTeams_AcceptUpdatesTheCardInPlace_AndTheChatCommandsWork()
    {
        var service = new KestrelServiceFactory();
        service.Settings["Demo:Seed"] = "true";
        await using var _ = service;
        var api = service.RealClient();
        await using var playground = await PlaygroundPage.OpenAsync(browser, service);
        var page = playground.Page;
        try
        {
            // Opening the Playground installed the app for Alex: the bot stored where to reach him.
            var session1 = DemoSeeder.SessionId(1).ToString();
            await api.PostJsonAsync($"/api/sessions/{session1}/invitations", new { participantIds = new[] { Alex } }, HttpStatusCode.Accepted);
            var card = page.Locator(".ac-adaptiveCard").Filter(new() { HasText = "Gouvernance" }).Last;
            await card.WaitForAsync(new() { Timeout = 60_000 });
            Assert.Contains("mardi", await card.InnerTextAsync());
            await BrowserFixture.ScreenshotAsync(page, "teams-1-invitation");

            await card.GetByRole(AriaRole.Button, new() { Name = "Je viendrai" }).ClickAsync();
            await page.GetByText("Votre réponse : vous viendrez").Last.WaitForAsync(new() { Timeout = 30_000 });
            // Updated in place: still one invitation card, now with the answer and the needs form.
            Assert.Equal(1, await page.Locator(".ac-adaptiveCard").Filter(new() { HasText = "Gouvernance" }).CountAsync());
            Assert.Equal(0, await page.GetByRole(AriaRole.Button, new() { Name = "Je viendrai" }).CountAsync());
            await BrowserFixture.ScreenshotAsync(page, "teams-2-accepted");

            var invitation = (await api.GetJsonAsync($"/api/sessions/{session1}/invitations")).AsArray().Single(i => i.Str("participantId") == Alex);
            Assert.Equal("accepted", invitation.Str("status"));
            Assert.Equal("teams", invitation.Str("channel"));

            await SayAsync(page, "mes invitations");
            var list = CardTitled(page, "Vos invitations");
            await list.WaitForAsync(new() { Timeout = 30_000 });
            Assert.Contains("Gouvernance", await list.InnerTextAsync());
            Assert.Contains("Votre réponse : vous viendrez", await list.InnerTextAsync());

            await SayAsync(page, "language ar");
            await page.GetByText("تم تغيير اللغة").Last.WaitForAsync(new() { Timeout = 30_000 });
            await SayAsync(page, "my invitations");
            var arabic = CardTitled(page, "دعواتكم");
            await arabic.WaitForAsync(new() { Timeout = 30_000 });
            Assert.Equal("rtl", await arabic.EvaluateAsync<string>("e => getComputedStyle(e).direction"));
            Assert.Contains("ستحضرون", await arabic.InnerTextAsync());
            await BrowserFixture.ScreenshotAsync(page, "teams-3-arabic");
        }
        catch
        {
            await playground.KeepFailureAsync("teams");
            throw;
        }
    }

    /// <summary>The latest card whose title is exactly this text.</summary>
    private static ILocator CardTitled(IPage page, string title) =>
        page.Locator(".ac-adaptiveCard").Filter(new() { Has = page.GetByText(title, new() { Exact = true }) }).Last;

    private static async Task SayAsync(IPage page, string text)
    {
        // The compose box is a rich-text editor (contenteditable), typed into as a person would.
        var box = page.Locator("[data-lexical-editor='true']").First;
        await box.ClickAsync();
        await page.Keyboard.TypeAsync(text);
        await page.Keyboard.PressAsync("Enter");
    }
}
