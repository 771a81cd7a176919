using Microsoft.EntityFrameworkCore;
using ParticipantBot.Domain.Campaigns;
using ParticipantBot.Domain.Common;
using ParticipantBot.Domain.Messages;
using ParticipantBot.Domain.Participants;
using ParticipantBot.Persistence;

namespace ParticipantBot.Delivery;

/// <summary>
/// Writes the messages a participant is owed into the outbox: one per channel their preference
/// covers and the service can use. Planning the same message twice changes nothing.
/// </summary>
public sealed class OutboxPlanner(AppDbContext db, TimeProvider clock, DispatchSignal signal, IEnumerable<IMessageSender> senders)
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
    public string? WhyNotTeams(Participant p, bool reachableInTeams) =>
        p.Channel is PreferredChannel.Email || reachableInTeams && _available.Contains(DeliveryChannel.Teams) ? null
        : !_available.Contains(DeliveryChannel.Teams) ? "Not reachable in Teams: the Teams channel is not configured."
        : p.TeamsObjectId is null ? "Not reachable in Teams: no Teams identity is known for this person."
        : "Not reachable in Teams: the app is not installed for this person.";

    /// <summary>Object ids of these people that have a live Teams conversation with the bot.</summary>
    public async Task<HashSet<string>> ReachableInTeamsAsync(IEnumerable<Participant> people, CancellationToken ct)
    {
        var ids = people.Select(p => p.TeamsObjectId).OfType<string>().Distinct().ToList();
        return ids.Count == 0 ? [] : (await db.TeamsInstallations.Where(i => i.Active && ids.Contains(i.UserObjectId)).Select(i => i.UserObjectId).ToListAsync(ct)).ToHashSet();
    }

    /// <summary>Teams could not deliver: the same message goes by email, once, when the person has an address.</summary>
    public async Task<bool> FallBackToEmailAsync(OutboundMessage failed, CancellationToken ct)
    {
        if (failed.Channel != DeliveryChannel.Teams || !_available.Contains(DeliveryChannel.Email)) return false;
        var person = await db.Participants.AsNoTracking().FirstOrDefaultAsync(p => p.Id == failed.ParticipantId, ct);
        if (person?.Email is null) return false;
        var key = OutboundMessage.KeyOf(failed.ParticipantId, failed.SessionId, failed.Kind, failed.Sequence, DeliveryChannel.Email);
        if (await db.OutboundMessages.AnyAsync(m => m.IdempotencyKey == key, ct)) return false;
        var now = clock.GetUtcNow();
        db.OutboundMessages.Add(OutboundMessage.Plan(failed.CampaignId, failed.SessionId, failed.ParticipantId, failed.Kind, failed.Sequence, DeliveryChannel.Email, now, now));
        await db.SaveChangesAsync(ct);
        signal.Wake();
        return true;
    }

    /// <returns>How many messages were planned (not counting those already there).</returns>
    public async Task<int> PlanAsync(Session session, IReadOnlyCollection<Participant> people, MessageKind kind, int sequence, DateTimeOffset? dueAt, CancellationToken ct)
    {
        if (people.Count == 0) return 0;
        var now = clock.GetUtcNow();
        var ids = people.Select(p => p.Id).ToList();
        var existing = (await db.OutboundMessages
            .Where(m => m.SessionId == session.Id && m.Kind == kind && m.Sequence == sequence && ids.Contains(m.ParticipantId))
            .Select(m => m.IdempotencyKey).ToListAsync(ct)).ToHashSet();
        var reachable = await ReachableInTeamsAsync(people, ct);
        var planned = 0;
        foreach (var person in people)
        {
            var inTeams = person.TeamsObjectId is not null && reachable.Contains(person.TeamsObjectId);
            var channels = ChannelsFor(person, inTeams);
            // Someone who asked for Teams but cannot be reached there is recorded as such, with the reason.
            if (WhyNotTeams(person, inTeams) is { } whyNot)
            {
                var unreachable = OutboundMessage.Plan(session.CampaignId, session.Id, person.Id, kind, sequence, DeliveryChannel.Teams, dueAt ?? now, now);
                if (existing.Add(unreachable.IdempotencyKey))
                {
                    unreachable.Skip(channels.Count > 0 ? whyNot + " Sent by email instead." : whyNot);
                    db.OutboundMessages.Add(unreachable);
                }
            }
            if (channels.Count == 0)
            {
                var skipped = OutboundMessage.Plan(session.CampaignId, session.Id, person.Id, kind, sequence, DeliveryChannel.Email, dueAt ?? now, now);
                if (existing.Add(skipped.IdempotencyKey))
                {
                    skipped.Skip(person.Email is null
                        ? "No channel can reach this person: there is no email address and Teams is not available for them."
                        : "No channel can reach this person.");
                    db.OutboundMessages.Add(skipped);
                }
                continue;
            }
            foreach (var channel in channels)
            {
                var message = OutboundMessage.Plan(session.CampaignId, session.Id, person.Id, kind, sequence, channel, dueAt ?? now, now);
                if (!existing.Add(message.IdempotencyKey)) continue;
                db.OutboundMessages.Add(message);
                planned++;
            }
        }
        await db.SaveChangesAsync(ct);
        if (planned > 0) signal.Wake();
        return planned;
    }
}
