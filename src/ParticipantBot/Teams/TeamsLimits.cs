using System.ComponentModel.DataAnnotations;
using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;
using ParticipantBot.Delivery;

namespace ParticipantBot.Teams;

/// <summary>Teams' limits for proactive messages (Delivery:Teams section).</summary>
public sealed class TeamsLimitOptions
{
    public const string Section = "Delivery:Teams";

    /// <summary>Per app per tenant (Teams allows 50).</summary>
    [Range(1, 1000)]
    public int MessagesPerSecond { get; set; } = 50;

    /// <summary>Per bot per conversation (Teams allows 7).</summary>
    [Range(1, 100)]
    public int PerConversationPerSecond { get; set; } = 7;
}

/// <summary>
/// Keeps proactive sends under Teams' rate limits: an exact rolling one-second window for the app
/// (<see cref="RollingWindow"/>: its slots dated when each message really leaves) and a trickle per
/// conversation. One dispatcher runs at a time across instances, so these hold for the deployment.
/// </summary>
/// <remarks>
/// A window, not a token bucket: a bucket small enough never to burst over Teams' window loses its
/// refill while the dispatcher is busy with the database (measured: 74% of the limit), and a bucket
/// of a full second bursts at the window's edge and comes back as 429s. The window keeps one message
/// in hand (49 of 50) for the network jitter between us and Teams: with each slot dated when its
/// message leaves, that is enough (measured: 0 answered 429 of 6,000 at 50 a second); the segmented
/// window needed 3% and still let some through. Real time, not the service's clock: Teams counts in seconds that pass.
/// </remarks>
public sealed class TeamsLimits : IDisposable
{
    private readonly RollingWindow _app;
    private readonly PartitionedRateLimiter<string> _conversations;

    public TeamsLimits(IOptions<TeamsLimitOptions> options) : this(options, TimeProvider.System)
    {
    }

    /// <summary>For tests: the window on a clock of their own (not public, so that the container never gives it the service's clock).</summary>
    internal TeamsLimits(IOptions<TeamsLimitOptions> options, TimeProvider clock)
    {
        var o = options.Value;
        _app = new RollingWindow(AppPermits(o.MessagesPerSecond), TimeSpan.FromSeconds(1), clock);
        _conversations = PartitionedRateLimiter.Create<string, string>(conversation =>
            RateLimitPartition.GetTokenBucketLimiter(conversation, _ => Trickle(o.PerConversationPerSecond)));
    }

    public async Task WaitAsync(string conversationId, CancellationToken ct)
    {
        using var conversation = await _conversations.AcquireAsync(conversationId, 1, ct);
        await _app.WaitAsync(ct);
    }

    /// <summary>A reserved proactive send leaves now (its POST starts).</summary>
    public void Started() => _app.Started();

    /// <summary>
    /// One send at once, then one every 1/(limit − 1) s: never more than the limit in any second. A
    /// bucket, not a window, because there is one per conversation (thousands in a campaign) and the
    /// partitioned limiter's timer visits every one of them ten times a second.
    /// </summary>
    private static TokenBucketRateLimiterOptions Trickle(int perSecond) => new()
    {
        TokenLimit = 1,
        TokensPerPeriod = 1,
        ReplenishmentPeriod = TimeSpan.FromSeconds(1.0 / Math.Max(1, perSecond - 1)),
        QueueLimit = int.MaxValue,
        QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
        AutoReplenishment = true,
    };

    /// <summary>Sends a second the app's window lets through: Teams' limit less one.</summary>
    public static int AppPermits(int perSecond) => Math.Max(1, perSecond - 1);

    public void Dispose()
    {
        _app.Dispose();
        _conversations.Dispose();
    }
}
