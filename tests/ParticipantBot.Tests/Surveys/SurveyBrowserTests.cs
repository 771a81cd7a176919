using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using ParticipantBot.Demo;
using ParticipantBot.Persistence;
using ParticipantBot.Tests.Support;

namespace ParticipantBot.Tests.Surveys;

/// <summary>
/// Surveys as participants answer them: the web form from the email's link on a phone, in French and
/// Arabic; and the card in the Microsoft 365 Agents Playground (Teams), answered by clicking.
/// </summary>
[Collection("Browser")]
public sealed class SurveyBrowserTests(BrowserFixture browser)
{
    private static async Task<(HttpClient Api, string Session, Uri Link)> SurveyByEmailAsync(KestrelServiceFactory service, string name, string language)
    {
        var api = service.RealClient();
        var s = new Scenario(api);
        var campaign = await s.CampaignAsync("Consultations Oriental");
        var session = (await s.SessionAsync(campaign, start: "2026-12-15T09:30", end: "2026-12-15T13:00")).Str("id");
        var email = $"{Guid.NewGuid():N}@example.org";
        var person = (await api.PostJsonAsync($"/api/campaigns/{campaign}/participants",
            new { fullName = name, email, group = "migrant", sex = "female", language, channel = "email" }, HttpStatusCode.Created))["participant"].Str("id");
        await s.InviteAsync(session, person);
        await s.AnswerAsync(session, person, "attended");
        await api.PostJsonAsync($"/api/sessions/{session}/survey/open", new { }, HttpStatusCode.Accepted);
        var mail = await Eventually.WaitAsync(() => Task.FromResult(new MailFolder(Path.Combine(service.Folder, "outbox")).To(email)
            .Where(m => (m.TextBody ?? "").Contains("/survey/")).ToList()), l => l.Count == 1, "the survey email");
        return (api, session, MailFolder.SurveyLink(mail[0]));
    }

    private static async Task AnswerAsync(IPage page, string first, string second, string third)
    {
        await page.Locator("#q-satisfaction").GetByLabel("4").CheckAsync();
        await page.Locator("#q-usefulness").GetByLabel("5").CheckAsync();
        await page.Locator("#q-keep textarea").FillAsync("Les ateliers");
        await page.GetByLabel(first).SelectOptionAsync("health");
        await page.GetByLabel(second).SelectOptionAsync("housing");
        await page.GetByLabel(third).SelectOptionAsync("documents");
    }

    [Fact]
    public async Task WebForm_InFrench_OnAPhone_AnsweredAndThanked()
    {
        var service = new KestrelServiceFactory();
        await using var _ = service;
        var (api, session, link) = await SurveyByEmailAsync(service, "Aïcha Diallo", "fr");
        var page = await browser.PhoneAsync();
        await page.GotoAsync(link.ToString());
        Assert.Equal("fr", await page.GetAttributeAsync("html", "lang"));
        await AnswerAsync(page, "Première priorité", "Deuxième priorité", "Troisième priorité");
        await BrowserFixture.ScreenshotAsync(page, "survey-fr-form");
        await page.GetByRole(AriaRole.Button, new() { Name = "Envoyer mes réponses" }).ClickAsync();
        await page.Locator("#message").WaitForAsync();
        Assert.Contains("Merci !", await page.Locator("#message").TextContentAsync());
        await BrowserFixture.ScreenshotAsync(page, "survey-fr-thanks");

        var results = await api.GetJsonAsync($"/api/sessions/{session}/survey/results");
        Assert.Equal(1, results["responses"]!.GetValue<int>());
        Assert.Equal("health", results["questions"]![3]!["points"]![0].Str("value"));
    }

