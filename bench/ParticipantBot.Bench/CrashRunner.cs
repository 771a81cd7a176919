using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using ParticipantBot.Domain.Campaigns;
using ParticipantBot.Domain.Common;
using ParticipantBot.Domain.Invitations;
using ParticipantBot.Domain.Messages;
using ParticipantBot.Domain.Participants;
using ParticipantBot.Domain.Reminders;
using ParticipantBot.Persistence;
using ParticipantBot.Teams;

namespace ParticipantBot.Bench;

/// <summary>
/// The promise "nothing is lost", tried as an operator whose server dies would: the built service as a
/// real process (SQLite, outbox folder or an emulated Bot Connector), N participants, an organiser who
/// invites everyone, and K kill -9 at random moments — during the invite call, while sending, right
/// after start-up — each followed by a restart (and, when the invite call was cut off, the organiser
/// calling it again). Then a few kills between an answer and its consequences (a decline that frees a
/// seat for the first person waiting). Every random choice comes from the printed seed, so a failure
/// replays. It checks that every participant received their invitation at least once and that every
/// copy after the first is flagged (by email: that there is no second copy), that every reminder the
/// session's policy plans exists, that every invitation is "invited" with one history step, that no
/// temporary file is left, that each answer was kept with its consequences or not at all, and that the
/// service always started again after a kill (one that stops by itself is started again, as an
/// orchestrator would, and counted). One JSON line; exit code 1 when a check fails.
/// </summary>
internal static class CrashRunner
{
    private const string Organiser = "crash-organiser";
    private const int SeatCapacity = 5;
    private const int SeatPeople = 12;

    private enum Phase { StartUp, Invite, Sending }

    public static async Task<int> RunAsync(int people, int kills, int answerKills, int seed, string channel)
    {
        var email = channel == "email";
        var random = new Random(seed);
        var folder = Directory.CreateTempSubdirectory("participantbot-crash-").FullName;
        var clock = Stopwatch.StartNew();
        await using var connector = await EmulatedConnector.StartAsync(0);
        Console.Error.WriteLine($"crash runner: seed {seed}, {people} people by {channel}, {kills} kills, folder {folder}");
        try
        {
            var (session, seats) = await SeedAsync(folder, people, connector.Url, email);
            var settings = new Dictionary<string, string>
            {
                ["Scheduling__DispatchCron"] = "*/2 * * * * *",
                ["Delivery__LeaseSeconds"] = "10",
            };
            var inviteDone = false;
            var timeline = new List<string>();
            var startFailures = new Counter();
            // Where a kill can hurt: estimates of how long the invite call and the sending take. The invite window grows
            // when a cut call made no progress (a freshly started service compiles its code first), so that the kills
            // land at different points of the call.
            var inviteMs = Math.Max(100, people / 2);
            var invited = 0;
            var sendingMs = Math.Max(1000, people * (email ? 3 : 2));
            for (var k = 0; k < kills; k++)
            {
                // The first third of the kills cut invite calls (the organiser calls again after each); the others
                // come at start-up or while sending.
                var phase = k < kills / 3 ? Phase.Invite : random.Next(2) == 0 ? Phase.StartUp : Phase.Sending;
                if (phase == Phase.StartUp)
                {
                    using (BenchService.Start(folder, 0, email, settings)) await Task.Delay(random.Next(0, 2500));
                    timeline.Add("startup");
                    continue;
                }
                var (service, http) = await StartAsync(folder, email, settings, startFailures);
                using var _ = service;
                using var __ = http;
                if (phase == Phase.Invite)
                {
                    var call = InviteAsync(http, session);
                    // Every other invite kill watches the database and strikes as soon as a random number of those still
                    // to invite is saved: right after a chunk's commit, between two saves, however fast or loaded the machine.
                    // The others strike at a random moment of the call.
                    if (k % 2 == 0) await UntilSavedAsync(call, folder, session, invited + 1 + random.Next(Math.Max(1, people - invited - 1)));
                    else await Task.WhenAny(call, Task.Delay(random.Next(0, inviteMs)));
                    var done = call.IsCompletedSuccessfully && call.Result;
                    inviteDone |= done;
                    service.Dispose();
                    // What the kill left: invitations saved, and how many of them have their invitation message.
                    var (saved, planned) = await CountAsync(folder, session);
                    if (!done && saved == invited) inviteMs *= 2;
                    invited = saved;
                    timeline.Add($"invite({(done ? "done" : "cut")} {saved}/{planned})");
                    continue;
                }
                if (!inviteDone) inviteDone = await InviteAsync(http, session);
                await Task.Delay(random.Next(0, sendingMs));
                timeline.Add("sending");
            }

            // The last start: nothing kills it. The organiser invites again if no call ever came back.
            {
                var (service, http) = await StartAsync(folder, email, settings, startFailures);
                using var _ = service;
                using var __ = http;
                if (!inviteDone) inviteDone = await InviteAsync(http, session);
                await WaitSentAsync(folder, session, people, TimeSpan.FromMinutes(10));
            }

            // A kill between an answer and its consequences: the decline and the seat it frees, or neither.
            var answers = await AnswerKillsAsync(folder, seats, answerKills, random, settings, email, startFailures);

            var report = await CheckAsync(folder, session, people, email, connector);
            report["channel"] = channel;
            report["people"] = people;
            report["kills"] = kills;
            report["seed"] = seed;
            report["timeline"] = string.Join(",", timeline);
            report["answerKills"] = answerKills;
            report["answersInconsistent"] = answers;
            report["failedStarts"] = startFailures.Count;
            report["minutes"] = Math.Round(clock.Elapsed.TotalMinutes, 1);
            Console.WriteLine(JsonSerializer.Serialize(report));
            var failed = (int)report["lost"]! + (int)report["unflaggedDuplicates"]! + (int)report["missingReminders"]! + (int)report["wrongStates"]!
                + (int)report["temporaryFiles"]! + (int)report["unfinished"]! + answers + startFailures.Count + (email ? (int)report["duplicates"]! : 0);
            return failed == 0 ? 0 : 1;
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            try { Directory.Delete(folder, recursive: true); } catch (IOException) { }
        }
    }

