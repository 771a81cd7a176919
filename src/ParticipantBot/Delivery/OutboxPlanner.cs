using Microsoft.EntityFrameworkCore;
using ParticipantBot.Domain.Campaigns;
using ParticipantBot.Domain.Common;
using ParticipantBot.Domain.Messages;
using ParticipantBot.Domain.Participants;
using ParticipantBot.Domain.Reminders;
using ParticipantBot.Persistence;

namespace ParticipantBot.Delivery;

/// <summary>One message to write into the outbox.</summary>
public sealed record PlannedMessage(Participant Person, MessageKind Kind, int Sequence, DateTimeOffset DueAt);

/// <summary>
/// Writes the messages participants are owed into the outbox. Invitations, updates and
/// cancellations go on every channel the person asked for that can carry them; reminders and
/// other notices on the best one (Teams when reachable, else email). Planning the same message
/// twice changes nothing. It only adds rows to the use case's unit of work: they are saved with the
/// change that caused them, in its transaction (see <see cref="UnitOfWork"/>), and the dispatcher is
/// woken once that commits (<see cref="OutboxWakeInterceptor"/>).
/// </summary>
public sealed class OutboxPlanner(AppDbContext db, TimeProvider clock, IEnumerable<IMessageSender> senders, IEnumerable<ITeamsReach> teams)
{
    private readonly HashSet<DeliveryChannel> _available = senders.Select(s => s.Channel).ToHashSet();

    /// <summary>
    /// The channels that will carry messages to this person: Teams when they asked for it and the
    /// bot can reach them; email when they asked for it, or when Teams cannot reach them.
    /// </summary>
    public IReadOnlyList<DeliveryChannel> ChannelsFor(Participant p, bool reachableInTeams)
    {
        var channels = new List<DeliveryChannel>(2);
        var wantsTeams = p.Channel is PreferredChannel.Teams or PreferredChannel.Both;
        var wantsEmail = p.Channel is PreferredChannel.Email or PreferredChannel.Both;
        if (wantsTeams && reachableInTeams && _available.Contains(DeliveryChannel.Teams))
            channels.Add(DeliveryChannel.Teams);
        if (p.Email is not null && _available.Contains(DeliveryChannel.Email) && (wantsEmail || channels.Count == 0))
            channels.Add(DeliveryChannel.Email);
        return channels;
    }

    /// <summary>Why Teams will not carry this person's messages, when they asked for Teams; null otherwise.</summary>
    public string? WhyNotTeams(Participant p, bool reachableInTeams) => TeamsProblem(p, reachableInTeams)?.Message;

    /// <summary>The same reason with a stable code (teams.notConfigured, teams.noIdentity, teams.notInstalled), for pages that translate it.</summary>
    public (string Code, string Message)? TeamsProblem(Participant p, bool reachableInTeams) =>
        p.Channel is PreferredChannel.Email || reachableInTeams && _available.Contains(DeliveryChannel.Teams) ? null
        : !_available.Contains(DeliveryChannel.Teams) ? ("teams.notConfigured", "Not reachable in Teams: the Teams channel is not configured.")
        : p.TeamsObjectId is null ? ("teams.noIdentity", "Not reachable in Teams: no Teams identity is known for this person.")
        : ("teams.notInstalled", "Not reachable in Teams: the app is not installed for this person.");

    /// <summary>Object ids of these people that have a live Teams conversation with the bot.</summary>
    public async Task<HashSet<string>> ReachableInTeamsAsync(IEnumerable<Participant> people, CancellationToken ct)
    {
        var ids = people.Select(p => p.TeamsObjectId).OfType<string>().Distinct().ToList();
        var reachable = new HashSet<string>();
        if (ids.Count == 0) return reachable;
        foreach (var reach in teams) reachable.UnionWith(await reach.ReachableAsync(ids, ct));
        return reachable;
    }

    /// <returns>How many messages were planned (not counting those already there).</returns>
    public Task<int> PlanAsync(Session session, IReadOnlyCollection<Participant> people, MessageKind kind, int sequence, DateTimeOffset? dueAt, CancellationToken ct)
    {
        var at = dueAt ?? clock.GetUtcNow();
        var everyChannel = kind is MessageKind.Invitation or MessageKind.Update or MessageKind.Cancellation or MessageKind.Withdrawal;
        return PlanAsync(session, people.Select(p => new PlannedMessage(p, kind, sequence, at)).ToList(), everyChannel, ct);
    }

