using System.ComponentModel.DataAnnotations;
using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

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
/// Keeps proactive sends under Teams' rate limits: one token bucket for the app and one per
/// conversation. One dispatcher runs at a time across instances, so these hold for the deployment.
/// </summary>
public sealed class TeamsLimits : IDisposable
{
    private readonly TokenBucketRateLimiter _app;
    private readonly PartitionedRateLimiter<string> _conversations;

    public TeamsLimits(IOptions<TeamsLimitOptions> options)
    {
        var o = options.Value;
        _app = new TokenBucketRateLimiter(Smooth(o.MessagesPerSecond));
        _conversations = PartitionedRateLimiter.Create<string, string>(conversation =>
            RateLimitPartition.GetTokenBucketLimiter(conversation, _ => Bucket(o.PerConversationPerSecond)));
    }

    /// <summary>
    /// The app's allowance as one token every 1/(0.97 × limit) second, with a burst of two: a
    /// full second's burst at once would meet Teams' own window at its edge and come back as 429s.
    /// </summary>
    private static TokenBucketRateLimiterOptions Smooth(int perSecond) => new()
    {
        TokenLimit = 2,
        TokensPerPeriod = 1,
        ReplenishmentPeriod = TimeSpan.FromSeconds(1 / (perSecond * 0.97)),
        QueueLimit = int.MaxValue,
        QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
        AutoReplenishment = true,
    };

    public async Task WaitAsync(string conversationId, CancellationToken ct)
    {
        using var conversation = await _conversations.AcquireAsync(conversationId, 1, ct);
        using var app = await _app.AcquireAsync(1, ct);
    }

    private static TokenBucketRateLimiterOptions Bucket(int perSecond) => new()
    {
        TokenLimit = perSecond,
        TokensPerPeriod = perSecond,
        ReplenishmentPeriod = TimeSpan.FromSeconds(1),
        QueueLimit = int.MaxValue,
        QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
        AutoReplenishment = true,
    };

    public void Dispose()
    {
        _app.Dispose();
        _conversations.Dispose();
    }
}
