using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;
using MimeKit;

namespace ParticipantBot.Email;

/// <summary>
/// Keeps the mailbox within its limits, whatever the transport: at most
/// <see cref="EmailOptions.MaxConcurrent"/> sends at once and <see cref="EmailOptions.MessagesPerMinute"/>
/// a minute (Exchange allows about 30 per mailbox).
/// </summary>
public sealed class LimitedEmailTransport : IEmailTransport, IDisposable
{
    private readonly IEmailTransport _inner;
    private readonly SemaphoreSlim _concurrency;
    private readonly SlidingWindowRateLimiter? _perMinute;

    public LimitedEmailTransport(IEmailTransport inner, IOptions<EmailOptions> options)
    {
        _inner = inner;
        _concurrency = new SemaphoreSlim(options.Value.MaxConcurrent);
        if (options.Value.MessagesPerMinute is { } perMinute)
            _perMinute = new SlidingWindowRateLimiter(new SlidingWindowRateLimiterOptions
            {
                PermitLimit = perMinute,
                Window = TimeSpan.FromMinutes(1),
                SegmentsPerWindow = 6,
                QueueLimit = int.MaxValue,
                QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
                AutoReplenishment = true,
            });
    }

    public IEmailTransport Inner => _inner;

    public async Task<string> SendAsync(MimeMessage message, CancellationToken ct)
    {
        using var lease = _perMinute is null ? null : await _perMinute.AcquireAsync(1, ct);
        await _concurrency.WaitAsync(ct);
        try { return await _inner.SendAsync(message, ct); }
        finally { _concurrency.Release(); }
    }

    public void Dispose()
    {
        _perMinute?.Dispose();
        _concurrency.Dispose();
    }
}
