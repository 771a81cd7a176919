using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using ClosedXML.Excel;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ParticipantBot.Persistence;
using ParticipantBot.Surveys;
using ParticipantBot.Tests.Delivery;
using ParticipantBot.Tests.Support;

namespace ParticipantBot.Tests.Surveys;

/// <summary>
/// Post-session surveys through the API, the outbox and the web form, with a clock the tests move:
/// who gets them, when they open and close, answers kept once, results without singling anyone out.
/// </summary>
public sealed class SurveyTests : IAsyncLifetime
{
    private readonly ClockedServiceFactory _service = new();
    private HttpClient _api = null!;
    private HttpClient _browser = null!;
    private Scenario _s = null!;
    private string _campaign = "", _session = "";
    private readonly Dictionary<string, string> _people = new();
    private readonly Dictionary<string, string> _emails = new();

    // The session: 2026-12-16 09:30–13:00 in Tangier (08:30–12:00 UTC).
    private static readonly DateTimeOffset End = new(2026, 12, 16, 12, 0, 0, TimeSpan.Zero);

    public async Task InitializeAsync()
    {
        _api = _service.CreateClient();
        _browser = _service.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        _s = new Scenario(_api);
        _campaign = await _s.CampaignAsync("Consultations Tanger");
        _session = (await _s.SessionAsync(_campaign, capacity: 30, start: "2026-12-16T09:30", end: "2026-12-16T13:00")).Str("id");
    }

    public async Task DisposeAsync() => await _service.DisposeAsync();

    private async Task<string> PersonAsync(string name, string group, string sex, string status, string language = "fr")
    {
        var email = $"{name.Replace(' ', '.').ToLowerInvariant()}.{Guid.NewGuid():N}@example.org";
        var id = (await _api.PostJsonAsync($"/api/campaigns/{_campaign}/participants",
            new { fullName = name, email, group, sex, language, channel = "email" }, HttpStatusCode.Created))["participant"].Str("id");
        await _s.InviteAsync(_session, id);
        if (status != "invited") await _s.AnswerAsync(_session, id, status);
        _people[name] = id;
        _emails[name] = email;
        return id;
    }

    private async Task<string> OpenNowAsync(int expected)
    {
        var opened = await _api.PostJsonAsync($"/api/sessions/{_session}/survey/open", new { }, HttpStatusCode.Accepted);
        Assert.Equal(expected, opened["sentTo"]!.GetValue<int>());
        await _service.DispatchAsync();
        return opened.Str("closesAt");
    }

    private string LinkOf(string name)
    {
        var mail = new MailFolder(Path.Combine(_service.Folder, "outbox")).To(_emails[name]).Last(m => (m.TextBody ?? "").Contains("/survey/"));
        return MailFolder.SurveyLink(mail).PathAndQuery;
    }

    private static (string, string)[] Answers(int satisfaction = 4, int usefulness = 5, string first = "health", string second = "housing", string third = "education",
        string? comment = null) =>
    [
        ("satisfaction", satisfaction.ToString()), ("usefulness", usefulness.ToString()), ("keep", "Les ateliers en petits groupes"),
        ("priorities.1", first), ("priorities.2", second), ("priorities.3", third), ("comment", comment ?? ""),
    ];

    private async Task<HttpResponseMessage> AnswerOnTheWebAsync(string name, params (string, string)[] fields)
    {
        var form = await RsvpForm.LoadAsync(_browser, LinkOf(name));
        return await RsvpForm.PostAsync(_browser, form, fields);
    }

    private Task<JsonNode> ResultsAsync() => _api.GetJsonAsync($"/api/sessions/{_session}/survey/results");

    [Fact]
    public async Task DefaultSurvey_HasFiveShortQuestionsInThreeLanguages_AndOpensAnHourAfterTheEnd()
    {
        var survey = await _api.GetJsonAsync($"/api/sessions/{_session}/survey");
        var questions = survey["questions"]!.AsArray();
        Assert.Equal(["rating", "rating", "freeText", "priorities", "freeText"], questions.Select(q => q.Str("kind")));
        Assert.All(questions, q => Assert.All(new[] { "fr", "ar", "en" }, l => Assert.False(string.IsNullOrWhiteSpace(q!["text"].Str(l)))));
        Assert.Equal(6, questions[3]!["options"]!.AsArray().Count);
        Assert.Equal("scheduled", survey.Str("state"));
        Assert.Equal(End.AddHours(1), DateTimeOffset.Parse(survey.Str("opensAt")));
        Assert.False(survey["anonymous"]!.GetValue<bool>());
    }

