using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace ParticipantBot.Persistence;

/// <summary>
/// The database's own refusals of a caller's text, recognised here so the API maps them without knowing the
/// database: PostgreSQL's "too long" (22001) and "character not allowed" (22021, 22P05). Nothing was written.
/// </summary>
public static class DatabaseRefusals
{
    public enum Kind { None, RefusedOnWrite, RefusedInQuery }

    public static Kind Classify(Exception exception, out string? column)
    {
        column = null;
        switch (exception)
        {
            case DbUpdateException { InnerException: PostgresException { SqlState: "22001" or "22021" or "22P05" } pg }:
                column = pg.ColumnName;
                return Kind.RefusedOnWrite;
            case PostgresException { SqlState: "22021" or "22P05" }:
                return Kind.RefusedInQuery;
            default:
                return Kind.None;
        }
    }
}
