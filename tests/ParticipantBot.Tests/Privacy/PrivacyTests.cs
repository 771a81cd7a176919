using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ParticipantBot.Persistence;
using ParticipantBot.Privacy;
using ParticipantBot.Tests.Delivery;
using ParticipantBot.Tests.Support;
using ParticipantBot.Tests.Teams;

namespace ParticipantBot.Tests.Privacy;

/// <summary>
/// Data protection as the README states it: a person's export and erasure, the retention job with a
/// moved clock, requests from chat, secure_delete; each proven on the files the service writes.
/// </summary>
public sealed class PrivacyTests : IAsyncLifetime
{
    private readonly ClockedServiceFactory _service = new();
    private FakeBotConnector _connector = null!;
    private HttpClient _api = null!;
    private Scenario _s = null!;
    private string _campaign = "", _session = "";

    // 2026-12-16 09:30–13:00 in Tangier.
    private static readonly DateTimeOffset End = new(2026, 12, 16, 12, 0, 0, TimeSpan.Zero);

    public async Task InitializeAsync()
    {
        _connector = await FakeBotConnector.StartAsync();
        _api = _service.CreateClient();
        _s = new Scenario(_api);
        _campaign = (await _api.PostJsonAsync("/api/campaigns", new { name = "Consultations Tanger", retentionMonths = 1 }, HttpStatusCode.Created)).Str("id");
        _session = (await _s.SessionAsync(_campaign, start: "2026-12-16T09:30", end: "2026-12-16T13:00")).Str("id");
    }

    public async Task DisposeAsync()
    {
        await _connector.DisposeAsync();
        await _service.DisposeAsync();
    }

    private string[] Folders => [_service.Folder];

    /// <summary>A person reached by email and Teams, invited, answered (with needs and a note), who answered the named survey with a comment.</summary>
    private async Task<(string Id, string Name, string Email)> FullyInvolvedAsync(string name, string group, string sex, string objectId)
    {
        var email = $"{name.Replace(' ', '.').ToLowerInvariant()}@example.org";
        var id = (await _api.PostJsonAsync($"/api/campaigns/{_campaign}/participants",
            new
            {
                fullName = name, email, teamsObjectId = objectId, group, sex, language = "fr", channel = "both", organisation = "Association " + name,
                needs = new { transport = true, diet = "sans gluten" }
            }, HttpStatusCode.Created))["participant"].Str("id");
        await new ChatUser(_api, _connector, objectId, name).InstallAsync();
        await _s.InviteAsync(_session, id);
        await _service.DispatchAsync();
        await _api.PostJsonAsync($"/api/sessions/{_session}/invitations/{id}/answer", new { status = "attended", channel = "phone", note = "Venue avec " + name }, HttpStatusCode.OK);
        return (id, name, email);
    }

    private async Task AnswerSurveyAsync(string participant, string comment)
    {
        await using var scope = _service.Services.CreateAsyncScope();
        var session = await scope.ServiceProvider.GetRequiredService<AppDbContext>().Sessions.FindAsync(Guid.Parse(_session));
        var outcome = await scope.ServiceProvider.GetRequiredService<ParticipantBot.Surveys.SurveyService>().SubmitAsync(session!, Guid.Parse(participant),
            [new("satisfaction", Rating: 4), new("usefulness", Rating: 3), new("priorities", Choices: ["health", "housing", "education"]), new("comment", Text: comment)],
            ParticipantBot.Domain.Common.AnswerChannel.Web, CancellationToken.None);
        Assert.IsType<ParticipantBot.Surveys.SubmitOutcome.Saved>(outcome);
    }

    private async Task<JsonNode> BoardAsync() => (await _api.GetJsonAsync($"/api/campaigns/{_campaign}/dashboard"))["sessions"]![0]!;