    [Fact]
    public async Task EditingTheSurvey_ChecksItsQuestions_NamingEachProblem()
    {
        var q = new { id = "q", kind = "rating", required = true, text = new { fr = "Note ?", ar = "تقييم؟", en = "Rating?" } };
        var nine = Enumerable.Range(1, 9).Select(i => new { id = $"q{i}", q.kind, q.required, q.text }).ToArray();
        var tooMany = await _api.PutAsJsonAsync($"/api/sessions/{_session}/survey", new { questions = nine });
        Assert.Contains("at most 8 questions", await tooMany.Content.ReadAsStringAsync());

        var noArabic = await _api.PutAsJsonAsync($"/api/sessions/{_session}/survey",
            new { questions = new object[] { new { id = "q", kind = "singleChoice", text = new { fr = "Choix ?", en = "Choice?" }, options = new[] { new { id = "a", text = new { fr = "A", ar = "أ", en = "A" } } } } } });
        var fields = (await noArabic.ReadJsonAsync(HttpStatusCode.BadRequest))["errors"]!.AsArray().Select(e => e.Str("field")).ToList();
        Assert.Equal(["questions[0].text.ar", "questions[0].options"], fields);

        var ok = await _api.PutAsJsonAsync($"/api/sessions/{_session}/survey", new { anonymous = true, openDelayMinutes = 30, questions = new[] { q } });
        var saved = await ok.ReadJsonAsync(HttpStatusCode.OK);
        Assert.True(saved["anonymous"]!.GetValue<bool>());
        Assert.Equal(End.AddMinutes(30), DateTimeOffset.Parse(saved.Str("opensAt")));
        var audit = (await _api.GetJsonAsync($"/api/campaigns/{_campaign}/audit")).AsArray();
        Assert.Contains(audit, e => e.Str("action") == "surveyChanged");
    }

    [Fact]
    public async Task SurveyOpensByItself_AnHourAfterTheEnd_ForThoseWhoAttended_WithOneReminder()
    {
        var came = await PersonAsync("Amina Tazi", "youth", "female", "attended");
        var stayedAway = await PersonAsync("Karim Idrissi", "youth", "male", "accepted");
        await using var scope = _service.Services.CreateAsyncScope();
        var surveys = scope.ServiceProvider.GetRequiredService<SurveyService>();

        _service.Clock.SetUtcNow(End.AddMinutes(59));
        Assert.Equal(0, await surveys.OpenDueAsync(CancellationToken.None));
        _service.Clock.SetUtcNow(End.AddMinutes(61));
        Assert.Equal(1, await surveys.OpenDueAsync(CancellationToken.None));
        Assert.Equal(0, await surveys.OpenDueAsync(CancellationToken.None));

        var messages = (await _api.GetJsonAsync($"/api/sessions/{_session}/messages")).AsArray();
        Assert.Equal(["survey", "surveyReminder"], messages.Where(m => m.Str("participantId") == came && m.Str("kind").StartsWith("survey")).Select(m => m.Str("kind")).Order());
        Assert.DoesNotContain(messages, m => m.Str("participantId") == stayedAway && m.Str("kind").StartsWith("survey"));
        var reminder = messages.Single(m => m.Str("kind") == "surveyReminder");
        Assert.True(DateTimeOffset.Parse(reminder.Str("dueAt")) < End.AddMinutes(61).AddDays(7));
    }

    [Fact]
    public async Task WithoutAttendance_ThoseWhoAcceptedGetIt_ByEmail_AndAnswerOnTheWeb_Once()
    {
        await PersonAsync("Salma Bennani", "migrant", "female", "accepted");
        await PersonAsync("Nadia Chraibi", "civilSociety", "female", "declined");
        _service.Clock.SetUtcNow(End.AddMinutes(10));
        await OpenNowAsync(expected: 1);

        var form = await RsvpForm.LoadAsync(_browser, LinkOf("Salma Bennani"));
        Assert.Equal(HttpStatusCode.OK, form.Status);
        Assert.Contains("Votre avis sur « Gouvernance »", WebUtility.HtmlDecode(form.Html));
        var saved = await RsvpForm.PostAsync(_browser, form, Answers());
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var again = await RsvpForm.PostAsync(_browser, form, Answers(satisfaction: 1));
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Contains("déjà répondu", WebUtility.HtmlDecode(await again.Content.ReadAsStringAsync()));

        var results = await ResultsAsync();
        Assert.Equal((1, 1), (results["responses"]!.GetValue<int>(), results["sentTo"]!.GetValue<int>()));
        Assert.Equal(4.0, results["questions"]![0]!["average"]!.GetValue<double>());
        var reminder = (await _api.GetJsonAsync($"/api/sessions/{_session}/messages")).AsArray().Single(m => m.Str("kind") == "surveyReminder");
        Assert.Equal(("skipped", "The person answered the survey."), (reminder.Str("status"), reminder.Str("reason")));
    }