    [Fact]
    public async Task WebForm_InArabic_IsRightToLeft_AndAnswered()
    {
        var service = new KestrelServiceFactory();
        await using var _ = service;
        var (api, session, link) = await SurveyByEmailAsync(service, "خديجة بنعلي", "ar");
        var page = await browser.PhoneAsync();
        await page.GotoAsync(link.ToString());
        Assert.Equal("rtl", await page.GetAttributeAsync("html", "dir"));
        Assert.Equal("rtl", await page.EvaluateAsync<string>("getComputedStyle(document.body).direction"));
        Assert.Contains("رأيكم في", await page.Locator("h1").Last.TextContentAsync());
        await AnswerAsync(page, "الأولوية الأولى", "الأولوية الثانية", "الأولوية الثالثة");
        await BrowserFixture.ScreenshotAsync(page, "survey-ar-form");
        await page.GetByRole(AriaRole.Button, new() { Name = "إرسال أجوبتي" }).ClickAsync();
        await page.Locator("#message").WaitForAsync();
        Assert.Contains("شكرًا", await page.Locator("#message").TextContentAsync());
        await BrowserFixture.ScreenshotAsync(page, "survey-ar-thanks");
        Assert.Equal(1, (await api.GetJsonAsync($"/api/sessions/{session}/survey/results"))["responses"]!.GetValue<int>());
    }

    private const string Alex = "7a2e0000-0000-4000-9000-000000000001";

    [Fact]
    public async Task InTeams_TheSurveyCardArrives_IsAnsweredByClicking_AndTurnsIntoThanks()
    {
        var service = new KestrelServiceFactory();
        service.Settings["Demo:Seed"] = "true";
        await using var _ = service;
        var api = service.RealClient();
        await using var playground = await PlaygroundPage.OpenAsync(browser, service, height: 1200);
        var page = playground.Page;
        try
        {
            var session = DemoSeeder.SessionId(1).ToString();
            await api.PostJsonAsync($"/api/sessions/{session}/invitations", new { participantIds = new[] { Alex } }, HttpStatusCode.Accepted);
            await api.PostJsonAsync($"/api/sessions/{session}/invitations/{Alex}/check-in", new { }, HttpStatusCode.OK);
            await api.PostJsonAsync($"/api/sessions/{session}/survey/open", new { }, HttpStatusCode.Accepted);

            var card = page.Locator(".ac-adaptiveCard").Filter(new() { HasText = "Votre avis sur" }).Last;
            await card.WaitForAsync(new() { Timeout = 60_000 });
            await BrowserFixture.ScreenshotAsync(page, "teams-survey-1-card");
            await card.GetByRole(AriaRole.Radio, new() { Name = "4" }).First.CheckAsync();
            await card.GetByRole(AriaRole.Radio, new() { Name = "5" }).Nth(1).CheckAsync();
            // The Playground renders a compact choice set as Fluent UI's combobox: open it, then pick the option.
            async Task PickAsync(int rank, string option)
            {
                await card.GetByRole(AriaRole.Combobox).Nth(rank).ClickAsync();
                await page.GetByRole(AriaRole.Option, new() { Name = option, Exact = true }).Last.ClickAsync();
            }
            await PickAsync(0, "Santé et soutien psychosocial");
            await PickAsync(1, "Logement");
            await PickAsync(2, "Emploi et formation professionnelle");
            await card.GetByRole(AriaRole.Button, new() { Name = "Envoyer mes réponses" }).ClickAsync();

            await page.Locator(".ac-adaptiveCard").Filter(new() { HasText = "Vos réponses au questionnaire sur « Gouvernance » sont enregistrées." }).Last
                .WaitForAsync(new() { Timeout = 30_000 });
            Assert.Equal(0, await page.Locator(".ac-adaptiveCard").Filter(new() { HasText = "Votre avis sur" }).CountAsync());
            await BrowserFixture.ScreenshotAsync(page, "teams-survey-2-thanks");

            var results = await api.GetJsonAsync($"/api/sessions/{session}/survey/results");
            Assert.Equal(1, results["responses"]!.GetValue<int>());
            Assert.Equal(4.0, results["questions"]![0]!["average"]!.GetValue<double>());
            Assert.Equal(5.0, results["questions"]![1]!["average"]!.GetValue<double>());
            Assert.Equal(["health", "housing", "employment"], results["questions"]![3]!["points"]!.AsArray().Take(3).Select(p => p.Str("value")));
        }
        catch
        {
            await playground.KeepFailureAsync("teams-survey");
            throw;
        }
    }
}
