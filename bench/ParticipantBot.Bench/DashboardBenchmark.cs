using System.Diagnostics;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using ParticipantBot.Domain.Campaigns;
using ParticipantBot.Domain.Common;
using ParticipantBot.Domain.Invitations;
using ParticipantBot.Domain.Messages;
using ParticipantBot.Domain.Participants;
using ParticipantBot.Persistence;

namespace ParticipantBot.Bench;

/// <summary>
/// The dashboard's data endpoint on SQLite: a campaign with 10,000 invitations (5 sessions of 2,000)
/// in a database of 100,000 invitations and as many outbox messages, served by the real service
/// process; sequential requests as the page polls, timed end to end over HTTP.
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
            await TimeAsync(board, 20);   // warm-up: JIT, EF model, SQLite page cache
            var cpuBefore = service.Process.TotalProcessorTime;
            var times = await TimeAsync(board, requests);
            var cpu = service.Process.TotalProcessorTime - cpuBefore;
            var check = JsonDocument.Parse(await http.GetStringAsync(board));
            var counted = check.RootElement.GetProperty("sessions").EnumerateArray().Sum(s => s.GetProperty("counts").GetProperty("total").GetInt32());

            var roster = await TimeAsync($"/api/sessions/{session}/roster?limit=100", 5);
            roster = await TimeAsync($"/api/sessions/{session}/roster?limit=100", Math.Max(20, requests / 5));
            var filtered = await TimeAsync($"/api/sessions/{session}/roster?limit=100&status=accepted&group=youth&sex=female", Math.Max(20, requests / 5));
            var export = await TimeAsync($"/api/sessions/{session}/export?format=xlsx", 3);
            service.Process.Refresh();

            var line = new Dictionary<string, object?>
            {
                ["invitations"] = total,
                ["campaignInvitations"] = counted,
                ["requests"] = requests,
                ["p50Ms"] = Math.Round(BenchService.Percentile(times, 0.50), 1),
                ["p95Ms"] = Math.Round(BenchService.Percentile(times, 0.95), 1),
                ["maxMs"] = Math.Round(times.Max(), 1),
                ["cpuMsPerRequest"] = Math.Round(cpu.TotalMilliseconds / requests, 1),
                ["rosterP95Ms"] = Math.Round(BenchService.Percentile(roster, 0.95), 1),
                ["rosterFilteredP95Ms"] = Math.Round(BenchService.Percentile(filtered, 0.95), 1),
                ["exportXlsx2000Ms"] = Math.Round(export.Min(), 1),
                ["peakWorkingSetMb"] = service.Process.PeakWorkingSet64 / 1024 / 1024,
            };
            Console.WriteLine(JsonSerializer.Serialize(line));
            return counted == SessionsPerCampaign * PeoplePerCampaign ? 0 : 1;
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
                    total++;
                }
            }
            await db.SaveChangesAsync();
        }
        return (first, firstSession, total);
    }
}