    [Fact]
    public async Task MissingOrOutOfRangeAnswers_AreRefused_WithWhatToFix_AndNothingKept()
    {
        await PersonAsync("Omar Fassi", "expert", "male", "attended");
        await OpenNowAsync(expected: 1);
        var response = await AnswerOnTheWebAsync("Omar Fassi", ("satisfaction", "9"), ("priorities.1", "health"), ("priorities.2", "health"), ("priorities.3", "parking"));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Contains("choisissez un nombre de 1 à 5", html);
        Assert.Contains("Cette session a-t-elle été utile pour votre travail ? (1 = pas du tout, 5 = très) » demande une réponse", html);
        Assert.Contains("choisissez parmi les réponses proposées", html);
        Assert.Equal(0, (await ResultsAsync())["responses"]!.GetValue<int>());
    }

    [Fact]
    public async Task ForgedLinks_AndPeopleTheSurveyWasNotFor_AreRefused()
    {
        await PersonAsync("Youssef Alaoui", "youth", "male", "attended");
        var declined = await PersonAsync("Hajar Mansouri", "youth", "female", "declined");
        await OpenNowAsync(expected: 1);
        var link = LinkOf("Youssef Alaoui");
        var forged = link[..^6] + (link[^6] == 'A' ? "B" : "A") + link[^5..];
        Assert.Equal(HttpStatusCode.NotFound, (await _browser.GetAsync(forged)).StatusCode);

        await using var scope = _service.Services.CreateAsyncScope();
        var token = scope.ServiceProvider.GetRequiredService<SurveyLinks>().Token(Guid.Parse(_session), Guid.Parse(declined));
        var form = await RsvpForm.LoadAsync(_browser, "/survey/" + token);
        var response = await RsvpForm.PostAsync(_browser, form, Answers());
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(0, (await ResultsAsync())["responses"]!.GetValue<int>());
    }

    [Fact]
    public async Task ALateAnswer_AfterTheSurveyClosed_IsToldPolitely_AndNotKept()
    {
        await PersonAsync("Fatima Zahra", "community", "female", "attended");
        _service.Clock.SetUtcNow(End.AddHours(2));
        await OpenNowAsync(expected: 1);
        var form = await RsvpForm.LoadAsync(_browser, LinkOf("Fatima Zahra"));
        _service.Clock.SetUtcNow(End.AddHours(2).AddDays(7).AddMinutes(1));
        var late = await RsvpForm.PostAsync(_browser, form, Answers());
        Assert.Equal(HttpStatusCode.Gone, late.StatusCode);
        Assert.Contains("Ce questionnaire est clos", WebUtility.HtmlDecode(await late.Content.ReadAsStringAsync()));
        Assert.Contains("Ce questionnaire est clos", WebUtility.HtmlDecode(await _browser.GetStringAsync(LinkOf("Fatima Zahra"))));
        Assert.Equal("closed", (await ResultsAsync()).Str("state"));
        Assert.Equal(0, (await ResultsAsync())["responses"]!.GetValue<int>());
    }

