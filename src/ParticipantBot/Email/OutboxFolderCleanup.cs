namespace ParticipantBot.Email;

/// <summary>
/// Removes the temporary files that a process killed while writing an email left in the outbox folder
/// (the email itself is written again: its outbox message was still "sending"). With SQLite one process
/// serves the database and its folder, so at start-up every temporary file of another process is an orphan; with PostgreSQL
/// another instance may be writing into a shared folder, so only files older than any write can be go,
/// at start-up and once more a minute later.
/// </summary>
public sealed class OutboxFolderCleanup(PickupFolderTransport folder, Persistence.DatabaseDescription database, ILogger<OutboxFolderCleanup> logger)
    : BackgroundService
{
    /// <summary>Older than any write in progress (here, or on another instance sharing the folder) can be.</summary>
    private static readonly TimeSpan Orphaned = TimeSpan.FromMinutes(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (database.Provider == Persistence.DatabaseProvider.Sqlite)
        {
            Remove(TimeSpan.Zero, onlyWriter: true);
            return;
        }
        Remove(Orphaned);
        try { await Task.Delay(Orphaned + TimeSpan.FromSeconds(5), stoppingToken); }
        catch (OperationCanceledException) { return; }
        Remove(Orphaned);
    }

    private void Remove(TimeSpan olderThan, bool onlyWriter = false)
    {
        try
        {
            var removed = folder.RemoveOrphans(olderThan, onlyWriter);
            if (removed > 0) logger.LogWarning("{Count} unfinished email file(s) left by a stopped process were removed from the outbox folder.", removed);
        }
        catch (IOException e)
        {
            logger.LogWarning("The outbox folder could not be cleaned: {Error}", e.Message);
        }
    }
}
