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
/// For Teams, the same run then measures yardsticks as processes of their own on the same
/// connector, with the activity the service sent (<see cref="SendPaths"/>): the floor, a bare HTTP
/// POST; the floor of a durable sender (that POST and an SQLite outbox row); and the reference, the
/// SDK's default proactive path. The service's CPU a message is printed
/// as a multiple of the floor's and as a fraction of the SDK's, which hold from one machine to another
/// where milliseconds do not.
/// </summary>
internal static class DeliveryBenchmark
{
    public static async Task<int> RunAsync(int messages, int limit, string channel, int parallelism)
    {
        var email = channel == "email";
        var folder = Directory.CreateTempSubdirectory("participantbot-delivery-").FullName;
        await using var connector = await EmulatedConnector.StartAsync(email ? 0 : limit);
        // The yardsticks send the first participant's card (French, the product's first language), whatever arrived first.
        connector.KeepBodyOf = SendPaths.Conversation(0);
        try
        {
            var (sessionId, organiser) = await SeedAsync(folder, messages, connector.Url, email);
            var line = new Dictionary<string, object?> { ["benchmark"] = "delivery", ["channel"] = email ? "email" : "teams" };
            bool ok;
            using (var service = BenchService.Start(folder, limit, email, new Dictionary<string, string> { ["Delivery__Parallelism"] = parallelism.ToString(CultureInfo.InvariantCulture) }))
                ok = await MeasureServiceAsync(service, connector, line, folder, sessionId, organiser, messages, limit, email);
            if (!email)
            {
                // The floor and the SDK's path, on the same connector, with the bytes the service sent.
                var bodyFile = Path.Combine(folder, "activity.json");
                await File.WriteAllBytesAsync(bodyFile, connector.FirstInvitationBody ?? throw new InvalidOperationException("No card reached the connector."));
                line["activityBytes"] = connector.FirstInvitationBody.Length;
                var floor = await MeasureChildAsync("floor", connector, bodyFile, messages, parallelism, limit);
                var durable = await MeasureChildAsync("durable", connector, bodyFile, messages, parallelism, limit);
                var sdk = await MeasureChildAsync("sdk", connector, bodyFile, messages, parallelism, limit);
                var service = (double)line["cpuMsPerMessage"]!;
                line["floorCpuMsPerMessage"] = floor.CpuMsPerMessage;
                line["sdkCpuMsPerMessage"] = sdk.CpuMsPerMessage;
                // Not a target: the floor of a durable sender (the bare POST plus the least an SQLite outbox costs), to say how much of the rest is persistence.
                line["durableFloorCpuMsPerMessage"] = durable.CpuMsPerMessage;
                line["timesDurableFloor"] = Math.Round(service / durable.CpuMsPerMessage, 2);
                // The service's cost as a multiple of the floor (target: at most 2.5), and how many times cheaper than the SDK's path (target: at least 15).
                line["timesFloor"] = Math.Round(service / floor.CpuMsPerMessage, 2);
                line["timesCheaperThanSdk"] = Math.Round(sdk.CpuMsPerMessage / service, 1);
                line["sendTimesFloor"] = Math.Round((double)line["sendCpuMsPerMessage"]! / floor.CpuMsPerMessage, 2);
                line["sdkTimesFloor"] = Math.Round(sdk.CpuMsPerMessage / floor.CpuMsPerMessage, 1);
                line["floorMessagesPerSecond"] = floor.PerSecond;
                line["sdkMessagesPerSecond"] = sdk.PerSecond;
                line["floorThrottled"] = floor.Throttled;
                line["sdkThrottled"] = sdk.Throttled;
                line["floorPeakWorkingSetMb"] = floor.PeakMb;
                line["sdkPeakWorkingSetMb"] = sdk.PeakMb;
                ok &= floor.Sent == messages && sdk.Sent == messages && durable.Sent == messages;
            }
            line["parallelism"] = parallelism;
            line["machine"] = BenchService.Machine();
            Console.WriteLine(JsonSerializer.Serialize(line));
            return ok ? 0 : 1;
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            try { Directory.Delete(folder, recursive: true); } catch (IOException) { }
        }
    }