    [Fact]
    public async Task Erasure_RemovesThePersonEverywhere_AByteScanFindsNeitherNameNorEmail_AndTheOthersStay()
    {
        var salma = await FullyInvolvedAsync("Salma Benkirane", "youth", "female", "oid-salma");
        var omar = await FullyInvolvedAsync("Omar Lahlou", "migrant", "male", "oid-omar");
        await _api.PostJsonAsync($"/api/sessions/{_session}/survey/open", new { }, HttpStatusCode.Accepted);
        await _service.DispatchAsync();
        await AnswerSurveyAsync(salma.Id, "Bravo de la part de Salma Benkirane");
        Assert.NotEmpty(ByteScan.FilesContaining(salma.Email, Folders));   // the scan finds what is there
        Assert.NotEmpty(ByteScan.FilesContaining(salma.Name, Folders));

        Assert.Equal(HttpStatusCode.NoContent, (await _api.DeleteAsync($"/api/campaigns/{_campaign}/participants/{salma.Id}")).StatusCode);

        Assert.Empty(ByteScan.FilesContaining(salma.Email, Folders));
        Assert.Empty(ByteScan.FilesContaining(salma.Name, Folders));
        Assert.Empty(ByteScan.FilesContaining("oid-salma", Folders));
        Assert.NotEmpty(ByteScan.FilesContaining(omar.Email, Folders));   // only her
        await using var scope = _service.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        Assert.False(await db.TeamsInstallations.AnyAsync(i => i.UserObjectId == "oid-salma"));
        Assert.False(await db.OutboundMessages.AnyAsync(m => m.ParticipantId == Guid.Parse(salma.Id)));
        var board = await BoardAsync();
        Assert.Equal((1, 1), (board["counts"]!["total"]!.GetValue<int>(), board["counts"]!["attended"]!.GetValue<int>()));
        Assert.Equal(0, (await _api.GetJsonAsync($"/api/sessions/{_session}/survey/results"))["responses"]!.GetValue<int>());
        var audit = (await _api.GetJsonAsync($"/api/campaigns/{_campaign}/audit")).AsArray();
        Assert.Contains(audit, e => e.Str("action") == "participantErased" && e.Str("participantId") == salma.Id);
    }

    [Fact]
    public async Task Retention_WithAMovedClock_ErasesExactlyThePersonalData_AndLeavesTheAggregatesEqual()
    {
        var people = new[]
        {
            await FullyInvolvedAsync("Amina Tazi", "youth", "female", "oid-amina"),
            await FullyInvolvedAsync("Karim Idrissi", "youth", "male", "oid-karim"),
            await FullyInvolvedAsync("Nadia Chraibi", "civilSociety", "notStated", "oid-nadia"),
        };
        await _api.PostJsonAsync($"/api/sessions/{_session}/survey/open", new { }, HttpStatusCode.Accepted);
        await _service.DispatchAsync();
        foreach (var p in people) await AnswerSurveyAsync(p.Id, "Commentaire de " + p.Name);
        var boardBefore = await BoardAsync();
        var resultsBefore = await _api.GetJsonAsync($"/api/sessions/{_session}/survey/results");

        await using var scope = _service.Services.CreateAsyncScope();
        _service.Clock.SetUtcNow(End.AddMonths(1).AddMinutes(-1));
        Assert.Equal(0, await scope.ServiceProvider.GetRequiredService<RetentionSweep>().RunOnceAsync(CancellationToken.None));
        Assert.NotEmpty(ByteScan.FilesContaining(people[0].Email, Folders));
        _service.Clock.SetUtcNow(End.AddMonths(1).AddMinutes(1));
        Assert.Equal(1, await scope.ServiceProvider.GetRequiredService<RetentionSweep>().RunOnceAsync(CancellationToken.None));
        Assert.Equal(0, await scope.ServiceProvider.GetRequiredService<RetentionSweep>().RunOnceAsync(CancellationToken.None));

        foreach (var p in people)
        {
            Assert.Empty(ByteScan.FilesContaining(p.Email, Folders));
            Assert.Empty(ByteScan.FilesContaining(p.Name, Folders));
            Assert.Empty(ByteScan.FilesContaining("Association " + p.Name, Folders));
        }
        Assert.Empty(ByteScan.FilesContaining("sans gluten", Folders));

        var boardAfter = await BoardAsync();
        foreach (var key in new[] { "counts", "byGroup", "bySex", "coming" })
            Assert.Equal(boardBefore[key]!.ToJsonString(), boardAfter[key]!.ToJsonString());
        var resultsAfter = await _api.GetJsonAsync($"/api/sessions/{_session}/survey/results");
        foreach (var question in new[] { 0, 1, 3 })
            Assert.Equal(resultsBefore["questions"]![question]!.ToJsonString(), resultsAfter["questions"]![question]!.ToJsonString());
        Assert.Empty(resultsAfter["questions"]![4]!["comments"]!.AsArray());
        // By group too: every distribution stays (free-text answers, which are not one, are gone).
        string Distributions(JsonNode results) => string.Join("|", results["byGroup"]!.AsArray().Select(g =>
            $"{g.Str("key")}:{g!["responses"]}:" + string.Join(",", g["questions"]!.AsArray().Where(q => q.Str("kind") != "freeText").Select(q => q!.ToJsonString()))));
        Assert.Equal(Distributions(resultsBefore), Distributions(resultsAfter));

        var list = (await _api.GetJsonAsync($"/api/campaigns/{_campaign}/participants")).AsArray();
        Assert.All(list, p => Assert.Equal(("—", null), (p.Str("fullName"), p!["email"]?.GetValue<string>())));
        Assert.Equal(["civilSociety", "youth", "youth"], list.Select(p => p.Str("group")).Order());
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        Assert.Empty(await db.OutboundMessages.Where(m => m.CampaignId == Guid.Parse(_campaign)).ToListAsync());
        Assert.Empty(await db.TeamsInstallations.ToListAsync());
        Assert.All(await db.SurveyResponses.AsNoTracking().ToListAsync(), r => Assert.Null(r.ParticipantId));
        Assert.NotNull((await db.Campaigns.AsNoTracking().SingleAsync(c => c.Id == Guid.Parse(_campaign))).PersonalDataErasedAt);
    }

