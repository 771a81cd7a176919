using System.Text.Json.Nodes;
using ParticipantBot.Tests.Support;

namespace ParticipantBot.Tests.Teams;

/// <summary>Every card, in every language, rendered by the official Adaptive Cards JS renderer in Chromium.</summary>
[Collection("Browser")]
public sealed class CardRenderingTests(BrowserFixture browser)
{
    [Fact]
    public async Task EveryCard_RendersWithoutErrorOrUnknownElement_InEachLanguage()
    {
        var page = await browser.PhoneAsync();
        await page.SetViewportSizeAsync(480, 900);
        await page.SetContentAsync("<!DOCTYPE html><html><head><meta charset='utf-8'><style>body{font-family:'Segoe UI',sans-serif;background:#f5f5f5} .sample{background:#fff;margin:12px;padding:8px;border-radius:6px} h2{font-size:12px;color:#616161}</style></head><body></body></html>");
        await page.AddScriptTagAsync(new() { Path = RepositoryPaths.Combine("tests", "tools", "node_modules", "adaptivecards", "dist", "adaptivecards.min.js") });
        foreach (var group in CardSamples.All().GroupBy(s => s.Name[..2]))
        {
            await page.EvaluateAsync("() => document.body.innerHTML = ''");
            foreach (var (name, content) in group)
            {
                var problems = await page.EvaluateAsync<string[]>(@"([name, json]) => {
                    const payload = JSON.parse(json);
                    const card = new AdaptiveCards.AdaptiveCard();
                    const context = new AdaptiveCards.SerializationContext();
                    card.parse(payload, context);
                    const problems = [];
                    for (let i = 0; i < context.eventCount; i++) { const e = context.getEventAt(i); problems.push(`parse: ${e.message}`); }
                    const validation = card.validateProperties();
                    for (const e of validation.validationEvents) problems.push(`validate: ${e.message}`);
                    const rendered = card.render();
                    if (!rendered) problems.push('render: nothing rendered');
                    const section = document.createElement('div'); section.className = 'sample';
                    const title = document.createElement('h2'); title.textContent = name; section.appendChild(title);
                    if (rendered) section.appendChild(rendered);
                    document.body.appendChild(section);
                    return problems;
                }", new object[] { name, content.Render().ToJsonString() });
                Assert.True(problems.Length == 0, $"{name}: {string.Join("; ", problems)}");
            }
            await BrowserFixture.ScreenshotAsync(page, $"cards-{group.Key}");
            if (group.Key == "ar")
                Assert.All(await page.Locator(".ac-adaptiveCard").EvaluateAllAsync<string[]>("els => els.map(e => getComputedStyle(e).direction)"), d => Assert.Equal("rtl", d));
        }
    }
}
