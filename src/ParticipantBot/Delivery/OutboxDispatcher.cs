using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using ParticipantBot.Domain.Common;
using ParticipantBot.Domain.Invitations;
using ParticipantBot.Domain.Messages;
using ParticipantBot.Persistence;

namespace ParticipantBot.Delivery;

/// <summary>
/// Sends what is due. Each message is claimed (planned to sending) by one conditional update, so
/// two dispatchers never send the same one; it is saved as sent, failed or retried right after its
/// send, so only a crash during the send itself leaves it in doubt.
/// </summary>
public sealed class OutboxDispatcher(
    AppDbContext db,
    TimeProvider clock,
    IEnumerable<IMessageSender> senders,
    OutboxPlanner planner,
    IOptions<DeliveryOptions> options,
    ILogger<OutboxDispatcher> logger)
{
    public static readonly string Instance = $"{Environment.MachineName}:{Environment.ProcessId}";
    private readonly Dictionary<DeliveryChannel, IMessageSender> _senders = senders.ToDictionary(s => s.Channel);

    /// <returns>How many messages this run finished (sent, skipped, failed or planned again).</returns>
    public async Task<int> DispatchDueAsync(CancellationToken ct)
    {
        await MarkAbandonedInDoubtAsync(ct);
        var now = clock.GetUtcNow();
        var due = await db.OutboundMessages.AsNoTracking()
            .Where(m => m.Status == DeliveryStatus.Planned && m.DueAt <= now)
            .OrderBy(m => m.DueAt)
            .Select(m => m.Id)
            .Take(options.Value.BatchSize)
            .ToListAsync(ct);
        var done = 0;
        foreach (var id in due)
        {
            ct.ThrowIfCancellationRequested();
            if (!await ClaimAsync(id, ct)) continue;
            await SendOneAsync(id, ct);
            done++;
        }
        return done;
    }

    private async Task<bool> ClaimAsync(Guid id, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        return await db.OutboundMessages
            .Where(m => m.Id == id && m.Status == DeliveryStatus.Planned)
            .ExecuteUpdateAsync(s => s
                .SetProperty(m => m.Status, DeliveryStatus.Sending)
                .SetProperty(m => m.Attempts, m => m.Attempts + 1)
                .SetProperty(m => m.ClaimedAt, now)
                .SetProperty(m => m.ClaimedBy, Instance), ct) == 1;
    }

    private async Task SendOneAsync(Guid id, CancellationToken ct)
    {
        db.ChangeTracker.Clear();
        var message = await db.OutboundMessages.SingleAsync(m => m.Id == id, ct);
        var invitation = await db.Invitations.FirstOrDefaultAsync(i => i.SessionId == message.SessionId && i.ParticipantId == message.ParticipantId, ct);
        var person = await db.Participants.AsNoTracking().FirstOrDefaultAsync(p => p.Id == message.ParticipantId, ct);
        if (WhySkip(message, invitation, person) is { } why)
        {
            message.Skip(why);
            await db.SaveChangesAsync(ct);
            return;
        }
        SendResult result;
        try
        {
            result = _senders.TryGetValue(message.Channel, out var sender)
                ? await sender.SendAsync(message, ct)
                : new SendResult.Failed($"No {message.Channel} channel is configured.");
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogWarning(e, "Sending message {MessageId} ({Kind}, {Channel}) threw; it will be tried again.", message.Id, message.Kind, message.Channel);
            result = new SendResult.Retry($"{e.GetType().Name}: {e.Message}");
        }
        // The invitation may have changed meanwhile (an answer came in): apply the outcome to fresh rows.
        await db.RetryOnConflictAsync(async () =>
        {
            db.ChangeTracker.Clear();
            var fresh = await db.OutboundMessages.SingleAsync(m => m.Id == id, ct);
            var current = await db.Invitations.FirstOrDefaultAsync(i => i.SessionId == fresh.SessionId && i.ParticipantId == fresh.ParticipantId, ct);
            Apply(fresh, current, result, clock.GetUtcNow());
            await db.SaveChangesAsync(ct);
            return true;
        });
        if (result is SendResult.Unreachable)
        {
            db.ChangeTracker.Clear();
            var undelivered = await db.OutboundMessages.AsNoTracking().SingleAsync(m => m.Id == id, ct);
            if (await planner.FallBackToEmailAsync(undelivered, ct))
                logger.LogInformation("Message {MessageId} could not reach its participant in Teams; it goes by email instead.", id);
        }
    }

    private static void Apply(OutboundMessage message, Invitation? invitation, SendResult result, DateTimeOffset now)
    {
        switch (result)
        {
            case SendResult.Sent sent:
                message.MarkSent(sent.ChannelMessageId, now);
                if (message.Kind == MessageKind.Invitation && invitation is { Status: RsvpStatus.NotSent })
                    invitation.MoveTo(RsvpStatus.Invited, message.Channel == DeliveryChannel.Teams ? AnswerChannel.Teams : AnswerChannel.Email, "system", now);
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
        }
    }

    /// <summary>The stop rules, checked at the moment of sending, whatever was planned.</summary>
    private static string? WhySkip(OutboundMessage message, Invitation? invitation, Domain.Participants.Participant? person)
    {
        if (invitation is null || person is null) return "The invitation no longer exists.";
        var isReminder = message.Kind is MessageKind.Reminder or MessageKind.DayBefore or MessageKind.Today;
        if (isReminder && person.StoppedAt is not null) return "The person asked for no more reminders.";
        return (message.Kind, invitation.Status) switch
        {
            (MessageKind.Cancellation, _) => null,
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

    /// <summary>Messages still "sending" past their lease were cut off by a crash: shown as inDoubt, never silently resent.</summary>
    private async Task MarkAbandonedInDoubtAsync(CancellationToken ct)
    {
        var before = clock.GetUtcNow() - TimeSpan.FromSeconds(options.Value.LeaseSeconds);
        var stale = await db.OutboundMessages.Where(m => m.Status == DeliveryStatus.Sending && m.ClaimedAt < before).ToListAsync(ct);
        if (stale.Count == 0) return;
        foreach (var message in stale) message.MarkInDoubt();
        await db.SaveChangesAsync(ct);
        logger.LogWarning("{Count} message(s) were being sent when a dispatcher stopped; they are marked inDoubt.", stale.Count);
    }
}
