using Hangfire;
using Hangfire.Common;
using Hangfire.Storage;

namespace ParticipantBot.Scheduling;

/// <summary>
/// Registers recurring jobs at start-up without letting a lock left by a killed process stop the start:
/// Hangfire takes a storage lock to change a recurring job, and a process killed while it held one (the
/// scheduler takes them every few seconds) leaves it until it expires. The service then starts anyway and
/// the registration is tried again in the background until the lock is free (the job already exists in the
/// storage: what waits is only an update of its schedule).
/// </summary>
public sealed class PatientRecurringJobs(IRecurringJobManager inner, ILogger logger, CancellationToken stopping) : IRecurringJobManager
{
    private static readonly TimeSpan Pause = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan GiveUpAfter = TimeSpan.FromMinutes(10);

    public void AddOrUpdate(string recurringJobId, Job job, string cronExpression, RecurringJobOptions options) =>
        Patiently(recurringJobId, () => inner.AddOrUpdate(recurringJobId, job, cronExpression, options));

    public void Trigger(string recurringJobId) => inner.Trigger(recurringJobId);

    public void RemoveIfExists(string recurringJobId) => Patiently(recurringJobId, () => inner.RemoveIfExists(recurringJobId));

    private void Patiently(string recurringJobId, Action change)
    {
        try
        {
            change();
        }
        catch (DistributedLockTimeoutException)
        {
            logger.LogWarning("The recurring job {JobId} is locked by a process that stopped; it is changed as soon as the lock expires.", recurringJobId);
            _ = Task.Run(async () =>
            {
                var deadline = DateTime.UtcNow + GiveUpAfter;
                while (!stopping.IsCancellationRequested && DateTime.UtcNow < deadline)
                {
                    try
                    {
                        await Task.Delay(Pause, stopping);
                        change();
                        logger.LogInformation("The recurring job {JobId} is registered.", recurringJobId);
                        return;
                    }
                    catch (DistributedLockTimeoutException) { }
                    catch (OperationCanceledException) { return; }
                }
            }, CancellationToken.None);
        }
    }
}
