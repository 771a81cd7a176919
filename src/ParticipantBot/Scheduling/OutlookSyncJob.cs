using Hangfire;
using ParticipantBot.Outlook;

namespace ParticipantBot.Scheduling;

/// <summary>The scheduler's entry points for Outlook: the periodic reply sync, one event's sync, the subscription's renewal. Ids only.</summary>
/// Resolved on use: the job type is registered always (a queued job may outlive a configuration change),
/// Outlook's services only when Graph is configured.
public sealed class OutlookSyncJob(IServiceProvider services)
{
    private OutlookReplies Replies => services.GetRequiredService<OutlookReplies>();
    private GraphSubscriptions Subscriptions => services.GetRequiredService<GraphSubscriptions>();

    public const string SyncRecurringId = "outlook-sync";
    public const string SubscriptionRecurringId = "graph-subscription";

    [DisableConcurrentExecution(timeoutInSeconds: 60)]
    public Task<int> SyncAllAsync(CancellationToken ct) => Replies.SyncAllAsync(ct);

    public Task<bool> SyncOneAsync(Guid outlookEventId, CancellationToken ct) => Replies.SyncOneAsync(outlookEventId, ct);

    public Task EnsureSubscriptionAsync(CancellationToken ct) => Subscriptions.EnsureAsync(ct);
}

/// <summary>One event's reply, read by a Hangfire job as soon as a worker is free.</summary>
internal sealed class HangfireReplySyncTrigger(IBackgroundJobClient jobs) : IReplySyncTrigger
{
    public void SyncSoon(Guid outlookEventId) => jobs.Enqueue<OutlookSyncJob>(j => j.SyncOneAsync(outlookEventId, CancellationToken.None));
}
