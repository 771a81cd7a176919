using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using ParticipantBot.Tests.Support;
using ParticipantBot.Tests.Teams;

namespace ParticipantBot.Tests.Delivery;

/// <summary>
/// Delivery guarantees, proven on real service processes: killed (SIGKILL) at several points of a
/// campaign and restarted, nothing is lost (every message arrives at least once, those in flight at a
/// crash are sent again) and every copy that may be a second one is flagged; two processes on one
/// PostgreSQL send every message once. The crash runner (bench: crash) does the same at random moments
/// with thousands of people.
/// </summary>
[Collection("Processes")]
public sealed class DeliveryGuaranteeTests : IAsyncLifetime
{
    private readonly string _folder = Directory.CreateTempSubdirectory("participantbot-crash-").FullName;
    private FakeBotConnector _connector = null!;

    public async Task InitializeAsync() => _connector = await FakeBotConnector.StartAsync();

    public async Task DisposeAsync()
    {
        await _connector.DisposeAsync();
        try { Directory.Delete(_folder, recursive: true); } catch (IOException) { }
    }

    private Dictionary<string, string> Settings(string? connectionString = null) => new()
    {
        ["Database:Provider"] = connectionString is null ? "Sqlite" : "Postgres",
        ["ConnectionStrings:Default"] = connectionString ?? $"Data Source={Path.Combine(_folder, "participantbot.db")}",
        ["Scheduling:SqlitePath"] = Path.Combine(_folder, "hangfire.db"),
        ["Scheduling:DispatchCron"] = "*/2 * * * * *",
        ["Scheduling:LockSeconds"] = "10",
        ["Delivery:LeaseSeconds"] = "10",
        ["Outbox:Path"] = Path.Combine(_folder, "outbox"),
    };

    [Fact]
    public async Task KilledAtSeveralPoints_EveryMessageArrivesAtLeastOnce_AndEverySecondCopyIsFlagged()
    {
        const int people = 24;
        string session;
        await using (var first = await ServiceProcess.StartAsync(_folder, Settings()))
        {
            using var api = first.Client();
            var campaign = await new Scenario(api).CampaignAsync("Crash campaign");
            session = (await new Scenario(api).SessionAsync(campaign, capacity: 100, start: TestDates.Local(30, 9, 30), end: TestDates.Local(30, 12))).Str("id");
            var ids = new List<string>();
            for (var n = 1; n <= people; n++)
            {
                var oid = $"oid-crash-{n}";
                ids.Add((await api.PostJsonAsync($"/api/campaigns/{campaign}/participants",
                    new { fullName = $"Participant {n}", teamsObjectId = oid, group = "youth", channel = "teams" }, HttpStatusCode.Created))["participant"].Str("id"));
                _connector.Members[$"29:{oid}"] = new JsonObject { ["id"] = $"29:{oid}", ["aadObjectId"] = oid };
                var installed = await BotActivities.PostAsync(api, BotActivities.Install(_connector.Url, oid, $"29:{oid}"));
                Assert.True(installed.IsSuccessStatusCode);
            }
            // Point 1: in the middle of a send (the connector holds its answer), then killed.
            _connector.HoldAt(5);
            await api.PostJsonAsync($"/api/sessions/{session}/invitations", new { all = true }, HttpStatusCode.Accepted);
            await Eventually.WaitAsync(() => Task.FromResult(_connector.Received.Count), c => c >= 5, "the fifth card to be in flight");
            await first.KillAsync();
        }
        _connector.Release();

        // Point 2: a restarted service, killed while another send is in flight.
        _connector.HoldAt(12);
        await using (var second = await ServiceProcess.StartAsync(_folder, Settings()))
        {
            await Eventually.WaitAsync(() => Task.FromResult(_connector.Received.Count), c => c >= 12, "the twelfth card to be in flight", 120);
            await second.KillAsync();
        }
        _connector.Release();

        // Point 3: killed right after starting, whatever it was doing.
        await using (var third = await ServiceProcess.StartAsync(_folder, Settings()))
            await third.KillAsync();

        await using var last = await ServiceProcess.StartAsync(_folder, Settings());
        using var client = last.Client();
        var messages = await Eventually.WaitAsync(async () => (await client.GetJsonAsync($"/api/sessions/{session}/messages")).AsArray()
                .Where(m => m.Str("kind") == "invitation" && m.Str("channel") == "teams").ToList(),
            l => l.Count == people && l.All(m => m.Str("status") == "sent"), "every invitation sent", 180);

        var received = _connector.Received.Select(InvitationOf).GroupBy(i => i).ToDictionary(g => g.Key, g => g.Count());
        var invitations = (await client.GetJsonAsync($"/api/sessions/{session}/invitations")).AsArray().ToList();
        var invitationIds = invitations.ToDictionary(i => i.Str("participantId"), i => i.Str("id"));
        var flagged = messages.Where(m => m!["mayHaveArrivedTwice"]!.GetValue<bool>()).Select(m => invitationIds[m.Str("participantId")]).ToHashSet();
        Assert.Equal(people, received.Count);                                               // every card arrived at least once
        Assert.All(received.Where(r => r.Value > 1), r => Assert.Contains(r.Key, flagged));  // every second copy is flagged
        Assert.True(flagged.Count >= 2, $"the two sends cut off by the kills were sent again and flagged ({flagged.Count})");
        Assert.All(messages.Where(m => m!["mayHaveArrivedTwice"]!.GetValue<bool>()), m => Assert.Contains("stopped while", m.Str("duplicateReason")));
        Assert.All(invitations, i => Assert.Equal("invited", i.Str("status")));              // a delivered invitation is invited, whatever the path
    }

