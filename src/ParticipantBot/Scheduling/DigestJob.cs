using Hangfire;
using ParticipantBot.Teams;

namespace ParticipantBot.Scheduling;

/// <summary>Daily, in the default zone: the organisers' digest in Teams (<see cref="OrganiserDigest"/>). No arguments, no personal data.</summary>
public sealed class DigestJob(OrganiserDigest digest)
{
    public const string RecurringId = "organiser-digest";

    [AutomaticRetry(Attempts = 3)]
    [JobDisplayName("Send the organisers' daily digest")]
    public Task RunAsync(CancellationToken ct) => digest.RunAsync(ct);
}
