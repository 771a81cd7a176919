using Npgsql;

namespace ParticipantBot.Tests.Support;

/// <summary>
/// The throwaway PostgreSQL 15 that test.sh starts and names in PARTICIPANTBOT_TEST_POSTGRES.
/// Each service under test gets a database of its own there.
/// </summary>
public static class PostgresServer
{
    public const string Variable = "PARTICIPANTBOT_TEST_POSTGRES";

    public static string BaseConnectionString =>
        Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException(
                $"{Variable} is not set: run the tests with ./test.sh, which starts a throwaway PostgreSQL and sets it.");

    public static string NewDatabase() =>
        new NpgsqlConnectionStringBuilder(BaseConnectionString) { Database = "pb_" + Guid.NewGuid().ToString("N")[..16] }.ConnectionString;
}
