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

    /// <summary>Says that a reserved email leaves now (through this transport or through Graph).</summary>
    public void Started() => _perMinute?.Started();

    /// <summary>Sends within the concurrency limit; callers reserve with <see cref="ReserveAsync"/> first.</summary>
    public async Task<string> SendAsync(MimeMessage message, bool mayHaveBeenSent, CancellationToken ct)
    {
        await _concurrency.WaitAsync(ct);
        try { return await _inner.SendAsync(message, mayHaveBeenSent, ct); }
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
    /// <summary>
    /// The start times of the last N emails: a new one waits until the N-th before it is a minute
    /// old. A slot is taken when a message is reserved (before its claim) and its time is moved to
    /// the moment the email really leaves, so that the delay between the two cannot let N + 1 emails
    /// into one minute of the mailbox's clock.
    /// </summary>
    private sealed class RollingMinute(int limit) : IDisposable
    {
        private sealed class Stamp { public long At; }

        private readonly SemaphoreSlim _gate = new(1, 1);
        private readonly Queue<Stamp> _starts = new();
        private readonly Queue<Stamp> _reserved = new();
        private readonly Lock _sync = new();

        public async Task WaitAsync(CancellationToken ct)
        {
            await _gate.WaitAsync(ct);
            try
            {
                Stamp? oldest = null;
                lock (_sync) if (_starts.Count >= limit) oldest = _starts.Dequeue();
                while (oldest is not null)
                {
                    long at;
                    lock (_sync) at = oldest.At;
                    var age = System.Diagnostics.Stopwatch.GetElapsedTime(at);
                    if (age >= TimeSpan.FromMinutes(1)) break;
                    await Task.Delay(TimeSpan.FromMinutes(1) - age + TimeSpan.FromMilliseconds(5), ct);
                }
                var stamp = new Stamp { At = System.Diagnostics.Stopwatch.GetTimestamp() };
                lock (_sync) { _starts.Enqueue(stamp); _reserved.Enqueue(stamp); }
            }
            finally { _gate.Release(); }
        }

        /// <summary>An email leaves now: the oldest reserved slot takes this moment as its start.</summary>
        public void Started()
        {
            lock (_sync)
                if (_reserved.TryDequeue(out var stamp)) stamp.At = System.Diagnostics.Stopwatch.GetTimestamp();
        }

        public void Dispose() => _gate.Dispose();
    }
}
