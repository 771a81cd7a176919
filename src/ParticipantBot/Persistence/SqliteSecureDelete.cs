using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace ParticipantBot.Persistence;

/// <summary>
/// Turns SQLite's secure_delete on for every connection: deleted content is overwritten with zeros
/// instead of staying in free pages, so that an erased person's name or address is not left in the file.
/// </summary>
public sealed class SqliteSecureDelete : DbConnectionInterceptor
{
    public static readonly SqliteSecureDelete Instance = new();

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => Enable(connection);

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA secure_delete = ON;";
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static void Enable(DbConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA secure_delete = ON;";
        command.ExecuteNonQuery();
    }
}
