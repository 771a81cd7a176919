using ParticipantBot.Tests.Support;

namespace ParticipantBot.Tests.Outlook;

/// <summary>A half-configured Graph stops the service at start with a message that names the settings.</summary>
public sealed class GraphSettingsTests
{
    [Theory]
    [InlineData("Graph:TenantId", "t", "Graph needs TenantId, ClientId and Mailbox together")]
    [InlineData("Graph:Mailbox", "m@agency.example", "Graph needs TenantId, ClientId and Mailbox together")]
    public void PartialGraphSettings_StopTheStart_NamingWhatIsMissing(string key, string value, string message)
    {
        using var service = new ServiceFactory();
        service.Settings[key] = value;
        var error = Assert.ThrowsAny<Exception>(() => service.CreateClient());
        Assert.Contains(message, error.ToString());
    }

    [Fact]
    public void GraphWithoutACredential_StopsTheStart()
    {
        using var service = new ServiceFactory();
        service.Settings["Graph:TenantId"] = "t";
        service.Settings["Graph:ClientId"] = "c";
        service.Settings["Graph:Mailbox"] = "m@agency.example";
        var error = Assert.ThrowsAny<Exception>(() => service.CreateClient());
        Assert.Contains("Graph needs exactly one credential", error.ToString());
    }
}
