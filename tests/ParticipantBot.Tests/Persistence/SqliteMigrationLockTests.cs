using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using ParticipantBot.Persistence;

namespace ParticipantBot.Tests.Persistence;

/// <summary>A process killed while it held EF Core's SQLite migration lock must not stop every later start.</summary>
public sealed class SqliteMigrationLockTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("participantbot-migration-lock-").FullName;

    private SqliteAppDbContext Open() => new(new DbContextOptionsBuilder<SqliteAppDbContext>()
        .UseSqlite($"Data Source={Path.Combine(_folder, "participantbot.db")}").Options);

    [Fact]
    public async Task LockRowLeftByAKilledProcess_IsRemoved_AndTheStartMigrates()
    {
        await using (var first = Open()) await SqliteMigrationLock.MigrateAsync(first, NullLogger.Instance);
        // What a kill -9 between EF Core's INSERT of its lock row and its DELETE leaves.
        await using (var killed = Open())
            await killed.Database.ExecuteSqlRawAsync("""INSERT INTO "__EFMigrationsLock" ("Id", "Timestamp") VALUES (1, '2026-11-29 17:00:00')""");

        // A safety net only: without the fix this start waits for the row forever.
        using var stop = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await using (var next = Open()) await SqliteMigrationLock.MigrateAsync(next, NullLogger.Instance, stop.Token);

        await using var check = Open();
        Assert.Empty(await check.Database.SqlQueryRaw<int>("""SELECT "Id" AS "Value" FROM "__EFMigrationsLock" """).ToListAsync());
        Assert.Empty(await check.Database.GetPendingMigrationsAsync());
    }

    [Fact]
    public async Task NewDatabase_InAFolderNotYetMade_IsCreatedAndMigrated()
    {
        var file = Path.Combine(_folder, "data", "participantbot.db");
        await using var db = new SqliteAppDbContext(new DbContextOptionsBuilder<SqliteAppDbContext>().UseSqlite($"Data Source={file}").Options);
        await SqliteMigrationLock.MigrateAsync(db, NullLogger.Instance);
        Assert.True(File.Exists(file));
        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }
}
