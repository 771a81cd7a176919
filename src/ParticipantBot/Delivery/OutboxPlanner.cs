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

    /// <summary>The channels that will carry messages to this person, best first; empty when none can.</summary>
    public IReadOnlyList<DeliveryChannel> ChannelsFor(Participant p)
    {
        var channels = new List<DeliveryChannel>(2);
        var wantsTeams = p.Channel is PreferredChannel.Teams or PreferredChannel.Both;
        var wantsEmail = p.Channel is PreferredChannel.Email or PreferredChannel.Both;
        if (wantsTeams && _available.Contains(DeliveryChannel.Teams) && (p.TeamsObjectId ?? p.TeamsUpn ?? p.Email) is not null)
            channels.Add(DeliveryChannel.Teams);
        if (p.Email is not null && _available.Contains(DeliveryChannel.Email) && (wantsEmail || channels.Count == 0))
            channels.Add(DeliveryChannel.Email);
        return channels;
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
        var planned = 0;
        foreach (var person in people)
        {
            var channels = ChannelsFor(person);
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
