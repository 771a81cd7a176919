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
    private readonly RollingMinute? _perMinute;

    public LimitedEmailTransport(IEmailTransport inner, IOptions<EmailOptions> options)
    {
        _inner = inner;
        _concurrency = new SemaphoreSlim(options.Value.MaxConcurrent);
        MaxConcurrent = options.Value.MaxConcurrent;
        if (options.Value.MessagesPerMinute is { } perMinute) _perMinute = new RollingMinute(perMinute);
    }

    public IEmailTransport Inner => _inner;

    public int MaxConcurrent { get; }

    /// <summary>Waits until the mailbox's per-minute limit allows one more email.</summary>
    public Task ReserveAsync(CancellationToken ct) => _perMinute?.WaitAsync(ct) ?? Task.CompletedTask;

    /// <summary>Sends within the concurrency limit; callers reserve with <see cref="ReserveAsync"/> first.</summary>
    public async Task<string> SendAsync(MimeMessage message, CancellationToken ct)
    {
        await _concurrency.WaitAsync(ct);
        try { return await _inner.SendAsync(message, ct); }
        finally { _concurrency.Release(); }
    }

    public void Dispose()
    {
        _perMinute?.Dispose();
        _concurrency.Dispose();
    }

    /// <summary>
    /// At most N starts in any 60 seconds, exactly: a send waits until the oldest of the last N is a
    /// minute old. (A segmented sliding window lets a burst straddle its segment boundaries.)
    /// </summary>
    private sealed class RollingMinute(int limit) : IDisposable
    {
        private readonly SemaphoreSlim _gate = new(1, 1);
        private readonly Queue<long> _starts = new();

        public async Task WaitAsync(CancellationToken ct)
        {
            await _gate.WaitAsync(ct);
            try
            {
                if (_starts.Count >= limit)
                {
                    var wait = System.Diagnostics.Stopwatch.GetElapsedTime(_starts.Dequeue());
                    if (wait < TimeSpan.FromMinutes(1)) await Task.Delay(TimeSpan.FromMinutes(1) - wait + TimeSpan.FromMilliseconds(5), ct);
                }
                _starts.Enqueue(System.Diagnostics.Stopwatch.GetTimestamp());
            }
            finally { _gate.Release(); }
        }

        public void Dispose() => _gate.Dispose();
    }
}
