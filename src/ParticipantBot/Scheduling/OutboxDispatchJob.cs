using Hangfire;
using Hangfire.Storage;
using ParticipantBot.Delivery;

namespace ParticipantBot.Scheduling;

/// <summary>
/// The Hangfire job that drains the outbox. One runs at a time across every instance (a
/// distributed lock in Hangfire's storage), so the per-channel rate limits hold for the whole
/// deployment; each message is still claimed by a conditional update, so even two dispatchers
/// never send one message twice. Its only argument is a cancellation token: no personal data.
/// </summary>
public sealed class OutboxDispatchJob(IServiceScopeFactory scopes, JobStorage storage, DispatchSignal signal, IBackgroundJobClient jobs,
    Microsoft.Extensions.Options.IOptions<SchedulingOptions> options, ILogger<OutboxDispatchJob> logger)
{
    public const string RecurringId = "outbox-dispatch";
    private const string LockName = "participantbot:outbox-dispatch";

    [AutomaticRetry(Attempts = 10, DelaysInSeconds = [5, 10, 30, 60, 120, 300])]
    [JobDisplayName("Send what the outbox has due")]
    public async Task RunAsync(CancellationToken ct)
    {
        signal.Started();
        IDisposable handle;
        try
        {
            using var connection = storage.GetConnection();
            handle = connection.AcquireDistributedLock(LockName, TimeSpan.Zero);
        }
        catch (DistributedLockTimeoutException)
        {
            return; // another dispatcher is draining the outbox; it sees what was just planned
        }
        var more = false;
        var generation = signal.Generation;
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
        // Bounded runs keep the lock short; what remains goes to the next run at once. Messages planned
        // while this run held the lock may have found it taken: they get a run too, not the next tick.
        if (more || signal.Generation != generation)
        {
            logger.LogInformation("The outbox still has due messages after a full run; another run is queued.");
            jobs.Enqueue<OutboxDispatchJob>(j => j.RunAsync(CancellationToken.None));
        }
    }
}
