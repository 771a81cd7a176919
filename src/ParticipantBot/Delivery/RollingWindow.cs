namespace ParticipantBot.Delivery;

/// <summary>
/// At most N sends start in any window (a second for Teams' app limit, a minute for a mailbox), exactly:
/// a send waits until the N-th before it is a window old. A slot is taken when a message is reserved
/// (before its claim) and its time is moved to the moment the message really leaves
/// (<see cref="Started"/>), so that the database work between the two cannot let N + 1 sends into
/// one window of the receiver's clock.
/// </summary>
/// <remarks>
/// Not <c>SlidingWindowRateLimiter</c>: its window moves by segments, so a burst at a segment's end
/// is forgotten a segment early (measured: 6 sends of 6,000 answered 429 at 50 a second), and it
/// counts reservations, not the moment the message goes. A reserved message that is not sent in the
/// end keeps its slot at its reservation time, which only errs on the safe side.
/// </remarks>
public sealed class RollingWindow(int limit, TimeSpan window, TimeProvider clock) : IDisposable
{
    private sealed class Stamp
    {
        public long At;
    }

    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly Queue<Stamp> _starts = new();
    private readonly Queue<Stamp> _reserved = new();
    private readonly Lock _sync = new();

    public int Limit { get; } = limit;

    /// <summary>Waits until one more send fits in the window, and reserves its slot.</summary>
    public async Task WaitAsync(CancellationToken ct)
    {
        await _gate.WaitAsync(ct);
        try
        {
            Stamp? oldest = null;
            lock (_sync) if (_starts.Count >= Limit) oldest = _starts.Dequeue();
            while (oldest is not null)
            {
                long at;
                lock (_sync) at = oldest.At;
                var age = clock.GetElapsedTime(at);
                if (age >= window) break;
                await Task.Delay(window - age, clock, ct);
            }
            var stamp = new Stamp { At = clock.GetTimestamp() };
            lock (_sync)
            {
                _starts.Enqueue(stamp);
                _reserved.Enqueue(stamp);
            }
        }
        finally { _gate.Release(); }
    }

    /// <summary>A reserved send leaves now: the oldest reserved slot takes this moment as its start.</summary>
    public void Started()
    {
        lock (_sync)
            if (_reserved.TryDequeue(out var stamp)) stamp.At = clock.GetTimestamp();
    }

    public void Dispose() => _gate.Dispose();
}
