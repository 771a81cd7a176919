using System.Diagnostics;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using ParticipantBot.Dashboard;
using ParticipantBot.Domain.Campaigns;
using ParticipantBot.Domain.Common;
using ParticipantBot.Domain.Invitations;
using ParticipantBot.Domain.Messages;
using ParticipantBot.Domain.Participants;
using ParticipantBot.Persistence;
using ParticipantBot.Reporting;

namespace ParticipantBot.Bench;

/// <summary>
/// The dashboard's data endpoint on SQLite: a campaign with 10,000 invitations (5 sessions of 2,000)
/// in a database of 100,000 invitations with an invitation message each and the planned reminder of each who has not declined, served by the real service
/// process; sequential requests as the page polls, timed end to end over HTTP. Its floor, timed in
/// turn with it: the grouped SQL the counts need, run bare on the same file (<see cref="DashboardFloor"/>).
/// </summary>
internal static class DashboardBenchmark
{
    private const int Campaigns = 10, SessionsPerCampaign = 5, PeoplePerCampaign = 2000;

    public static async Task<int> RunAsync(int requests)
    {
        var folder = Directory.CreateTempSubdirectory("participantbot-dashboard-").FullName;
        try
        {
            var seeding = Stopwatch.StartNew();
            var (campaign, session, total) = await SeedAsync(folder);
            Console.Error.WriteLine($"seeded {total} invitations in {seeding.Elapsed.TotalSeconds:F1} s");
            using var service = BenchService.Start(folder, 0, email: true);
            using var http = new HttpClient { BaseAddress = new Uri(service.Url) };
            http.DefaultRequestHeaders.Add("X-Dev-User", "bench-organiser");
            await BenchService.WaitHealthyAsync(http, service.Process);
            // Healthy is not settled: the start-up repair pass reads every coming session's invitations and outbox
            // (a few seconds on this database); timed requests wait until the service is idle.
            var settleSeconds = await BenchService.WaitIdleAsync(service.Process);
            Console.Error.WriteLine($"service idle {settleSeconds:F0} s after healthy");

            async Task<List<double>> TimeAsync(string url, int n)
            {
                var times = new List<double>(n);
                for (var i = 0; i < n; i++)
                {
                    var started = Stopwatch.GetTimestamp();
                    using var response = await http.GetAsync(url);
                    response.EnsureSuccessStatusCode();
                    await response.Content.ReadAsByteArrayAsync();
                    times.Add((Stopwatch.GetTimestamp() - started) * 1000.0 / Stopwatch.Frequency);
                }
                return times;
            }

            var board = $"/api/campaigns/{campaign}/dashboard";
            var connectionString = $"Data Source={Path.Combine(folder, "participantbot.db")}";
            var dbOptionsBuilder = new DbContextOptionsBuilder<SqliteAppDbContext>().UseSqlite(connectionString).AddInterceptors(SqliteSecureDelete.Instance);
            if (Environment.GetEnvironmentVariable("BENCH_LOG_SQL") == "1") dbOptionsBuilder.LogTo(Console.Error.WriteLine, Microsoft.Extensions.Logging.LogLevel.Information);
            var dbOptions = dbOptionsBuilder.Options;
            var floor = new DashboardFloor(connectionString, campaign);
            var floorRows = 0;
            async Task<double> FloorOnceAsync()
            {
                var started = Stopwatch.GetTimestamp();
                floorRows = await floor.RunAsync();
                return (Stopwatch.GetTimestamp() - started) * 1000.0 / Stopwatch.Frequency;
            }
            async Task<double> QueriesOnceAsync()
            {
                var started = Stopwatch.GetTimestamp();
                await using var db = new SqliteAppDbContext(dbOptions);
                var found = await db.Campaigns.AsNoTracking().SingleAsync(c => c.Id == campaign);
                await new DashboardQueries(db, new ParticipationFiguresQuery(db), TimeProvider.System).ForCampaignAsync(found, CancellationToken.None);
                return (Stopwatch.GetTimestamp() - started) * 1000.0 / Stopwatch.Frequency;
            }

            // Warm-up (JIT, EF model, SQLite page cache), then the endpoint, its floor and the same queries in this
            // process taken in turn, so that whatever else the machine does falls on all three alike.
            await TimeAsync(board, 20);
            for (var i = 0; i < 20; i++) { await FloorOnceAsync(); await QueriesOnceAsync(); }
            // What the service costs doing nothing (its recurring jobs, pollers, gauges), to read cpuMsPerRequest by.
            var idleBefore = service.Process.TotalProcessorTime;
            await Task.Delay(3000);
            var idleCpuPercent = Math.Round((service.Process.TotalProcessorTime - idleBefore).TotalMilliseconds / 3000 * 100, 1);
            var times = new List<double>(requests);
            var floorTimes = new List<double>(requests);
            var queryTimes = new List<double>(requests);
            var cpu = TimeSpan.Zero;
            for (var i = 0; i < requests; i++)
            {
                // The service's CPU while it answers (not while the floor and the in-process queries run).
                var cpuBefore = service.Process.TotalProcessorTime;
                times.AddRange(await TimeAsync(board, 1));
                cpu += service.Process.TotalProcessorTime - cpuBefore;
                floorTimes.Add(await FloorOnceAsync());
                queryTimes.Add(await QueriesOnceAsync());
            }
            var check = JsonDocument.Parse(await http.GetStringAsync(board));
            var counted = check.RootElement.GetProperty("sessions").EnumerateArray().Sum(s => s.GetProperty("counts").GetProperty("total").GetInt32());
            var floorCounted = await floor.CountInvitationsAsync();

            var roster = await TimeAsync($"/api/sessions/{session}/roster?limit=100", 5);
            roster = await TimeAsync($"/api/sessions/{session}/roster?limit=100", Math.Max(20, requests / 5));
            var filtered = await TimeAsync($"/api/sessions/{session}/roster?limit=100&status=accepted&group=youth&sex=female", Math.Max(20, requests / 5));
            var export = await TimeAsync($"/api/sessions/{session}/export?format=xlsx", 3);
            service.Process.Refresh();

            double P(List<double> t, double p) => Math.Round(BenchService.Percentile(t, p), 2);
            var line = new Dictionary<string, object?>
            {
                ["benchmark"] = "dashboard",
                ["invitations"] = total,
                ["campaignInvitations"] = counted,
                ["requests"] = requests,
                ["p50Ms"] = P(times, 0.50),
                ["p95Ms"] = P(times, 0.95),
                ["maxMs"] = Math.Round(times.Max(), 1),
                // The floor: the grouped SQL the counts need, bare, on the same file through the same provider (DashboardFloor).
                ["floorP50Ms"] = P(floorTimes, 0.50),
                ["floorP95Ms"] = P(floorTimes, 0.95),
                // The endpoint as a multiple of its floor (target: p95 at most 3 times the floor's p95).
                ["p50TimesFloor"] = Math.Round(BenchService.Percentile(times, 0.50) / BenchService.Percentile(floorTimes, 0.50), 2),
                ["p95TimesFloor"] = Math.Round(BenchService.Percentile(times, 0.95) / BenchService.Percentile(floorTimes, 0.95), 2),
                // Between the two: the service's own queries (DashboardQueries through EF Core), called in this process, without HTTP.
                ["queriesP50Ms"] = P(queryTimes, 0.50),
                ["queriesP95Ms"] = P(queryTimes, 0.95),
                ["queriesP50TimesFloor"] = Math.Round(BenchService.Percentile(queryTimes, 0.50) / BenchService.Percentile(floorTimes, 0.50), 2),
                ["floorRows"] = floorRows,
                ["cpuMsPerRequest"] = Math.Round(cpu.TotalMilliseconds / requests, 1),
                ["idleCpuPercent"] = idleCpuPercent,
                ["rosterP95Ms"] = Math.Round(BenchService.Percentile(roster, 0.95), 1),
                ["rosterFilteredP95Ms"] = Math.Round(BenchService.Percentile(filtered, 0.95), 1),
                ["exportXlsx2000Ms"] = Math.Round(export.Min(), 1),
                ["peakWorkingSetMb"] = service.Process.PeakWorkingSet64 / 1024 / 1024,
                ["machine"] = BenchService.Machine(),
            };
            Console.WriteLine(JsonSerializer.Serialize(line));
            if (floorCounted != counted) Console.Error.WriteLine($"The floor counted {floorCounted} invitations, the endpoint {counted}.");
            return counted == SessionsPerCampaign * PeoplePerCampaign && floorCounted == counted ? 0 : 1;
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            try { Directory.Delete(folder, recursive: true); } catch (IOException) { }
        }
    }