    [Fact]
    public async Task TwoProcessesOnOnePostgreSql_SendEveryMessageOnce()
    {
        const int people = 120;
        var database = PostgresServer.NewDatabase();
        var settings = Settings(database);
        await using var a = await ServiceProcess.StartAsync(Directory.CreateDirectory(Path.Combine(_folder, "a")).FullName, settings);
        await using var b = await ServiceProcess.StartAsync(Directory.CreateDirectory(Path.Combine(_folder, "b")).FullName, settings);
        using var apiA = a.Client();
        using var apiB = b.Client();

        var campaign = await new Scenario(apiA).CampaignAsync("Two instances");
        var csv = new StringBuilder("name,email,group\n");
        for (var n = 0; n < people; n++) csv.Append($"Person {n},person{n}@example.org,youth\n");
        await (await apiA.PostAsync($"/api/campaigns/{campaign}/participants/import", Uploads.Csv(csv.ToString()))).ReadJsonAsync(HttpStatusCode.OK);
        var first = (await new Scenario(apiA).SessionAsync(campaign, capacity: 500, start: TestDates.Local(30, 9, 30), end: TestDates.Local(30, 12))).Str("id");
        var second = (await new Scenario(apiB).SessionAsync(campaign, capacity: 500, start: TestDates.Local(31, 9, 30), end: TestDates.Local(31, 12))).Str("id");
        // Each instance plans one session's invitations; both dispatch from the same tables.
        await apiA.PostJsonAsync($"/api/sessions/{first}/invitations", new { all = true }, HttpStatusCode.Accepted);
        await apiB.PostJsonAsync($"/api/sessions/{second}/invitations", new { all = true }, HttpStatusCode.Accepted);

        foreach (var session in new[] { first, second })
            await Eventually.WaitAsync(async () => (await apiB.GetJsonAsync($"/api/sessions/{session}/messages")).AsArray().Where(m => m.Str("kind") == "invitation").ToList(),
                l => l.Count == people && l.All(m => m.Str("status") == "sent"), "every invitation sent", 180);

        var mails = new MailFolder(Path.Combine(_folder, "outbox")).All().Where(m => m.Subject!.StartsWith("Invitation")).ToList();
        Assert.Equal(2 * people, mails.Count);
        Assert.Equal(2 * people, mails.Select(m => m.MessageId).Distinct().Count());
        // One invitation per person and session: the meeting request's UID names both.
        Assert.All(mails.GroupBy(m => MailFolder.Ics(m).Events.Single().Uid), g => Assert.Single(g));
        Assert.Equal(2 * people, mails.Select(m => MailFolder.Ics(m).Events.Single().Uid).Distinct().Count());
    }

    private static string InvitationOf(JsonObject activity) =>
        activity["attachments"]![0]!["content"]!["refresh"]!["action"]!["data"]!["i"]!.GetValue<string>();
}

[CollectionDefinition("Processes", DisableParallelization = true)]
public sealed class ProcessesCollection;
