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
/// Keeps proactive sends under Teams' rate limits: a sliding one-second window for the app and one
/// per conversation. One dispatcher runs at a time across instances, so these hold for the deployment.
/// </summary>
/// <remarks>
/// A sliding window, not a token bucket: a bucket small enough never to burst over Teams' window
/// loses its refill while the dispatcher is busy with the database (measured: 74% of the limit), and
/// a bucket of a full second bursts at the window's edge and comes back as 429s. The window keeps
/// 3% (at least one message) in hand for the clock and network jitter between us and Teams.
/// </remarks>
public sealed class TeamsLimits : IDisposable
{
    private readonly SlidingWindowRateLimiter _app;
    private readonly PartitionedRateLimiter<string> _conversations;

    public TeamsLimits(IOptions<TeamsLimitOptions> options)
    {
        var o = options.Value;
        _app = new SlidingWindowRateLimiter(Window(o.MessagesPerSecond));
        _conversations = PartitionedRateLimiter.Create<string, string>(conversation =>
            RateLimitPartition.GetSlidingWindowLimiter(conversation, _ => Window(o.PerConversationPerSecond)));
    }

    public async Task WaitAsync(string conversationId, CancellationToken ct)
    {
        using var conversation = await _conversations.AcquireAsync(conversationId, 1, ct);
        using var app = await _app.AcquireAsync(1, ct);
    }

    private static SlidingWindowRateLimiterOptions Window(int perSecond) => new()
    {
        PermitLimit = Math.Max(1, Math.Min(perSecond - 1, (int)Math.Floor(perSecond * 0.97))),
        Window = TimeSpan.FromSeconds(1),
        SegmentsPerWindow = 20,
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