    [Fact]
    public async Task Export_HoldsEverythingAboutThePerson_AndNothingAboutOthers()
    {
        var salma = await FullyInvolvedAsync("Salma Benkirane", "youth", "female", "oid-salma");
        var omar = await FullyInvolvedAsync("Omar Lahlou", "migrant", "male", "oid-omar");
        await _api.PostJsonAsync($"/api/sessions/{_session}/survey/open", new { }, HttpStatusCode.Accepted);
        await AnswerSurveyAsync(salma.Id, "Très utile");

        var export = await _api.GetJsonAsync($"/api/campaigns/{_campaign}/participants/{salma.Id}/export");
        var text = export.ToJsonString(new System.Text.Json.JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        Assert.Equal(salma.Email, export["person"].Str("email"));
        Assert.Equal("sans gluten", export["person"]!["needs"].Str("diet"));
        Assert.Equal("attended", export["invitations"]![0].Str("status"));
        Assert.Contains("Venue avec Salma Benkirane", text);
        Assert.Contains(export["messages"]!.AsArray(), m => m.Str("kind") == "invitation" && m.Str("channel") == "email");
        Assert.Contains(export["messages"]!.AsArray(), m => m.Str("kind") == "invitation" && m.Str("channel") == "teams");
        Assert.Contains("Très utile", text);
        Assert.Equal("a:29:oid-salma", export["teamsConversations"]![0].Str("conversationId"));
        foreach (var other in new[] { omar.Name, omar.Email, omar.Id, "oid-omar" }) Assert.DoesNotContain(other, text);

        var page = await _api.GetAsync($"/api/campaigns/{_campaign}/participants/{salma.Id}/export?format=html");
        Assert.Equal("text/html", page.Content.Headers.ContentType!.MediaType);
        var html = await page.Content.ReadAsStringAsync();
        Assert.Contains("Salma Benkirane", html);
        Assert.Contains("Invitations et réponses", html);
        Assert.DoesNotContain(omar.Email, html);
        Assert.Equal(HttpStatusCode.NotFound, (await _service.ClientAs("someone-else").GetAsync($"/api/campaigns/{_campaign}/participants/{salma.Id}/export")).StatusCode);
    }

    [Fact]
    public async Task MyDataInChat_FilesRequestsTheOrganisersSee_AndErasureCompletesThem()
    {
        var salma = await FullyInvolvedAsync("Salma Benkirane", "youth", "female", "oid-salma");
        var user = new ChatUser(_api, _connector, "oid-salma");
        await user.SayAsync("mes données", "tout ce que nous conservons");
        await user.SayAsync("supprimer mes données", "effaceront vos données");
        var requests = (await _api.GetJsonAsync($"/api/campaigns/{_campaign}/data-requests")).AsArray();
        Assert.Equal(["access", "erasure"], requests.Select(r => r.Str("kind")).Order());
        Assert.All(requests, r => Assert.Equal(salma.Id, r.Str("participantId")));
        Assert.Equal(2, (await _api.GetJsonAsync($"/api/campaigns/{_campaign}/dashboard"))["openDataRequests"]!.GetValue<int>());

        await _api.DeleteAsync($"/api/campaigns/{_campaign}/participants/{salma.Id}");
        requests = (await _api.GetJsonAsync($"/api/campaigns/{_campaign}/data-requests")).AsArray();
        Assert.All(requests, r => Assert.True(r!["participantId"] is null && r["completedAt"] is not null));
    }

    [Fact]
    public async Task SqliteConnections_UseSecureDelete()
    {
        await using var scope = _service.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        await db.Database.OpenConnectionAsync();
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = "PRAGMA secure_delete;";
        Assert.Equal(1L, await command.ExecuteScalarAsync());
    }
}