    /// <summary>
    /// Starts the service and waits until it answers; a service that stops by itself while starting, or does not answer
    /// within a minute, is started again, as an orchestrator would, and counted: a start-up that fails after a crash is a
    /// defect too.
    /// </summary>
    private static async Task<(BenchService.Service Service, HttpClient Http)> StartAsync(string folder, bool email, Dictionary<string, string> settings, Counter failures)
    {
        for (var attempt = 1; ; attempt++)
        {
            var service = BenchService.Start(folder, 0, email, settings);
            var http = Client(service.Url);
            try
            {
                await BenchService.WaitHealthyAsync(http, service.Process);
                return (service, http);
            }
            catch (Exception e) when (e is InvalidOperationException or TimeoutException && attempt < 10)
            {
                failures.Count++;
                http.Dispose();
                service.Dispose();
                await Task.Delay(2000);
            }
        }
    }

    private sealed class Counter { public int Count; }

    private static HttpClient Client(string url)
    {
        var http = new HttpClient { BaseAddress = new Uri(url), Timeout = TimeSpan.FromMinutes(5) };
        http.DefaultRequestHeaders.Add("X-Dev-User", Organiser);
        return http;
    }

    /// <summary>Returns once the invite call ended or at least <paramref name="target"/> invitations are saved (the caller then kills).</summary>
    private static async Task UntilSavedAsync(Task call, string folder, Guid session, int target)
    {
        var giveUp = Stopwatch.StartNew();
        while (!call.IsCompleted && giveUp.Elapsed < TimeSpan.FromMinutes(5))
        {
            if ((await CountAsync(folder, session)).Invitations >= target) return;
            await Task.WhenAny(call, Task.Delay(15));
        }
    }

