using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using ParticipantBot.Domain.Campaigns;
using ParticipantBot.Domain.Common;
using ParticipantBot.Domain.Participants;
using ParticipantBot.Domain.Reminders;
using ParticipantBot.Persistence;
using ParticipantBot.Teams;

namespace ParticipantBot.Bench;

/// <summary>
/// Pushes N invitations through the real service — a separate process with its SQLite database,
/// outbox table, Hangfire dispatch, card rendering and the HTTP call — to an emulated Bot
/// Connector (or, for email, the outbox folder), and measures the service process's own CPU.
/// </summary>
internal static class DeliveryBenchmark
{
    public static async Task<int> RunAsync(int messages, int limit, string channel)
    {
        var email = channel == "email";
        var folder = Directory.CreateTempSubdirectory("participantbot-delivery-").FullName;
        await using var connector = await EmulatedConnector.StartAsync(email ? 0 : limit);
        try
        {
            var (sessionId, organiser) = await SeedAsync(folder, messages, connector.Url, email);
            using var service = BenchService.Start(folder, limit, email);
            using var http = new HttpClient { BaseAddress = new Uri(service.Url) };
            http.DefaultRequestHeaders.Add("X-Dev-User", organiser);
            await BenchService.WaitHealthyAsync(http, service.Process);

            var cpuBefore = service.Process.TotalProcessorTime;
            var started = Stopwatch.GetTimestamp();
            var response = await http.PostAsJsonAsync($"/api/sessions/{sessionId}/invitations", new { all = true });
            response.EnsureSuccessStatusCode();
            // The organiser's call itself (invitations, outbox rows, reminders planned): part of the figure, also shown alone.
            var inviteMs = (Stopwatch.GetTimestamp() - started) * 1000.0 / Stopwatch.Frequency;
            var inviteCpu = service.Process.TotalProcessorTime - cpuBefore;

            var outbox = Path.Combine(folder, "outbox");
            var timeout = TimeSpan.FromSeconds(Math.Max(120, messages / Math.Max(1.0, email ? limit / 60.0 : limit) * 3));
            var deadline = Stopwatch.GetTimestamp() + (long)(timeout.TotalSeconds * Stopwatch.Frequency);
            while (Stopwatch.GetTimestamp() < deadline)
            {
                var done = email ? Directory.Exists(outbox) && Directory.GetFiles(outbox, "*.eml").Length >= messages : connector.ReceivedByInvitation.Count >= messages;
                if (done) break;
                await Task.Delay(100);
            }
            var elapsedTicks = Stopwatch.GetTimestamp() - started;
            var cpu = service.Process.TotalProcessorTime - cpuBefore;
            service.Process.Refresh();
            var peak = service.Process.PeakWorkingSet64;
            // Let in-flight work settle, then count what arrived.
            await Task.Delay(2000);

            double seconds;
            int delivered, duplicates;
            double p95;
            int? maxPerMinute = null;
            if (email)
            {
                var files = Directory.Exists(outbox) ? Directory.GetFiles(outbox, "*.eml") : [];
                var times = files.Select(f => DateTime.ParseExact(Path.GetFileName(f)[..18], "yyyyMMdd'T'HHmmssfff", CultureInfo.InvariantCulture)).Order().ToList();
                delivered = files.Select(f => MimeKit.MimeMessage.Load(f).To.Mailboxes.Single().Address).Distinct().Count();
                duplicates = files.Length - delivered;
                seconds = elapsedTicks / (double)Stopwatch.Frequency;
                maxPerMinute = times.Count == 0 ? 0 : times.Max(t => times.Count(u => u >= t && u < t.AddMinutes(1)));
                var firstTime = times.FirstOrDefault();
                p95 = times.Count == 0 ? 0 : BenchService.Percentile(times.Select(t => (t - firstTime).TotalMilliseconds).ToList(), 0.95);
            }
            else
            {
                delivered = connector.ReceivedByInvitation.Count;
                duplicates = connector.ReceivedByInvitation.Values.Sum(c => c - 1);
                var arrivals = connector.ArrivalTicks.Select(t => (t - started) * 1000.0 / Stopwatch.Frequency).Order().ToList();
                seconds = arrivals.Count > 0 ? arrivals[^1] / 1000 : elapsedTicks / (double)Stopwatch.Frequency;
                p95 = BenchService.Percentile(arrivals, 0.95);
            }
            var perSecond = seconds > 0 ? delivered / seconds : 0;
            var line = new Dictionary<string, object?>
            {
                ["messages"] = messages,
                ["limit"] = limit,
                ["seconds"] = Math.Round(seconds, 2),
                ["messagesPerSecond"] = Math.Round(perSecond, 2),
                // For email the limit is per minute: the share of it used in the busiest minute.
                ["percentOfLimit"] = limit <= 0 ? null : email ? Math.Round((maxPerMinute ?? 0) * 100.0 / limit, 1) : Math.Round(perSecond / limit * 100, 1),
                ["duplicates"] = duplicates,
                ["lost"] = messages - delivered,
                ["p95DeliveryMs"] = Math.Round(p95, 1),
                ["cpuMsPerMessage"] = Math.Round(cpu.TotalMilliseconds / Math.Max(1, delivered), 3),
                ["peakWorkingSetMb"] = peak / 1024 / 1024,
            };
            line["inviteCallMs"] = Math.Round(inviteMs);
            line["inviteCpuMsPerMessage"] = Math.Round(inviteCpu.TotalMilliseconds / Math.Max(1, messages), 3);
            if (email) { line["channel"] = "email"; line["maxPerMinuteObserved"] = maxPerMinute; }
            else line["throttled"] = connector.Throttled;
            Console.WriteLine(JsonSerializer.Serialize(line));
            return delivered == messages && duplicates == 0 ? 0 : 1;
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            try { Directory.Delete(folder, recursive: true); } catch (IOException) { }
        }
    }

