using System.Net;
using ParticipantBot.Tests.Support;

namespace ParticipantBot.Tests.Campaigns;

/// <summary>Campaigns and sessions through the organiser API, on each database.</summary>
public abstract class CampaignApiTests(ServiceFactory service)
{
    private readonly HttpClient _client = service.CreateClient();

    [Fact]
    public async Task Health_AnswersWhenTheDatabaseDoes()
    {
        var response = await _client.GetAsync("/healthz");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Campaign_IsVisibleToItsOrganisersOnly()
    {
        var id = await new Scenario(_client).CampaignAsync("Souss-Massa");
        var mine = await _client.GetJsonAsync("/api/campaigns");
        Assert.Contains(mine.AsArray(), c => c.Str("id") == id);

        var stranger = service.ClientAs("someone-else");
        Assert.DoesNotContain((await stranger.GetJsonAsync("/api/campaigns")).AsArray(), c => c.Str("id") == id);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync($"/api/campaigns/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync($"/api/campaigns/{id}/participants")).StatusCode);
    }

    [Fact]
    public async Task Session_TakesLocalTimes_AndShowsLocalAndUtc_AcrossTheRamadanChange()
    {
        var scenario = new Scenario(_client);
        var campaign = await scenario.CampaignAsync();
        var before = await scenario.SessionAsync(campaign, start: "2027-02-04T10:00", end: "2027-02-04T12:00");
        var during = await scenario.SessionAsync(campaign, start: "2027-02-10T10:00", end: "2027-02-10T12:00");

        Assert.Equal("2027-02-04T10:00:00+01:00", before.Str("start"));
        Assert.Equal("2027-02-04T09:00:00+00:00", before.Str("startUtc"));
        Assert.Equal("2027-02-10T10:00:00+00:00", during.Str("start"));
        Assert.Equal("2027-02-10T10:00:00+00:00", during.Str("startUtc"));
        Assert.Equal("Africa/Casablanca", during.Str("timeZone"));
    }

    [Fact]
    public async Task Session_MovedThroughPatch_KeepsItsZone_AndRaisesItsSequence()
    {
        var scenario = new Scenario(_client);
        var session = await scenario.SessionAsync(await scenario.CampaignAsync());
        var moved = await _client.PatchJsonAsync($"/api/sessions/{session.Str("id")}", new { start = "2026-12-08T10:00", venue = "Salle B" });
        Assert.Equal("2026-12-08T10:00:00+01:00", moved.Str("start"));
        Assert.Equal("Salle B", moved.Str("venue"));
        Assert.Equal(2, moved["sequence"]!.GetValue<int>());
    }

    [Fact]
    public async Task Session_WithBadTimes_GetsAProblemNamingTheField()
    {
        var campaign = await new Scenario(_client).CampaignAsync();
        var problem = await _client.PostJsonAsync($"/api/campaigns/{campaign}/sessions",
            new { title = "x", start = "2026-12-08T13:00", end = "2026-12-08T09:00" }, HttpStatusCode.BadRequest);
        Assert.Equal("end", problem["errors"]![0]!.Str("field"));

        problem = await _client.PostJsonAsync($"/api/campaigns/{campaign}/sessions",
            new { title = "x", start = "demain", end = "2026-12-08T09:00" }, HttpStatusCode.BadRequest);
        Assert.Equal("start", problem["errors"]![0]!.Str("field"));

        problem = await _client.PostJsonAsync($"/api/campaigns/{campaign}/sessions",
            new { title = "x", start = "2026-12-08T09:00", end = "2026-12-08T12:00", timeZone = "Mars/Olympus" }, HttpStatusCode.BadRequest);
        Assert.Contains("Mars/Olympus", problem["errors"]![0]!.Str("message"));
    }

    [Fact]
    public async Task CancellingASession_CancelsItsInvitations()
    {
        var scenario = new Scenario(_client);
        var campaign = await scenario.CampaignAsync();
        var session = (await scenario.SessionAsync(campaign)).Str("id");
        var person = await scenario.ParticipantAsync(campaign, "Salma Tazi");
        await scenario.InviteAsync(session, person);
        await scenario.AnswerAsync(session, person, "accepted");

        var cancelled = await _client.PostJsonAsync($"/api/sessions/{session}/cancel", new { }, HttpStatusCode.OK);
        Assert.Equal("cancelled", cancelled.Str("state"));
        Assert.Equal(1, cancelled["counts"]!["cancelled"]!.GetValue<int>());
        var refused = await scenario.AnswerAsync(session, person, "accepted", expected: HttpStatusCode.Conflict);
        Assert.Contains("cancelled", refused.Str("title"));
    }

    [Fact]
    public async Task MalformedJson_GetsAProblem_NotAServerError()
    {
        var response = await _client.PostAsync("/api/campaigns", new StringContent("{\"name\": ", System.Text.Encoding.UTF8, "application/json"));
        var problem = await response.ReadJsonAsync(HttpStatusCode.BadRequest);
        Assert.NotNull(problem["errors"]);

        response = await _client.PostAsync("/api/campaigns", new StringContent("{\"name\": \"x\", \"defaultLanguage\": \"klingon\"}", System.Text.Encoding.UTF8, "application/json"));
        problem = await response.ReadJsonAsync(HttpStatusCode.BadRequest);
        Assert.Contains("defaultLanguage", problem.ToJsonString());
    }

    [Fact]
    public async Task UnknownRoute_AnswersWithAProblem()
    {
        var response = await _client.GetAsync($"/api/campaigns/{Guid.NewGuid()}");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }
}

public sealed class CampaignApiOnSqliteTests(ServiceFactory service) : CampaignApiTests(service), IClassFixture<ServiceFactory>;

public sealed class CampaignApiOnPostgresTests(PostgresServiceFactory service) : CampaignApiTests(service), IClassFixture<PostgresServiceFactory>;
