using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace ParticipantBot.Persistence;

/// <summary>
/// Migrates a SQLite database so that a process killed while migrating cannot stop every later start.
/// EF Core's migration lock on SQLite is a row of <c>__EFMigrationsLock</c>, taken even when nothing is
/// pending and removed only by the process that took it: a kill while it is held leaves the row, and
/// every later <c>Migrate</c> waits for it forever (dotnet/efcore#38958; found by the crash runner, which
/// kills the service at start-up). Here the migration runs under a lock the operating system releases
/// when its process dies (an exclusive lock on a file beside the database); whoever holds it knows that
/// any lock row left is a dead process's, and removes it.
/// </summary>
public static class SqliteMigrationLock
{
    private const string LockTable = "__EFMigrationsLock";
    private static readonly TimeSpan Pause = TimeSpan.FromMilliseconds(250);

    public static async Task MigrateAsync(DbContext db, ILogger logger, CancellationToken ct = default)
    {
        var builder = new SqliteConnectionStringBuilder(db.Database.GetConnectionString());
        var inMemory = builder.Mode == SqliteOpenMode.Memory || builder.DataSource is "" or ":memory:";
        if (inMemory)
        {
            await db.Database.MigrateAsync(ct);
            return;
        }
        var file = Path.GetFullPath(builder.DataSource);
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        await using var held = await HoldAsync(file + ".migrating", ct);
        var removed = await RemoveLeftLockAsync(db, ct);
        if (removed > 0)
            logger.LogWarning("A migration lock left by a process that stopped while migrating was removed ({File}).", file);
        await db.Database.MigrateAsync(ct);
    }

    /// <summary>An exclusive lock on the file (flock on Linux), waited for while another process migrates.</summary>
    private static async Task<FileStream> HoldAsync(string lockFile, CancellationToken ct)
    {
        while (true)
        {
            try
            {
                return new FileStream(lockFile, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException)
            {
                await Task.Delay(Pause, ct);
            }
        }
    }

    private static async Task<int> RemoveLeftLockAsync(DbContext db, CancellationToken ct)
    {
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            await using var exists = connection.CreateCommand();
            exists.CommandText = $"SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = '{LockTable}'";
            if (Convert.ToInt64(await exists.ExecuteScalarAsync(ct), System.Globalization.CultureInfo.InvariantCulture) == 0) return 0;
            await using var delete = connection.CreateCommand();
            delete.CommandText = $"DELETE FROM \"{LockTable}\"";
            return await delete.ExecuteNonQueryAsync(ct);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }
}