    [Fact]
    public async Task NamedResults_ByGroupAndSex_WithPointsForPriorities_AndComments()
    {
        await PersonAsync("A One", "youth", "female", "attended");
        await PersonAsync("B Two", "youth", "male", "attended");
        await PersonAsync("C Three", "migrant", "female", "attended");
        await OpenNowAsync(expected: 3);
        await AnswerOnTheWebAsync("A One", Answers(5, 4, "health", "housing", "education", "Très bien"));
        await AnswerOnTheWebAsync("B Two", Answers(3, 4, "housing", "health", "employment"));
        await AnswerOnTheWebAsync("C Three", Answers(4, 2, "health", "documents", "housing"));

        var results = await ResultsAsync();
        Assert.Equal(1.0, results["responseRate"]!.GetValue<double>());
        Assert.Equal(4.0, results["questions"]![0]!["average"]!.GetValue<double>());
        var points = results["questions"]![3]!["points"]!.AsArray();
        Assert.Equal(("health", 8), (points[0].Str("value"), points[0]!["count"]!.GetValue<int>()));   // 3 + 2 + 3
        Assert.Equal(("housing", 6), (points[1].Str("value"), points[1]!["count"]!.GetValue<int>()));  // 2 + 3 + 1
        Assert.Equal(["Très bien"], results["questions"]![4]!["comments"]!.AsArray().Select(c => c!.GetValue<string>()));
        Assert.Equal(["migrant", "youth"], results["byGroup"]!.AsArray().Select(g => g.Str("key")));
        Assert.Equal(4.0, results["byGroup"]![1]!["questions"]![0]!["average"]!.GetValue<double>());
        Assert.Equal(2, results["bySex"]!.AsArray().Single(g => g.Str("key") == "female")!["responses"]!.GetValue<int>());
        Assert.Null(results["minimumGroupSize"]);
    }

    [Fact]
    public async Task AnonymousResults_KeepNoLinkToThePerson_AndShowNoGroupUnderFiveAnswers()
    {
        await _api.PutAsJsonAsync($"/api/sessions/{_session}/survey", new { anonymous = true });
        for (var i = 0; i < 6; i++) await PersonAsync($"Youth {i}", "youth", i % 2 == 0 ? "female" : "male", "attended");
        for (var i = 0; i < 2; i++) await PersonAsync($"Migrant {i}", "migrant", "female", "attended");
        await PersonAsync("Expert 0", "expert", "male", "attended");
        await OpenNowAsync(expected: 9);
        foreach (var name in _people.Keys) await AnswerOnTheWebAsync(name, Answers());

        var results = await ResultsAsync();
        Assert.Equal(9, results["responses"]!.GetValue<int>());
        Assert.Equal(5, results["minimumGroupSize"]!.GetValue<int>());
        // Youth (6) could be shown, but migrant (2) and expert (1) make an "other" of 3, under 5: youth then joins it, so that those
        // 3 answers cannot be worked out as the total minus youth's. Every group shown has at least 5 answers.
        var groups = results["byGroup"]!.AsArray();
        Assert.All(groups, g => Assert.True(g!["responses"]!.GetValue<int>() >= 5));
        Assert.DoesNotContain(groups, g => g.Str("key") is "migrant" or "expert");
        Assert.Equal(9, groups.Sum(g => g!["responses"]!.GetValue<int>()));
        Assert.All(results["bySex"]!.AsArray(), g => Assert.True(g!["responses"]!.GetValue<int>() >= 5));

        await using var scope = _service.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        Assert.All(await db.SurveyResponses.AsNoTracking().ToListAsync(), r => Assert.Null(r.ParticipantId));
        Assert.Equal(9, await db.SurveySubmissions.CountAsync());
    }

    [Fact]
    public async Task ResultsExport_InExcelAndCsv_ReadsBack()
    {
        await PersonAsync("Amina Tazi", "youth", "female", "attended");
        await OpenNowAsync(expected: 1);
        await AnswerOnTheWebAsync("Amina Tazi", Answers(5, 4));
        using var book = new XLWorkbook(await (await _api.GetAsync($"/api/sessions/{_session}/survey/results/export?format=xlsx")).Content.ReadAsStreamAsync());
        var rows = book.Worksheet("Questionnaire").RowsUsed().ToList();
        Assert.Equal("Répondants", rows[0].Cell(1).GetString());
        Assert.Contains(rows, r => r.Cell(3).GetString() == "5" && r.Cell(4).GetValue<int>() == 1);
        var csv = await _api.GetStringAsync($"/api/sessions/{_session}/survey/results/export?format=csv");
        Assert.Contains("Santé et soutien psychosocial", csv);
    }

    [Fact]
    public async Task QuestionsNoLongerChange_OnceTheSurveyIsOpen()
    {
        await PersonAsync("Amina Tazi", "youth", "female", "attended");
        await OpenNowAsync(expected: 1);
        var change = await _api.PutAsJsonAsync($"/api/sessions/{_session}/survey", new { anonymous = true });
        Assert.Equal(HttpStatusCode.Conflict, change.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await _api.PostAsync($"/api/sessions/{_session}/survey/open", null)).StatusCode);
    }
}