    private static async Task<(int Invitations, int WithMessage)> CountAsync(string folder, Guid session)
    {
        await using var db = new SqliteAppDbContext(Db(folder));
        return (await db.Invitations.CountAsync(i => i.SessionId == session),
            await db.OutboundMessages.Where(m => m.SessionId == session && m.Kind == MessageKind.Invitation).Select(m => m.ParticipantId).Distinct().CountAsync());
    }

    /// <returns>Whether the call came back with 202.</returns>
    private static async Task<bool> InviteAsync(HttpClient http, Guid session)
    {
        try { return (await http.PostAsJsonAsync($"/api/sessions/{session}/invitations", new { all = true })).IsSuccessStatusCode; }
        catch (HttpRequestException) { return false; }
        catch (TaskCanceledException) { return false; }
    }

    private static DbContextOptions<SqliteAppDbContext> Db(string folder) =>
        new DbContextOptionsBuilder<SqliteAppDbContext>().UseSqlite($"Data Source={Path.Combine(folder, "participantbot.db")}").Options;

    /// <summary>Until every invitation message of the session is sent (or the time runs out).</summary>
    private static async Task WaitSentAsync(string folder, Guid session, int people, TimeSpan timeout)
    {
        var deadline = Stopwatch.GetTimestamp() + (long)(timeout.TotalSeconds * Stopwatch.Frequency);
        while (Stopwatch.GetTimestamp() < deadline)
        {
            await using (var db = new SqliteAppDbContext(Db(folder)))
            {
                var sent = await db.OutboundMessages.CountAsync(m => m.SessionId == session && m.Kind == MessageKind.Invitation && m.Status == DeliveryStatus.Sent);
                var open = await db.OutboundMessages.CountAsync(m => m.SessionId == session && m.Kind == MessageKind.Invitation
                    && (m.Status == DeliveryStatus.Planned || m.Status == DeliveryStatus.Sending));
                if (sent >= people && open == 0) return;
            }
            await Task.Delay(500);
        }
    }

