
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using ParticipantBot.Domain.Common;
using ParticipantBot.Domain.Invitations;
using ParticipantBot.Domain.Messages;
using ParticipantBot.Persistence;

namespace ParticipantBot.Delivery;

/// <summary>
/// Sends what is due, at least once. A batch's context is read once; then a few messages at a time are
/// claimed (planned to sending) by one conditional update — so two dispatchers never send the same one
/// at once — sent in parallel, and their outcomes saved together right after. A message left "sending"
/// by a dispatcher that died is planned again (<see cref="OutboundMessage.Reclaim"/>) and sent again:
/// where the channel can tell that the first copy arrived it sends no second one, else the copy it sends
/// is flagged as possibly the second.
/// </summary>
public sealed class OutboxDispatcher(
    AppDbContext db,
    TimeProvider clock,
    IEnumerable<IMessageSender> senders,
    OutboxPlanner planner,
    IOptions<DeliveryOptions> options,
    DeliveryMetrics metrics,
    Campaigns.CampaignDirectory campaigns,
    Participants.ParticipantDirectory people,
    IInvitationStates invitationStates,
    ILogger<OutboxDispatcher> logger)
{
    /// <summary>This process, as it signs its claims: a process started again (even with the same pid, in a container) is another.</summary>
    public static readonly string Instance = $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid():N}";
    private readonly Dictionary<DeliveryChannel, IMessageSender> _senders = senders.ToDictionary(s => s.Channel);

    /// <returns>How many messages this run finished (sent, skipped, failed or planned again).</returns>
    public async Task<int> DispatchDueAsync(CancellationToken ct)
    {
        await ReclaimAbandonedAsync(ct);
        var now = clock.GetUtcNow();
        var due = await db.OutboundMessages.AsNoTracking()
            .Where(m => m.Status == DeliveryStatus.Planned && m.DueAt <= now)
            .OrderBy(m => m.DueAt)
            .Take(options.Value.BatchSize)
            .ToListAsync(ct);
        if (due.Count == 0) return 0;
        var context = await DeliveryContext.LoadAsync(campaigns, people, invitationStates, due, ct);
        foreach (var sender in _senders.Values) await sender.PrepareAsync(context, due, ct);
        var done = 0;
        foreach (var group in Groups(due))
        {
            ct.ThrowIfCancellationRequested();
            // The channel's limits are waited for before the claim: once claimed, the group is sent at once.
            foreach (var message in group)
                if (_senders.TryGetValue(message.Channel, out var sender)) await sender.ReserveAsync(message, context, ct);
            done += await DispatchGroupAsync(group, context, ct);
        }
        foreach (var sender in _senders.Values) await sender.CompleteAsync(context, ct);
        return done;
    }

    /// <summary>Groups of one channel each, no larger than that channel sends at once, in due order.</summary>
    private IEnumerable<OutboundMessage[]> Groups(List<OutboundMessage> due)
    {
        var group = new List<OutboundMessage>();
        foreach (var message in due)
        {
            var size = _senders.TryGetValue(message.Channel, out var sender) ? Math.Min(sender.MaxParallel, options.Value.Parallelism) : 1;
            if (group.Count > 0 && (group[0].Channel != message.Channel || group.Count >= size))
            {
                yield return group.ToArray();
                group.Clear();
            }
            group.Add(message);
        }
        if (group.Count > 0) yield return group.ToArray();
    }

    private async Task<int> DispatchGroupAsync(OutboundMessage[] group, DeliveryContext context, CancellationToken ct)
    {
        var claimed = await ClaimAsync(group.Select(m => m.Id).ToList(), ct);
        if (claimed.Count == 0) return 0;
        var messages = group.Where(m => claimed.Contains(m.Id)).ToList();
        // The stop rules read the invitations as they are now, not as the batch found them.
        var fresh = await FreshInvitationsAsync(messages, ct);
        var results = await Task.WhenAll(messages.Select(async m =>
        {
            var invitation = fresh.GetValueOrDefault((m.SessionId, m.ParticipantId));
            if (WhySkip(m, invitation, context.Participants.GetValueOrDefault(m.ParticipantId), context.Sessions.GetValueOrDefault(m.SessionId), clock.GetUtcNow()) is { } why)
                return (Message: m, Result: (SendResult)new SendResult.Skipped(why));
            return (Message: m, Result: await SendAsync(m, context, ct));
        }));
        await SaveOutcomesAsync(results, context, ct);
        return results.Length;
    }

    private async Task<HashSet<Guid>> ClaimAsync(List<Guid> ids, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var token = $"{Instance}:{Guid.NewGuid():N}";
        await db.OutboundMessages
            .Where(m => ids.Contains(m.Id) && m.Status == DeliveryStatus.Planned)
            .ExecuteUpdateAsync(s => s
                .SetProperty(m => m.Status, DeliveryStatus.Sending)
                .SetProperty(m => m.Attempts, m => m.Attempts + 1)
                .SetProperty(m => m.ClaimedAt, now)
                .SetProperty(m => m.ClaimedBy, token), ct);
        return (await db.OutboundMessages.AsNoTracking().Where(m => ids.Contains(m.Id) && m.ClaimedBy == token && m.Status == DeliveryStatus.Sending)
            .Select(m => m.Id).ToListAsync(ct)).ToHashSet();
    }

    private Task<Dictionary<(Guid Session, Guid Participant), Invitation>> FreshInvitationsAsync(List<OutboundMessage> messages, CancellationToken ct) =>
        invitationStates.ReadAsync(messages.Select(m => m.SessionId).Distinct().ToList(), messages.Select(m => m.ParticipantId).Distinct().ToList(), ct);

    private async Task<SendResult> SendAsync(OutboundMessage message, DeliveryContext context, CancellationToken ct)
    {
        try
        {
            return _senders.TryGetValue(message.Channel, out var sender)
                ? await sender.SendAsync(message, context, ct)
                : new SendResult.Failed($"No {message.Channel} channel is configured.");
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogWarning(e, "Sending message {MessageId} ({Kind}, {Channel}) threw; it will be tried again.", message.Id, message.Kind, message.Channel);
            return new SendResult.Retry($"{e.GetType().Name}: {e.Message}");
        }
    }

    /// <summary>
    /// The group's outcomes in one save, with what they cause (a delivered invitation becomes "invited", a card
    /// Teams could not deliver goes by email); an invitation changed meanwhile (an answer came in) is re-read and
    /// the rule applied again.
    /// </summary>
    private async Task SaveOutcomesAsync((OutboundMessage Message, SendResult Result)[] results, DeliveryContext context, CancellationToken ct)
    {
        var ids = results.Select(r => r.Message.Id).ToList();
        var byId = results.ToDictionary(r => r.Message.Id, r => r.Result);
        await db.RetryOnConflictAsync(async () =>
        {
            db.ChangeTracker.Clear();
            var now = clock.GetUtcNow();
            var tracked = await db.OutboundMessages.Where(m => ids.Contains(m.Id)).ToListAsync(ct);
            foreach (var message in tracked) Apply(message, byId[message.Id], now);
            // A delivered invitation is "invited", whatever the path: the Invitations module moves it, in this same save.
            var delivered = tracked.Where(m => m.Kind == MessageKind.Invitation && byId[m.Id] is SendResult.Sent).ToList();
            if (delivered.Count > 0) await invitationStates.DeliveredAsync(delivered, now, ct);
            foreach (var message in tracked.Where(m => byId[m.Id] is SendResult.Unreachable))
                if (await planner.FallBackToEmailAsync(message, context.Participants.GetValueOrDefault(message.ParticipantId), ct))
                    logger.LogInformation("Message {MessageId} could not reach its participant in Teams; it goes by email instead.", message.Id);
            await db.SaveChangesAsync(ct);
            return true;
        });
        db.ChangeTracker.Clear();
    }

    private static void Apply(OutboundMessage message, SendResult result, DateTimeOffset now)
    {
        switch (result)
        {
            case SendResult.Sent sent:
                message.MarkSent(sent.ChannelMessageId, now, sent.MayDuplicate);
                break;
            case SendResult.Retry retry:
                message.RetryLater(retry.Reason, now + (retry.After ?? Backoff(message.Attempts)));
                break;
            case SendResult.Failed failed:
                message.Fail(failed.Reason);
                break;
            case SendResult.Unreachable unreachable:
                message.Fail(unreachable.Reason);
                break;
            case SendResult.Skipped skipped:
                message.Skip(skipped.Reason);
                break;
            case SendResult.Uncertain uncertain:
                message.RetryUncertain(uncertain.Reason, now + (uncertain.After ?? Backoff(message.Attempts)));
                break;
        }
    }

    /// <summary>
    /// The stop rules, checked at the moment of sending, whatever was planned: also against the clock, so that a
    /// message sent again after a long stop never arrives too late to mean anything.
    /// </summary>
    private static string? WhySkip(OutboundMessage message, Invitation? invitation, Domain.Participants.Participant? person,
        Domain.Campaigns.Session? session, DateTimeOffset now)
    {
        if (invitation is null || person is null || session is null) return "The invitation no longer exists.";
        var isReminder = message.Kind is MessageKind.Reminder or MessageKind.DayBefore or MessageKind.Today;
        if (isReminder && person.StoppedAt is not null) return "The person asked for no more reminders.";
        if (isReminder && now >= session.StartsAt) return "Too late: the session has started.";
        if (message.Kind is not (MessageKind.Survey or MessageKind.SurveyReminder) && now > session.EndsAt) return "Too late: the session is over.";
        return (message.Kind, invitation.Status) switch
        {
            (MessageKind.Cancellation or MessageKind.Withdrawal, _) => null,
            (_, RsvpStatus.Cancelled) => "The session was cancelled.",
            (_, RsvpStatus.Withdrawn) => "The invitation was withdrawn.",
            (_, RsvpStatus.Declined) => "The person declined.",
            (MessageKind.Reminder, var status) when !RsvpTransitions.AwaitsAnswer(status) => "The person answered.",
            (MessageKind.DayBefore or MessageKind.Today, var status) when status != RsvpStatus.Accepted => "Only accepted participants get this reminder.",
            _ => null,
        };
    }

    /// <summary>Exponential backoff with jitter: about 10 s, 20 s, 40 s... capped at 30 minutes.</summary>
    public static TimeSpan Backoff(int attempts)
    {
        var seconds = Math.Min(1800, 10 * Math.Pow(2, Math.Max(0, attempts - 1)));
        return TimeSpan.FromSeconds(seconds * (0.8 + Random.Shared.NextDouble() * 0.4));
    }

    /// <summary>
    /// Messages a dispatcher left "sending" were cut off by a crash: planned again, to be sent again. A claim is
    /// abandoned when its lease ran out; on SQLite, which one process serves, any claim of another process is.
    /// </summary>
    private async Task ReclaimAbandonedAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var before = now - TimeSpan.FromSeconds(options.Value.LeaseSeconds);
        var ours = Instance + ":";
        var stale = db.Database.IsSqlite()
            ? await db.OutboundMessages.Where(m => m.Status == DeliveryStatus.Sending && (m.ClaimedBy == null || !m.ClaimedBy.StartsWith(ours) || m.ClaimedAt < before)).ToListAsync(ct)
            : await db.OutboundMessages.Where(m => m.Status == DeliveryStatus.Sending && m.ClaimedAt < before).ToListAsync(ct);
        if (stale.Count == 0) return;
        foreach (var message in stale) message.Reclaim(now);
        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();
        logger.LogWarning("{Count} message(s) were being sent when a dispatcher stopped; they are sent again (flagged where the channel cannot tell whether they arrived).", stale.Count);
        metrics.Reclaimed(stale.Count);
    }
}
