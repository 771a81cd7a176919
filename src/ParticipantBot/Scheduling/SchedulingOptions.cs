using System.ComponentModel.DataAnnotations;

namespace ParticipantBot.Scheduling;

/// <summary>Hangfire, the scheduler (Scheduling section).</summary>
public sealed class SchedulingOptions
{
    public const string Section = "Scheduling";

    /// <summary>Hangfire's own SQLite file when the database is SQLite (under the content root).</summary>
    [Required]
    public string SqlitePath { get; set; } = "data/hangfire.db";

    [Range(1, 64)]
    public int Workers { get; set; } = 2;

    /// <summary>
    /// How often an idle worker looks for queued jobs: also how long a new send may wait for the dispatcher
    /// (250 ms: 10,000 invitations at 50/s used 95.3% of the limit, 94.9% with 1 s).
    /// </summary>
    [Range(100, 60_000)]
    public int QueuePollMilliseconds { get; set; } = 250;

    /// <summary>Cron of the recurring dispatch that catches what became due (six fields: with seconds).</summary>
    [Required]
    public string DispatchCron { get; set; } = "*/15 * * * * *";

    /// <summary>Cron of the outbox's self-repair (five fields), which also runs once at start-up.</summary>
    [Required]
    public string RepairCron { get; set; } = "*/5 * * * *";

    /// <summary>Local time (in the default zone) of the organisers' daily digest.</summary>
    [Required]
    public string DigestCron { get; set; } = "0 18 * * *";

    /// <summary>
    /// How long a dispatcher's lock lives without renewal: after a crash, another instance takes
    /// over within this time. A run holds it for at most a third of it.
    /// </summary>
    [Range(10, 600)]
    public int LockSeconds { get; set; } = 60;

    /// <summary>Run no background server in this process (a web-only instance).</summary>
    public bool DisableServer { get; set; }
}
