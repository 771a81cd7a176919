using Hangfire;

namespace ParticipantBot.Scheduling;

/// <summary>
/// The outbox's self-repair (<see cref="Invitations.InvitationRepair"/>): queued once at start-up, then every few minutes
/// (<see cref="SchedulingOptions.RepairCron"/>); not part of the 15-second dispatch. No arguments, no personal data.
/// </summary>
public sealed class OutboxRepairJob(IServiceScopeFactory scopes)
{
    public const string RecurringId = "outbox-repair";

    [AutomaticRetry(Attempts = 3)]
    [DisableConcurrentExecution(timeoutInSeconds: 60)]
    [JobDisplayName("Check the outbox against the invitations and mend what is missing")]
    public async Task RunAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<Invitations.InvitationRepair>().RunAsync(ct);
    }
}
