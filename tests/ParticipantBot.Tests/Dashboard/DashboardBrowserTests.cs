using System.Net;
using System.Text.Json.Nodes;
using ClosedXML.Excel;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using ParticipantBot.Demo;
using ParticipantBot.Tests.Support;

namespace ParticipantBot.Tests.Dashboard;

/// <summary>
/// The dashboard as an organiser uses it: /dashboard on the demo campaign in headless Chromium, with the
/// development identity (as on loopback); every figure and action checked against the API.
/// </summary>
[Collection("Browser")]
public sealed class DashboardBrowserTests(BrowserFixture browser) : IAsyncLifetime
{
    private static readonly string Campaign = DemoSeeder.CampaignId.ToString();
    private static readonly string[] Counted = ["invited", "accepted", "tentative", "declined", "noAnswer", "waitlisted", "offered", "attended", "noShow"];
    private readonly KestrelServiceFactory _service = new();
    private HttpClient _api = null!;

    public Task InitializeAsync()
    {
        _service.Settings["Demo:Seed"] = "true";
        _api = _service.RealClient();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _service.DisposeAsync();

    private async Task<IPage> OpenAsync(string query, IPage? page = null)
    {
        page ??= await browser.DesktopAsync();
        await page.GotoAsync($"{_service.BaseUrl}/dashboard?{query}");
        await page.Locator("body[data-ready='true']").WaitForAsync();
        return page;
    }

    private static ILocator Card(IPage page, Guid session) => page.Locator($"article[data-session='{session}']");

    [Fact]
    public async Task French_ShowsTheDemosThreeSessions_WithTheNumbersOfTheApi()
    {
        var page = await OpenAsync("lang=fr");
        Assert.Equal("fr", await page.GetAttributeAsync("html", "lang"));
        Assert.Equal("Tableau de bord des réponses", await page.Locator("h1").TextContentAsync());
        Assert.Contains("Données personnelles effacées après le", await page.Locator("#meta").TextContentAsync());
        var board = await _api.GetJsonAsync($"/api/campaigns/{Campaign}/dashboard");
        var sessions = board["sessions"]!.AsArray();
        Assert.Equal(3, await page.Locator("article.session").CountAsync());
        foreach (var session in sessions)
        {
            var card = Card(page, Guid.Parse(session.Str("id")));
            Assert.Equal(session.Str("title"), (await card.Locator("h3").TextContentAsync())?.Trim());
            foreach (var key in Counted)
                Assert.Equal(session!["counts"]![key]!.GetValue<int>().ToString(), await card.Locator($"dd[data-count='{key}']").TextContentAsync());
            Assert.Equal(session!["seatsLeft"]!.GetValue<int>().ToString(), await card.Locator("[data-fact='seatsLeft']").TextContentAsync());
            foreach (var group in session["byGroup"]!.AsArray())
            {
                var sexes = await card.Locator($".bar-row[data-group='{group.Str("group")}'] .bar").GetAttributeAsync("aria-label");
                Assert.Contains($"Femmes {group!["coming"]!["female"]}", sexes);
                Assert.Contains($"Hommes {group["coming"]!["male"]}", sexes);
            }
        }
        var third = sessions.Single(s => s.Str("id") == DemoSeeder.SessionId(3).ToString())!;
        Assert.Equal($"{Math.Round(third["coming"]!["womenShare"]!.GetValue<double>() * 100)}", (await Card(page, DemoSeeder.SessionId(3)).Locator("[data-fact='womenShare']").TextContentAsync())!.Split('\u00a0', ' ')[0]);
        await BrowserFixture.ScreenshotAsync(page, "dashboard-fr");
    }

    [Fact]
    public async Task Arabic_IsRightToLeft_WithTheParticipantTable()
    {
        var page = await OpenAsync($"lang=ar&session={DemoSeeder.SessionId(3)}");
        Assert.Equal("rtl", await page.GetAttributeAsync("html", "dir"));
        Assert.Equal("rtl", await page.EvaluateAsync<string>("getComputedStyle(document.body).direction"));
        Assert.Equal("لوحة متابعة الردود", await page.Locator("h1").TextContentAsync());
        await page.Locator("#roster tbody tr[data-participant]").First.WaitForAsync();
        var invitations = (await _api.GetJsonAsync($"/api/sessions/{DemoSeeder.SessionId(3)}/invitations")).AsArray();
        Assert.Equal(invitations.Count, await page.Locator("#roster tbody tr[data-participant]").CountAsync());
        await BrowserFixture.ScreenshotAsync(page, "dashboard-ar");
    }

    [Fact]
    public async Task SomeoneWhoDoesNotOrganiseTheCampaign_IsRefused_AndSeesNoFigures()
    {
        var stranger = await browser.DesktopAsync(new Dictionary<string, string> { ["X-Dev-User"] = "99999999-8888-7777-6666-555555555555" });
        await stranger.GotoAsync($"{_service.BaseUrl}/dashboard?lang=fr&campaign={Campaign}");
        await stranger.Locator("#notice fluent-message-bar").WaitForAsync();
        Assert.Contains("seuls ses organisateurs", await stranger.Locator("#notice").TextContentAsync());
        Assert.Equal(0, await stranger.Locator("article.session").CountAsync());

        // With no campaign of their own, the page offers to create their first one.
        await stranger.GotoAsync($"{_service.BaseUrl}/dashboard?lang=fr");
        await stranger.Locator("#new-campaign").WaitForAsync();
        Assert.Contains("aucune campagne", await stranger.Locator("#no-campaign").TextContentAsync());
        Assert.Equal(0, await stranger.Locator("article.session").CountAsync());
    }

    [Fact]
    public async Task CheckIn_OneTapOnAPhone_IsVisibleThroughTheApi_AndInTheCounts()
    {
        var session = DemoSeeder.SessionId(3);
        var accepted = (await _api.GetJsonAsync($"/api/sessions/{session}/invitations?status=accepted")).AsArray().First()!;
        var page = await OpenAsync($"lang=fr&session={session}", await browser.PhoneAsync());
        var row = page.Locator($"#roster tr[data-participant='{accepted.Str("participantId")}']");
        await row.Locator("[data-action='check-in']").ClickAsync();
        await page.Locator($"#roster tr[data-participant='{accepted.Str("participantId")}'][data-status='attended']").WaitForAsync();
        await BrowserFixture.ScreenshotAsync(page, "dashboard-fr-phone-check-in");

        var invitation = await _api.GetJsonAsync($"/api/sessions/{session}/invitations/{accepted.Str("participantId")}");
        Assert.Equal("attended", invitation["invitation"].Str("status"));
        Assert.Equal("inPerson", invitation["invitation"].Str("channel"));
        Assert.Equal("1", await Card(page, session).Locator("dd[data-count='attended']").TextContentAsync());
    }

    [Fact]
    public async Task ExcelList_DownloadedFromThePage_ReadsBackWithEveryInvitedPerson()
    {
        var session = DemoSeeder.SessionId(2);
        var page = await OpenAsync("lang=fr");
        var download = await page.RunAndWaitForDownloadAsync(() =>
            Card(page, session).Locator("fluent-button", new() { HasText = "Liste Excel" }).ClickAsync());
        Assert.EndsWith(".xlsx", download.SuggestedFilename);
        var path = Path.Combine(_service.Folder, download.SuggestedFilename);
        await download.SaveAsAsync(path);
        using var book = new XLWorkbook(path);
        var names = book.Worksheet("Participants").RowsUsed().Skip(1).Select(r => r.Cell(1).GetString()).Order().ToList();
        var invitations = (await _api.GetJsonAsync($"/api/sessions/{session}/invitations")).AsArray().Select(i => i.Str("name")).Order().ToList();
        Assert.Equal(invitations, names);
    }

    [Fact]
    public async Task RemindNonResponders_FromThePage_AfterConfirming_PlansOneReminderEach()
    {
        var session = DemoSeeder.SessionId(2);
        var noAnswer = (await _api.GetJsonAsync($"/api/sessions/{session}/invitations?status=invited")).AsArray().Count;
        Assert.True(noAnswer > 0);
        var page = await OpenAsync("lang=fr");
        await Card(page, session).Locator("fluent-button", new() { HasText = "Relancer les sans-réponse" }).ClickAsync();
        Assert.Contains($"Relancer les {noAnswer} personnes", await page.Locator("dialog h2").TextContentAsync());
        await page.Locator("dialog").GetByRole(AriaRole.Button, new() { Name = "Confirmer" }).ClickAsync();
        await page.Locator("#notice fluent-message-bar[intent='success']").WaitForAsync();

        var messages = (await _api.GetJsonAsync($"/api/sessions/{session}/messages")).AsArray();
        var reminded = messages.Where(m => m.Str("kind") == "reminder" && m!["sequence"]!.GetValue<int>() >= 1000).Select(m => m.Str("participantId")).Distinct().Count();
        Assert.Equal(noAnswer, reminded);
    }

    [Fact]
    public async Task AnAnswerArrivingElsewhere_ShowsUpWithoutReloading()
    {
        var session = DemoSeeder.SessionId(2);
        var page = await OpenAsync("lang=fr");
        var before = int.Parse((await Card(page, session).Locator("dd[data-count='declined']").TextContentAsync())!);
        var waiting = (await _api.GetJsonAsync($"/api/sessions/{session}/invitations?status=invited")).AsArray().First()!;
        await _api.PostJsonAsync($"/api/sessions/{session}/invitations/{waiting.Str("participantId")}/answer", new { status = "declined", channel = "phone" }, HttpStatusCode.OK);
        await page.Locator($"article[data-session='{session}'] dd[data-count='declined']:text-is('{before + 1}')").WaitForAsync(new() { Timeout = 30_000 });
    }

    [Fact]
    public async Task WalkIn_AddedFromThePage_IsCheckedIn()
    {
        var session = DemoSeeder.SessionId(3);
        var page = await OpenAsync($"lang=fr&session={session}");
        await page.Locator("#filters fluent-button", new() { HasText = "Ajouter une personne sur place" }).ClickAsync();
        await page.Locator("dialog").GetByLabel("Nom", new() { Exact = true }).FillAsync("Imane Berrada");
        await page.Locator("dialog").GetByLabel("Organisation", new() { Exact = true }).FillAsync("Association Darna");
        await page.Locator("dialog select[name='group']").SelectOptionAsync("community");
        await page.Locator("dialog select[name='sex']").SelectOptionAsync("female");
        await page.Locator("dialog").GetByLabel("Courriel", new() { Exact = true }).FillAsync("imane@example.org");
        await page.Locator("dialog").GetByRole(AriaRole.Button, new() { Name = "Enregistrer" }).ClickAsync();
        await page.Locator("#roster tr[data-status='attended']", new() { HasText = "Imane Berrada" }).WaitForAsync();
        var list = (await _api.GetJsonAsync($"/api/sessions/{session}/invitations?status=attended")).AsArray();
        Assert.Contains(list, i => i.Str("name") == "Imane Berrada");
    }

    [Fact]
    public async Task Survey_OpenedFromThePage_ShowsItsAnswersAsTheyArrive()
    {
        var session = DemoSeeder.SessionId(3);
        var page = await OpenAsync("lang=fr");
        var survey = Card(page, session).Locator("details.survey");
        await survey.Locator("summary").ClickAsync();
        await survey.Locator("fluent-button", new() { HasText = "Ouvrir le questionnaire maintenant" }).ClickAsync();
        await page.Locator($"article[data-session='{session}'] details.survey[data-survey='open']").WaitForAsync();
        Assert.Equal("open", (await _api.GetJsonAsync($"/api/sessions/{session}/survey")).Str("state"));

        var accepted = (await _api.GetJsonAsync($"/api/sessions/{session}/invitations?status=accepted")).AsArray();
        await using (var scope = _service.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<ParticipantBot.Persistence.AppDbContext>();
            var found = await db.Sessions.FindAsync(session);
            var outcome = await scope.ServiceProvider.GetRequiredService<ParticipantBot.Surveys.SurveyService>().SubmitAsync(found!, Guid.Parse(accepted[0].Str("participantId")),
                [new("satisfaction", Rating: 5), new("usefulness", Rating: 4), new("priorities", Choices: ["health", "housing", "education"])],
                ParticipantBot.Domain.Common.AnswerChannel.Web, CancellationToken.None);
            Assert.IsType<ParticipantBot.Surveys.SubmitOutcome.Saved>(outcome);
        }
        await page.Locator($"article[data-session='{session}'] [data-fact='surveyResponses']:has-text('1 réponses sur {accepted.Count}')").WaitForAsync(new() { Timeout = 30_000 });
        await page.Locator($"article[data-session='{session}'] li[data-question='satisfaction'] [data-fact='average']:has-text('moyenne 5')").WaitForAsync(new() { Timeout = 30_000 });
        await BrowserFixture.ScreenshotAsync(page, "dashboard-fr-survey");
    }

    [Fact]
    public async Task Survey_EditedFromThePage_ChangesItsSettingsAndTexts()
    {
        var session = DemoSeeder.SessionId(1);
        var page = await OpenAsync("lang=fr");
        var survey = Card(page, session).Locator("details.survey");
        await survey.Locator("summary").ClickAsync();
        await survey.Locator("[data-action='edit-survey']").ClickAsync();
        var dialog = page.Locator("dialog");
        await dialog.GetByLabel("Réponses anonymes").CheckAsync();
        await dialog.Locator("[name='openDays']").FillAsync("10");
        await dialog.Locator("[name='text-0-fr']").FillAsync("Êtes-vous satisfait·e de l'atelier ?");
        await dialog.Locator("fieldset[data-question='comment']").GetByLabel("Poser cette question").UncheckAsync();
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Enregistrer" }).ClickAsync();
        await page.Locator("#notice fluent-message-bar[intent='success']").WaitForAsync();

        var saved = await _api.GetJsonAsync($"/api/sessions/{session}/survey");
        Assert.True(saved["anonymous"]!.GetValue<bool>());
        Assert.Equal(10, saved["openDays"]!.GetValue<int>());
        Assert.Equal("Êtes-vous satisfait·e de l'atelier ?", saved["questions"]![0]!["text"].Str("fr"));
        Assert.Equal(["satisfaction", "usefulness", "keep", "priorities"], saved["questions"]!.AsArray().Select(q => q.Str("id")));
    }

    [Fact]
    public async Task Theme_FollowsADarkColourScheme_ThroughFluentsTokens()
    {
        var context = await browser.Browser.NewContextAsync(new() { ViewportSize = new() { Width = 1400, Height = 1000 }, ColorScheme = ColorScheme.Dark });
        var page = await OpenAsync("lang=en", await context.NewPageAsync());
        Assert.Equal("dark", await page.GetAttributeAsync("html", "data-theme"));
        // Teams' dark theme: a near-black background and light text, from the design tokens.
        var background = await page.EvaluateAsync<string>("getComputedStyle(document.body).backgroundColor");
        var text = await page.EvaluateAsync<string>("getComputedStyle(document.body).color");
        Assert.True(Brightness(background) < 80, background);
        Assert.True(Brightness(text) > 180, text);
        await BrowserFixture.ScreenshotAsync(page, "dashboard-en-dark");
    }

    private static double Brightness(string rgb)
    {
        var parts = rgb[(rgb.IndexOf('(') + 1)..rgb.IndexOf(')')].Split(',').Take(3).Select(p => double.Parse(p.Trim(), System.Globalization.CultureInfo.InvariantCulture)).ToArray();
        return (parts[0] + parts[1] + parts[2]) / 3;
    }
}