    private static async Task<Dictionary<string, object?>> CheckAsync(string folder, Guid session, int people, bool email, EmulatedConnector connector)
    {
        await using var db = new SqliteAppDbContext(Db(folder));
        var sessionRow = await db.Sessions.AsNoTracking().FirstAsync(s => s.Id == session);
        var campaign = await db.Campaigns.AsNoTracking().FirstAsync(c => c.Id == sessionRow.CampaignId);
        var participants = await db.Participants.AsNoTracking().Where(p => p.CampaignId == campaign.Id).ToListAsync();
        var invitations = await db.Invitations.AsNoTracking().Where(i => i.SessionId == session).ToListAsync();
        var messages = await db.OutboundMessages.AsNoTracking().Where(m => m.SessionId == session).ToListAsync();

        // Copies that arrived, per participant: .eml files in the outbox folder, or cards at the connector.
        var copies = new Dictionary<Guid, int>();
        var outbox = Path.Combine(folder, "outbox");
        if (email)
        {
            var byEmail = participants.ToDictionary(p => p.Email!, p => p.Id, StringComparer.OrdinalIgnoreCase);
            foreach (var file in Directory.Exists(outbox) ? Directory.GetFiles(outbox, "*.eml") : [])
            {
                var to = MimeKit.MimeMessage.Load(file).To.Mailboxes.Single().Address;
                if (byEmail.TryGetValue(to, out var id)) copies[id] = copies.GetValueOrDefault(id) + 1;
            }
        }
        else
        {
            var byInvitation = invitations.ToDictionary(i => i.Id.ToString(), i => i.ParticipantId);
            foreach (var (invitation, count) in connector.ReceivedByInvitation)
                if (byInvitation.TryGetValue(invitation, out var id)) copies[id] = copies.GetValueOrDefault(id) + count;
        }
        var invitationMessages = messages.Where(m => m.Kind == MessageKind.Invitation).ToLookup(m => m.ParticipantId);
        var lost = participants.Count(p => copies.GetValueOrDefault(p.Id) == 0);
        var duplicated = participants.Where(p => copies.GetValueOrDefault(p.Id) > 1).ToList();
        var unflagged = duplicated.Count(p => !invitationMessages[p.Id].Any(m => m.PossibleDuplicate));

        // Every reminder the policy plans, for a session a month ahead: all of them are still to come.
        var now = DateTimeOffset.UtcNow;
        var missingReminders = 0;
        var reminders = messages.Where(m => m.Kind is MessageKind.Reminder or MessageKind.DayBefore or MessageKind.Today).ToLookup(m => m.ParticipantId);
        foreach (var p in participants)
        {
            var expected = ReminderSchedule.For(sessionRow, sessionRow.ReminderPolicy, p.ZoneOr(campaign.TimeZoneId), now).Select(r => (r.Kind, r.Sequence)).ToHashSet();
            var planned = reminders[p.Id].Select(m => (m.Kind, m.Sequence)).ToHashSet();
            if (!expected.SetEquals(planned) || reminders[p.Id].Count() != planned.Count) missingReminders++;
        }

        // Every invitation delivered is "invited", with one step of history (nobody answered in this part).
        var wrongStates = participants.Count(p => invitations.SingleOrDefault(i => i.ParticipantId == p.Id) is not { Status: RsvpStatus.Invited, History.Count: 1 });
        var unfinished = messages.Count(m => m.Kind == MessageKind.Invitation && m.Status != DeliveryStatus.Sent);
        var temporary = Directory.Exists(outbox) ? Directory.GetFiles(outbox, "*.tmp", SearchOption.AllDirectories).Length : 0;
        return new Dictionary<string, object?>
        {
            ["lost"] = lost,
            ["duplicates"] = duplicated.Count,
            ["flaggedDuplicates"] = duplicated.Count - unflagged,
            ["unflaggedDuplicates"] = unflagged,
            ["flaggedMessages"] = messages.Count(m => m.PossibleDuplicate),
            ["missingReminders"] = missingReminders,
            ["wrongStates"] = wrongStates,
            ["unfinished"] = unfinished,
            ["temporaryFiles"] = temporary,
            ["reclaimed"] = messages.Sum(m => m.Interruptions),
        };
    }

    /// <summary>
    /// Kills right after a decline that frees a seat; after the restart, either the decline and its consequences
    /// (the seat offered to whoever waited longest, with the message that tells them) are there, or nothing is.
    /// </summary>
    /// <returns>How many rounds found an answer kept without its consequences, or the other way round.</returns>
    private static async Task<int> AnswerKillsAsync(string folder, Guid seats, int rounds, Random random, Dictionary<string, string> settings, bool email,
        Counter startFailures)
    {
        var inconsistent = 0;
        for (var round = 0; round < rounds; round++)
        {
            Guid decliner;
            await using (var db = new SqliteAppDbContext(Db(folder)))
            {
                var accepted = await db.Invitations.AsNoTracking().Where(i => i.SessionId == seats && i.Status == RsvpStatus.Accepted).ToListAsync();
                if (accepted.Count == 0) break;
                decliner = accepted[random.Next(accepted.Count)].ParticipantId;
            }
            {
                var (service, http) = await StartAsync(folder, email, settings, startFailures);
                using var _ = service;
                using var __ = http;
                var call = http.PostAsJsonAsync($"/api/sessions/{seats}/invitations/{decliner}/answer", new { status = "declined", channel = "phone" });
                await Task.WhenAny(call, Task.Delay(random.Next(0, 60)));
            }
            await using (var db = new SqliteAppDbContext(Db(folder)))
            {
                var invitations = await db.Invitations.AsNoTracking().Where(i => i.SessionId == seats).ToListAsync();
                var offers = await db.OutboundMessages.AsNoTracking().Where(m => m.SessionId == seats && m.Kind == MessageKind.SeatOffered)
                    .Select(m => m.ParticipantId).ToListAsync();
                var declined = invitations.Single(i => i.ParticipantId == decliner).Status == RsvpStatus.Declined;
                var offered = invitations.Where(i => i.Status == RsvpStatus.Offered).Select(i => i.ParticipantId).ToHashSet();
                var seatsHeld = invitations.Count(i => RsvpTransitions.HoldsSeat(i.Status));
                // Every person offered a seat has the message that tells them, and the seats held never pass the capacity.
                var consistent = offered.SetEquals(offers.ToHashSet()) && seatsHeld == Math.Min(SeatCapacity, invitations.Count(i => i.Status != RsvpStatus.Declined));
                if (!consistent)
                {
                    inconsistent++;
                    Console.Error.WriteLine($"crash runner: answer round {round}: declined={declined}, offered {offered.Count}, offer messages {offers.Count}, seats held {seatsHeld}");
                }
            }
        }
        return inconsistent;
    }

