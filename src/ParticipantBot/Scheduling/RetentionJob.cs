using Hangfire;
using ParticipantBot.Privacy;

namespace ParticipantBot.Scheduling;

/// <summary>Daily: the retention sweep (<see cref="RetentionSweep"/>). No arguments, no personal data.</summary>
public sealed class RetentionJob(IServiceScopeFactory scopes)
{
    public const string RecurringId = "retention";
    public const string Cron = "30 2 * * *";

    [AutomaticRetry(Attempts = 3)]
    [JobDisplayName("Erase personal data past its retention period")]
    public async Task RunAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<RetentionSweep>().RunOnceAsync(ct);
    }
}
