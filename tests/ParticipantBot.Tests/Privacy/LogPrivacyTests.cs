using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using ParticipantBot.Tests.Delivery;
using ParticipantBot.Tests.Support;
using ParticipantBot.Tests.Teams;

namespace ParticipantBot.Tests.Privacy;

/// <summary>The service's logs, at every level as configured by default, through a participant's whole journey: no name, no address.</summary>
public sealed class LogPrivacyTests : IAsyncLifetime
{
    private readonly LogCapture _logs = new();
    private readonly ClockedServiceFactory _service;
    private FakeBotConnector _connector = null!;

    public LogPrivacyTests() => _service = new ClockedServiceFactory
    {
        TestServices = services => services.AddSingleton<ILoggerProvider>(_logs),
    };

    public async Task InitializeAsync() => _connector = await FakeBotConnector.StartAsync();

    public async Task DisposeAsync()
    {
        await _connector.DisposeAsync();
        await _service.DisposeAsync();
    }

    [Fact]
    public async Task AParticipantsWholeJourney_LeavesNoNameNorAddressInTheLogs()
    {
        var api = _service.CreateClient();
        var s = new Scenario(api);
        var campaign = await s.CampaignAsync();
        var session = (await s.SessionAsync(campaign, capacity: 1, start: "2026-12-16T09:30", end: "2026-12-16T13:00")).Str("id");
        var csv = "fullName;email;group;sex;language;channel\nZineb Kettani;zineb.kettani@example.org;youth;female;fr;email\nRachid Ouazzani;rachid.ouazzani@example.org;youth;male;ar;email\nBad Row;not-an-email;youth;female;fr;email\n";
        using (var form = new MultipartFormDataContent { { new StringContent(csv), "file", "guests.csv" } })
            await api.PostAsync($"/api/campaigns/{campaign}/participants/import?skipInvalid=true", form);
        var people = (await api.GetJsonAsync($"/api/campaigns/{campaign}/participants")).AsArray();
        var teams = (await api.PostJsonAsync($"/api/campaigns/{campaign}/participants",
            new { fullName = "Layla Berrada", email = "layla.berrada@example.org", teamsObjectId = "oid-p3", group = "migrant", language = "fr", channel = "teams" }, HttpStatusCode.Created))["participant"].Str("id");
        _connector.Members["29:oid-p3"] = new JsonObject { ["id"] = "29:oid-p3", ["aadObjectId"] = "oid-p3", ["name"] = "Layla Berrada", ["email"] = "layla.berrada@example.org" };
        await BotActivities.PostAsync(api, BotActivities.Install(_connector.Url, "oid-p3", "29:oid-p3"));
        await api.PostJsonAsync($"/api/sessions/{session}/invitations", new { all = true }, HttpStatusCode.Accepted);
        await _service.DispatchAsync();

        var zineb = people.Single(p => p.Str("fullName") == "Zineb Kettani")!.Str("id");
        var rachid = people.Single(p => p.Str("fullName") == "Rachid Ouazzani")!.Str("id");
        await s.AnswerAsync(session, zineb, "accepted");
        await s.AnswerAsync(session, rachid, "accepted");            // full: waiting list, and an email about it
        await s.AnswerAsync(session, zineb, "declined");             // the seat goes to Rachid
        await BotActivities.PostAsync(api, BotActivities.Message(_connector.Url, "oid-p3", "29:oid-p3", "mes invitations"));
        await BotActivities.PostAsync(api, BotActivities.Message(_connector.Url, "oid-p3", "29:oid-p3", "supprimer mes données"));
        await api.PostJsonAsync($"/api/sessions/{session}/survey/open", new { }, HttpStatusCode.Accepted);
        await _service.DispatchAsync();
        await api.DeleteAsync($"/api/campaigns/{campaign}/participants/{teams}");

        var lines = _logs.Lines.ToList();
        Assert.True(lines.Count > 20, "the capture saw the service's logs");
        foreach (var secret in new[] { "Zineb", "Kettani", "zineb.kettani@example.org", "Rachid", "Ouazzani", "rachid.ouazzani", "Layla", "Berrada", "layla.berrada", "not-an-email", "Bad Row" })
        {
            var found = lines.FirstOrDefault(l => l.Contains(secret, StringComparison.OrdinalIgnoreCase));
            Assert.True(found is null, $"'{secret}' is in the log: {found}");
        }
    }
}