    private static async Task<(Guid Campaign, Guid Session, int Invitations)> SeedAsync(string folder)
    {
        var options = new DbContextOptionsBuilder<SqliteAppDbContext>().UseSqlite($"Data Source={Path.Combine(folder, "participantbot.db")}").Options;
        var random = new Random(42);
        var now = DateTimeOffset.UtcNow;
        string[] groups = ["publicInstitution", "civilSociety", "youth", "migrant", "community", "expert", "other"];
        RsvpStatus[] answers = [RsvpStatus.Accepted, RsvpStatus.Accepted, RsvpStatus.Accepted, RsvpStatus.Tentative, RsvpStatus.Declined, RsvpStatus.Waitlisted];
        Guid first = default, firstSession = default;
        var total = 0;
        await using (var create = new SqliteAppDbContext(options)) await create.Database.MigrateAsync();
        for (var c = 0; c < Campaigns; c++)
        {
            await using var db = new SqliteAppDbContext(options);
            db.ChangeTracker.AutoDetectChangesEnabled = false;
            var campaign = Campaign.Create($"Campaign {c}", c == 0 ? "bench-organiser" : $"organiser-{c}", now);
            if (c == 0) first = campaign.Id;
            db.Campaigns.Add(campaign);
            var people = Enumerable.Range(0, PeoplePerCampaign).Select(n => Participant.Create(campaign.Id, new ParticipantDetails
            {
                FullName = $"Participant {c}-{n}", Email = $"p{c}-{n}@example.org", Group = groups[random.Next(groups.Length)],
                Sex = (Sex)random.Next(3), Language = (Language)random.Next(3), Channel = PreferredChannel.Email,
                Needs = random.Next(5) == 0 ? new Needs(Transport: true, Diet: random.Next(3) == 0 ? "halal" : null) : null,
            }, now)).ToList();
            db.Participants.AddRange(people);
            for (var s = 0; s < SessionsPerCampaign; s++)
            {
                var local = TimeZones.ToLocal(now.AddDays(30 + s), TimeZones.Default).DateTime.Date.AddHours(9);
                var session = Session.Create(campaign.Id, $"Session {s}", local, local.AddHours(3), TimeZones.Default, "Tanger", 1500);
                if (c == 0 && s == 0) firstSession = session.Id;
                db.Sessions.Add(session);
                foreach (var person in people)
                {
                    var invitation = Invitation.Create(session.Id, person.Id, now);
                    invitation.MoveTo(RsvpStatus.Invited, AnswerChannel.Email, "system", now);
                    if (random.Next(4) > 0) invitation.MoveTo(answers[random.Next(answers.Length)], AnswerChannel.Web, "participant", now);
                    db.Invitations.Add(invitation);
                    var message = OutboundMessage.Plan(campaign.Id, session.Id, person.Id, MessageKind.Invitation, 0, DeliveryChannel.Email, now.AddMinutes(-random.Next(1000)), now);
                    if (random.Next(50) > 0) message.MarkSent(null, now); else message.Fail("550 mailbox unavailable");
                    db.OutboundMessages.Add(message);
                    // The reminder the session's policy plans, as the invite call would have: without it the service's
                    // repair job would find 80,000 people lacking their reminders and plan them while the requests are timed.
                    if (invitation.Status != RsvpStatus.Declined)
                        db.OutboundMessages.Add(OutboundMessage.Plan(campaign.Id, session.Id, person.Id, MessageKind.DayBefore, 0, DeliveryChannel.Email, session.StartsAt.AddDays(-1), now));
                    total++;
                }
            }
            await db.SaveChangesAsync();
        }
        return (first, firstSession, total);
    }
}