    private static async Task<(Guid Session, Guid Seats)> SeedAsync(string folder, int count, string connectorUrl, bool email)
    {
        await using var db = new SqliteAppDbContext(Db(folder));
        await db.Database.MigrateAsync();
        var now = DateTimeOffset.UtcNow;
        var campaign = Campaign.Create("Crash campaign", Organiser, now);
        var local = TimeZones.ToLocal(now.AddDays(30), TimeZones.Default).DateTime.Date.AddHours(9).AddMinutes(30);
        // The default reminder policy: invitations and their reminders are planned together.
        var session = Session.Create(campaign.Id, "Gouvernance", local, local.AddHours(3), TimeZones.Default, "Hôtel, Tanger", count + 10,
            [Language.Fr], "Gouvernance numérique", null);
        var seatsCampaign = Campaign.Create("Seats", Organiser, now);
        var seats = Session.Create(seatsCampaign.Id, "Atelier", local, local.AddHours(2), TimeZones.Default, "Salle 2", SeatCapacity, [Language.Fr], null, null);
        db.AddRange(campaign, session, seatsCampaign, seats);
        for (var n = 0; n < count; n++)
        {
            var oid = $"crash-{n:D6}";
            db.Participants.Add(Participant.Create(campaign.Id, new ParticipantDetails
            {
                FullName = $"Participant {n}", Email = email ? $"p{n}@example.org" : null, TeamsObjectId = email ? null : oid, Group = "youth",
                Language = (Language)(n % 3), Channel = email ? PreferredChannel.Email : PreferredChannel.Teams,
            }, now));
            if (!email)
                db.TeamsInstallations.Add(new TeamsInstallation
                {
                    Id = Guid.NewGuid(), TenantId = "crash-tenant", UserObjectId = oid, UserId = $"29:{oid}", ConversationId = $"a:{oid}",
                    ServiceUrl = connectorUrl, BotId = "28:crash", InstalledAt = now, UpdatedAt = now,
                });
        }
        // The seat session: 12 people answered "yes" by phone for 5 seats; 7 wait, in order.
        var waiting = new List<Participant>();
        for (var n = 0; n < SeatPeople; n++)
        {
            var person = Participant.Create(seatsCampaign.Id, new ParticipantDetails
            {
                FullName = $"Seat {n}", Email = $"seat{n}@example.org", Group = "youth", Channel = PreferredChannel.Email,
            }, now);
            db.Participants.Add(person);
            waiting.Add(person);
        }
        await db.SaveChangesAsync();
        var invitations = waiting.Select((p, n) => Invitation.Create(seats.Id, p.Id, now.AddSeconds(n))).ToList();
        var roster = new Roster(seats, invitations);
        foreach (var (invitation, n) in invitations.Select((i, n) => (i, n)))
            roster.Record(invitation, RsvpStatus.Accepted, AnswerChannel.Phone, Organiser, now.AddSeconds(n));
        db.Invitations.AddRange(invitations);
        await db.SaveChangesAsync();
        return (session.Id, seats.Id);
    }
}
