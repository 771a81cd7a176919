using Microsoft.Extensions.Options;
using ParticipantBot.Tests.Support;

namespace ParticipantBot.Tests.Api;

/// <summary>A wrong setting stops start-up with a message that names it.</summary>
public class StartupValidationTests
{
    private static Exception StartWith(params (string Key, string Value)[] settings) => StartIn("Development", settings);

    private static Exception StartIn(string environment, params (string Key, string Value)[] settings)
    {
        using var factory = new ServiceFactory { EnvironmentName = environment };
        foreach (var (key, value) in settings) factory.Settings[key] = value;
        return Assert.ThrowsAny<Exception>(() => factory.CreateClient());
    }

    private static string Messages(Exception e) => e is AggregateException a ? string.Join(" | ", a.Flatten().InnerExceptions.Select(i => i.Message)) : e.Message + " " + e.InnerException?.Message;

    [Fact]
    public void RelativePublicBaseUrl_StopsStartUp() =>
        Assert.Contains("App:PublicBaseUrl", Messages(StartWith(("App:PublicBaseUrl", "/rsvp"))));

    [Fact]
    public void UnknownDefaultTimeZone_StopsStartUp() =>
        Assert.Contains("Africa/Tanger", Messages(StartWith(("App:DefaultTimeZone", "Africa/Tanger"))));

    [Fact]
    public void PostgresWithoutConnectionString_StopsStartUp() =>
        Assert.Contains("ConnectionStrings:Default", Messages(StartWith(("Database:Provider", "Postgres"), ("ConnectionStrings:Default", ""))));

    [Fact]
    public void UnknownDatabaseProvider_StopsStartUp() =>
        Assert.Contains("Oracle", Messages(StartWith(("Database:Provider", "Oracle"))));

    [Fact]
    public void ProductionWithoutEntraSettings_StopsStartUp() =>
        Assert.Contains("Auth:TenantId", Messages(StartIn("Production")));
}
