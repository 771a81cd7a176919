using Hangfire;
using Hangfire.Storage;
using ParticipantBot.Delivery;

namespace ParticipantBot.Scheduling;

/// <summary>
/// The Hangfire job that drains the outbox. One runs at a time across every instance (a gate in
/// the process, and with PostgreSQL a distributed lock in Hangfire's storage), so the per-channel rate limits hold for the whole
/// deployment; each message is still claimed by a conditional update, so even two dispatchers
/// never send one message twice. Its only argument is a cancellation token: no personal data.
/// </summary>
public sealed class OutboxDispatchJob(IServiceScopeFactory scopes, JobStorage storage, DispatchSignal signal, IBackgroundJobClient jobs,
    DispatchGate gate, Microsoft.Extensions.Options.IOptions<SchedulingOptions> options, ILogger<OutboxDispatchJob> logger)
{
    public const string RecurringId = "outbox-dispatch";
    private const string LockName = "participantbot:outbox-dispatch";

    [AutomaticRetry(Attempts = 10, DelaysInSeconds = [5, 10, 30, 60, 120, 300])]
    [JobDisplayName("Send what the outbox has due")]
    public async Task RunAsync(CancellationToken ct)
    {
        signal.Started();
        // One run at a time in this process; across the instances sharing a PostgreSQL database,
        // Hangfire's distributed lock too. A SQLite database has one instance: its storage lock, left
        // behind by a killed process or a release that failed under load, would stop every run for its
        // whole lifetime and protect nothing the gate does not.
        var entered = gate.TryEnter();
        if (entered is null) return; // a run is draining the outbox; it looks for what was planned meanwhile once it has left
        var more = false;
        var generation = signal.Generation;
        try
        {
            IDisposable? handle = null;
            if (storage is not Hangfire.Storage.SQLite.SQLiteStorage)
            {
                try
                {
                    using var connection = storage.GetConnection();
                    handle = connection.AcquireDistributedLock(LockName, TimeSpan.Zero);
                }
                catch (DistributedLockTimeoutException)
                {
                    return; // another instance is draining the outbox
                }
            }
            using (handle)
            {
                var started = DateTime.UtcNow;
                // Well inside the lock's lifetime, so that a live run never loses it to another instance.
                var budget = TimeSpan.FromSeconds(options.Value.LockSeconds / 3.0);
                while (!ct.IsCancellationRequested)
                {
                    await using var scope = scopes.CreateAsyncScope();
                    var done = await scope.ServiceProvider.GetRequiredService<OutboxDispatcher>().DispatchDueAsync(ct);
                    if (done == 0) break;
                    if (DateTime.UtcNow - started > budget) { more = true; break; }
                }
            }
        }
        finally
        {
            // Left before looking at the generation: a run asked for while this one held the gate has returned
            // at once, and what it was asked for must not wait for the next tick.
            entered.Dispose();
        }
        // Bounded runs keep the lock short; what remains goes to the next run at once. Messages planned
        // while this run held the lock may have found it taken: they get a run too, not the next tick.
        if (more || signal.Generation != generation)
        {
            logger.LogInformation("The outbox still has due messages after a full run; another run is queued.");
            jobs.Enqueue<OutboxDispatchJob>(j => j.RunAsync(CancellationToken.None));
        }
    }
}

/// <summary>The dispatch's lock inside one process: a run that finds another one running leaves it the work.</summary>
public sealed class DispatchGate : IDisposable
{
    private readonly SemaphoreSlim _semaphore = new(1, 1);

    /// <returns>The gate, to leave by disposing it; null when a run is already inside.</returns>
    public IDisposable? TryEnter() => _semaphore.Wait(0) ? new Lease(_semaphore) : null;

    public void Dispose() => _semaphore.Dispose();

    private sealed class Lease(SemaphoreSlim semaphore) : IDisposable
    {
        private int _left;
        public void Dispose() { if (Interlocked.Exchange(ref _left, 1) == 0) semaphore.Release(); }
    }
}