    /// <summary>The service's own CPU from the organiser's invite call to the last delivery, and what arrived.</summary>
    private static async Task<bool> MeasureServiceAsync(BenchService.Service service, EmulatedConnector connector, Dictionary<string, object?> line,
        string folder, Guid sessionId, string organiser, int messages, int limit, bool email)
    {
        using var http = new HttpClient { BaseAddress = new Uri(service.Url) };
        http.DefaultRequestHeaders.Add("X-Dev-User", organiser);
        await BenchService.WaitHealthyAsync(http, service.Process);
        await BenchService.PauseForProfilerAsync(service.Process, "service");

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
        line["messages"] = messages;
        line["limit"] = limit;
        line["seconds"] = Math.Round(seconds, 2);
        line["messagesPerSecond"] = Math.Round(perSecond, 2);
        // For email the limit is per minute: the share of it used in the busiest minute.
        line["percentOfLimit"] = limit <= 0 ? null : email ? Math.Round((maxPerMinute ?? 0) * 100.0 / limit, 1) : Math.Round(perSecond / limit * 100, 1);
        line["duplicates"] = duplicates;
        line["lost"] = messages - delivered;
        if (email) line["maxPerMinuteObserved"] = maxPerMinute;
        else line["throttled"] = connector.Throttled;
        line["p95DeliveryMs"] = Math.Round(p95, 1);
        line["cpuMsPerMessage"] = Math.Round(cpu.TotalMilliseconds / Math.Max(1, delivered), 3);
        line["inviteCallMs"] = Math.Round(inviteMs);
        line["inviteCpuMsPerMessage"] = Math.Round(inviteCpu.TotalMilliseconds / Math.Max(1, messages), 3);
        line["sendCpuMsPerMessage"] = Math.Round((cpu - inviteCpu).TotalMilliseconds / Math.Max(1, delivered), 3);
        line["peakWorkingSetMb"] = peak / 1024 / 1024;
        return delivered == messages && duplicates == 0;
    }

    private sealed record ChildFigures(double CpuMsPerMessage, double PerSecond, int Sent, int Throttled, long PeakMb);

    /// <summary>A yardstick's process (SendPaths): its CPU from "go" to its last answer, per message the connector accepted.</summary>
    private static async Task<ChildFigures> MeasureChildAsync(string path, EmulatedConnector connector, string bodyFile, int messages, int parallelism, int limit)
    {
        connector.Reset();
        using var child = new SendPaths.Child(path, connector.Url, bodyFile, messages, parallelism, limit);
        await child.Ready.WaitAsync(TimeSpan.FromSeconds(60));
        await BenchService.PauseForProfilerAsync(child.Process, path);
        var cpuBefore = child.Process.TotalProcessorTime;
        var started = Stopwatch.GetTimestamp();
        child.Go();
        var timeout = TimeSpan.FromSeconds(Math.Max(300, limit > 0 ? messages / (double)limit * 3 : 0));
        var result = JsonDocument.Parse(await child.Result.WaitAsync(timeout)).RootElement;
        var cpu = child.Process.TotalProcessorTime - cpuBefore;
        var seconds = (Stopwatch.GetTimestamp() - started) / (double)Stopwatch.Frequency;
        child.Process.Refresh();
        var peak = child.Process.PeakWorkingSet64 / 1024 / 1024;
        var sent = result.GetProperty("sent").GetInt32();
        if (result.GetProperty("failed").GetInt32() > 0)
            Console.Error.WriteLine($"send-{path}: {result.GetProperty("failed").GetInt32()} failed, first: {result.GetProperty("firstError").GetString()}");
        var accepted = connector.Accepted;
        if (accepted != sent) Console.Error.WriteLine($"send-{path}: sent {sent}, the connector accepted {accepted}");
        return new ChildFigures(Math.Round(cpu.TotalMilliseconds / Math.Max(1, accepted), 3), Math.Round(accepted / seconds, 1),
            Math.Min(sent, accepted), result.GetProperty("throttled").GetInt32(), peak);
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
                    Id = Guid.NewGuid(), TenantId = "bench-tenant", UserObjectId = oid, UserId = $"29:{oid}", ConversationId = SendPaths.Conversation(n),
                    ServiceUrl = connectorUrl, BotId = SendPaths.BotId, InstalledAt = now, UpdatedAt = now,
                });
        }
        await db.SaveChangesAsync();
        return (session.Id, "bench-organiser");
    }
}