    /// <summary>The session's reminders for these people, at their times in each person's zone.</summary>
    public Task<int> PlanRemindersAsync(Session session, Campaign campaign, IReadOnlyCollection<Participant> people, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var planned = people.SelectMany(p => ReminderSchedule.For(session, session.ReminderPolicy, p.ZoneOr(campaign.TimeZoneId), now)
            .Select(r => new PlannedMessage(p, r.Kind, r.Sequence, r.DueAt))).ToList();
        return PlanAsync(session, planned, everyChannel: false, ct);
    }

    private async Task<int> PlanAsync(Session session, IReadOnlyList<PlannedMessage> wanted, bool everyChannel, CancellationToken ct)
    {
        if (wanted.Count == 0) return 0;
        var now = clock.GetUtcNow();
        var people = wanted.Select(w => w.Person).DistinctBy(p => p.Id).ToList();
        var ids = people.Select(p => p.Id).ToList();
        var kinds = wanted.Select(w => w.Kind).Distinct().ToList();
        var existing = (await db.OutboundMessages
            .Where(m => m.SessionId == session.Id && kinds.Contains(m.Kind) && ids.Contains(m.ParticipantId))
            .Select(m => m.IdempotencyKey).ToListAsync(ct)).ToHashSet();
        // And those this unit of work planned already, not saved yet.
        existing.UnionWith(db.ChangeTracker.Entries<OutboundMessage>().Where(e => e.State == EntityState.Added).Select(e => e.Entity.IdempotencyKey));
        var reachable = await ReachableInTeamsAsync(people, ct);
        var planned = 0;
        foreach (var (person, kind, sequence, dueAt) in wanted)
        {
            var inTeams = person.TeamsObjectId is not null && reachable.Contains(person.TeamsObjectId);
            var channels = ChannelsFor(person, inTeams);
            // The "I'm here" card is a chat message: nothing to send to someone out of Teams' reach.
            if (kind == MessageKind.CheckIn)
            {
                if (!inTeams || !_available.Contains(DeliveryChannel.Teams)) continue;
                channels = [DeliveryChannel.Teams];
            }
            if (!everyChannel) channels = channels.Take(1).ToList();
            // Someone who asked for Teams but cannot be reached there is recorded as such, with the reason.
            if (everyChannel && WhyNotTeams(person, inTeams) is { } whyNot)
                Record(OutboundMessage.Plan(session.CampaignId, session.Id, person.Id, kind, sequence, DeliveryChannel.Teams, dueAt, now),
                    channels.Count > 0 ? whyNot + " Sent by email instead." : whyNot);
            if (channels.Count == 0)
            {
                Record(OutboundMessage.Plan(session.CampaignId, session.Id, person.Id, kind, sequence, DeliveryChannel.Email, dueAt, now),
                    person.Email is null
                        ? "No channel can reach this person: there is no email address and Teams is not available for them."
                        : "No channel can reach this person.");
                continue;
            }
            foreach (var channel in channels)
            {
                var message = OutboundMessage.Plan(session.CampaignId, session.Id, person.Id, kind, sequence, channel, dueAt, now);
                if (!existing.Add(message.IdempotencyKey)) continue;
                db.OutboundMessages.Add(message);
                planned++;
            }
        }
        return planned;

        void Record(OutboundMessage skipped, string reason)
        {
            if (!existing.Add(skipped.IdempotencyKey)) return;
            skipped.Skip(reason);
            db.OutboundMessages.Add(skipped);
        }
    }

    /// <summary>Teams could not deliver: the same message goes by email, once, when the person has an address.</summary>
    public async Task<bool> FallBackToEmailAsync(OutboundMessage failed, Participant? person, CancellationToken ct)
    {
        if (failed.Channel != DeliveryChannel.Teams || !_available.Contains(DeliveryChannel.Email) || person?.Email is null) return false;
        var key = OutboundMessage.KeyOf(failed.ParticipantId, failed.SessionId, failed.Kind, failed.Sequence, DeliveryChannel.Email);
        if (await db.OutboundMessages.AnyAsync(m => m.IdempotencyKey == key, ct)) return false;
        var now = clock.GetUtcNow();
        db.OutboundMessages.Add(OutboundMessage.Plan(failed.CampaignId, failed.SessionId, failed.ParticipantId, failed.Kind, failed.Sequence, DeliveryChannel.Email, now, now));
        return true;
    }
}