/// <summary>
/// The dashboard's floor: the grouped SQL its counts need and nothing else, on the same SQLite file through
/// the same provider (Microsoft.Data.Sqlite, pooled connection, every row read): the campaign's sessions;
/// invitations by session, state, stakeholder group and sex; needs of the people who come; messages due by
/// session, state and flag; survey answers and people asked; open data requests. No authorisation, no EF
/// Core, no objects, no JSON: what any implementation of the page must at least ask the database.
/// </summary>
internal sealed class DashboardFloor(string connectionString, Guid campaign)
{
    private static readonly string Coming = string.Join(", ", new[] { RsvpStatus.Accepted, RsvpStatus.Tentative, RsvpStatus.Offered, RsvpStatus.Attended }.Select(s => $"'{s}'"));
    /// <summary>Replaced by one parameter per session of the campaign, read by the first statement.</summary>
    private const string Sessions = "$sessions";
    private const string SessionsOfCampaign = "SELECT \"Id\", \"StartsAt\" FROM \"Sessions\" WHERE \"CampaignId\" = $campaign";

    private static readonly string[] Statements =
    [
        $"""
        SELECT i."SessionId", i."Status", p."Group", p."Sex", COUNT(*) FROM "Invitations" AS i JOIN "Participants" AS p ON p."Id" = i."ParticipantId"
        WHERE i."SessionId" IN ({Sessions}) GROUP BY i."SessionId", i."Status", p."Group", p."Sex"
        """,
        $"""
        SELECT i."SessionId", SUM(p."NeedsTransport"), COUNT(p."NeedsDiet"), COUNT(p."NeedsAccessibility"), COUNT(p."NeedsInterpretation"), COUNT(p."NeedsOther")
        FROM "Invitations" AS i JOIN "Participants" AS p ON p."Id" = i."ParticipantId"
        WHERE i."SessionId" IN ({Sessions}) AND i."Status" IN ({Coming}) GROUP BY i."SessionId"
        """,
        $"""
        SELECT "SessionId", "Status", "PossibleDuplicate", COUNT(*) FROM "OutboundMessages"
        WHERE "SessionId" IN ({Sessions}) AND "DueAt" <= $now GROUP BY "SessionId", "Status", "PossibleDuplicate"
        """,
        $"""
        SELECT s."SessionId", COUNT(*) FROM "SurveySubmissions" AS x JOIN "Surveys" AS s ON s."Id" = x."SurveyId"
        WHERE s."SessionId" IN ({Sessions}) GROUP BY s."SessionId"
        """,
        $"""
        SELECT "SessionId", COUNT(DISTINCT "ParticipantId") FROM "OutboundMessages"
        WHERE "SessionId" IN ({Sessions}) AND "Kind" = '{MessageKind.Survey}' AND "Sequence" = 0 GROUP BY "SessionId"
        """,
        "SELECT COUNT(*) FROM \"DataRequests\" WHERE \"CampaignId\" = $campaign AND \"CompletedAt\" IS NULL",
    ];

