using Microsoft.EntityFrameworkCore;

namespace ParticipantBot.Persistence;

/// <summary>What a database failure means, the same way on SQLite and PostgreSQL.</summary>
public static class DatabaseErrors
{
    /// <summary>A row with the same unique key was written by someone else first (SQLite SQLITE_CONSTRAINT_UNIQUE / PRIMARYKEY, PostgreSQL 23505).</summary>
    public static bool IsUniqueViolation(DbUpdateException e) => e.InnerException switch
    {
        Microsoft.Data.Sqlite.SqliteException sqlite => sqlite.SqliteExtendedErrorCode is 2067 or 1555,
        Npgsql.PostgresException postgres => postgres.SqlState == Npgsql.PostgresErrorCodes.UniqueViolation,
        _ => false,
    };
}
