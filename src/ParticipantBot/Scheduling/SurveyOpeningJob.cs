using Hangfire;
using ParticipantBot.Surveys;

namespace ParticipantBot.Scheduling;

/// <summary>Opens the surveys whose time has come (the session's end plus the delay), read through TimeProvider. No arguments, no personal data.</summary>
public sealed class SurveyOpeningJob(IServiceScopeFactory scopes)
{
    public const string RecurringId = "survey-opening";
    public const string Cron = "*/5 * * * *";

    [AutomaticRetry(Attempts = 3)]
    [JobDisplayName("Open the surveys that are due")]
    public async Task RunAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<SurveyService>().OpenDueAsync(ct);
    }
}