    private static async Task<(Guid Session, string Organiser)> SeedAsync(string folder, int count, string connectorUrl, bool email)
    {
        var options = new DbContextOptionsBuilder<SqliteAppDbContext>().UseSqlite($"Data Source={Path.Combine(folder, "participantbot.db")}").Options;
        await using var db = new SqliteAppDbContext(options);
        await db.Database.MigrateAsync();
        var now = DateTimeOffset.UtcNow;
        var campaign = Campaign.Create("Delivery benchmark", "bench-organiser", now);
        var local = TimeZones.ToLocal(now.AddDays(30), TimeZones.Default).DateTime.Date.AddHours(9);
        var session = Session.Create(campaign.Id, "Gouvernance", local, local.AddHours(3), TimeZones.Default, "Hôtel, Tanger", count + 10,
            [Language.Fr], "Gouvernance numérique", null);
        // Invitations only: the reminders would be planned but not due, and add nothing to measure.
        session.SetReminderPolicy(new ReminderPolicy { FirstReminderDays = null, SecondReminderDays = null, DayBefore = false, SameDay = false });
        db.AddRange(campaign, session);
        for (var n = 0; n < count; n++)
        {
            var oid = $"bench-{n:D6}";
            db.Participants.Add(Participant.Create(campaign.Id, new ParticipantDetails
            {
                FullName = $"Participant {n}", Email = email ? $"p{n}@example.org" : null, TeamsObjectId = email ? null : oid, Group = "youth",
                Language = (Language)(n % 3), Channel = email ? PreferredChannel.Email : PreferredChannel.Teams,
            }, now));
            if (!email)
                db.TeamsInstallations.Add(new TeamsInstallation
                {
                    Id = Guid.NewGuid(), TenantId = "bench-tenant", UserObjectId = oid, UserId = $"29:{oid}", ConversationId = $"a:{oid}",
                    ServiceUrl = connectorUrl, BotId = "28:bench", InstalledAt = now, UpdatedAt = now,
                });
        }
        await db.SaveChangesAsync();
        return (session.Id, "bench-organiser");
    }
}
