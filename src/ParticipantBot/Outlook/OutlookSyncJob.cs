using Hangfire;

namespace ParticipantBot.Outlook;

/// <summary>Hangfire's entry points for Outlook: the periodic reply sync, one event's sync, the subscription's renewal. Ids only.</summary>
public sealed class OutlookSyncJob(OutlookReplies replies, GraphSubscriptions subscriptions)
{
    public const string SyncRecurringId = "outlook-sync";
    public const string SubscriptionRecurringId = "graph-subscription";

    [DisableConcurrentExecution(timeoutInSeconds: 60)]
    public Task<int> SyncAllAsync(CancellationToken ct) => replies.SyncAllAsync(ct);

    public Task<bool> SyncOneAsync(Guid outlookEventId, CancellationToken ct) => replies.SyncOneAsync(outlookEventId, ct);

    public Task EnsureSubscriptionAsync(CancellationToken ct) => subscriptions.EnsureAsync(ct);
}