    /// <summary>Runs every statement once and reads every row; returns how many rows came back.</summary>
    public async Task<int> RunAsync()
    {
        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync();
        var now = (long)new Microsoft.EntityFrameworkCore.Storage.ValueConversion.DateTimeOffsetToBinaryConverter().ConvertToProvider(DateTimeOffset.UtcNow)!;
        var sessions = new List<string>();
        await using (var first = connection.CreateCommand())
        {
            first.CommandText = SessionsOfCampaign;
            first.Parameters.AddWithValue("$campaign", campaign.ToString().ToUpperInvariant());
            await using var reader = await first.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                sessions.Add(reader.GetString(0));
                reader.GetInt64(1);
            }
        }
        var rows = sessions.Count;
        foreach (var sql in Statements)
        {
            await using var command = Command(connection, sql, sessions);
            if (sql.Contains("$now", StringComparison.Ordinal)) command.Parameters.AddWithValue("$now", now);
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                rows++;
                for (var i = 0; i < reader.FieldCount; i++) reader.GetValue(i);
            }
        }
        return rows;
    }

    private SqliteCommand Command(SqliteConnection connection, string sql, List<string> sessions)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql.Replace(Sessions, string.Join(", ", sessions.Select((_, i) => "$s" + i)), StringComparison.Ordinal);
        for (var i = 0; i < sessions.Count; i++) command.Parameters.AddWithValue("$s" + i, sessions[i]);
        command.Parameters.AddWithValue("$campaign", campaign.ToString().ToUpperInvariant());
        return command;
    }

    /// <summary>The campaign's invitations as the floor's grouped counts add them up (checked against the endpoint's total).</summary>
    public async Task<int> CountInvitationsAsync()
    {
        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync();
        var sessions = new List<string>();
        await using (var first = connection.CreateCommand())
        {
            first.CommandText = SessionsOfCampaign;
            first.Parameters.AddWithValue("$campaign", campaign.ToString().ToUpperInvariant());
            await using var reader = await first.ExecuteReaderAsync();
            while (await reader.ReadAsync()) sessions.Add(reader.GetString(0));
        }
        await using var command = Command(connection, $"SELECT SUM(n) FROM ({Statements[0].Replace("COUNT(*) FROM", "COUNT(*) AS n FROM", StringComparison.Ordinal)})", sessions);
        return Convert.ToInt32(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }
}
