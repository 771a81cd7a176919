using System.Net;
using ParticipantBot.Tests.Support;

namespace ParticipantBot.Tests.Teams;

public class BotEndpointSecurityTests
{
    [Fact]
    public async Task WithAnAppId_AnUnauthenticatedRequestIsRejected()
    {
        await using var service = new ServiceFactory();
        service.Settings["Bot:MicrosoftAppId"] = "6d1f0e4c-2b7a-4c55-8f0e-9a3b1c2d4e5f";
        service.Settings["Bot:MicrosoftAppPassword"] = "test-secret-not-real";
        service.Settings["Bot:MicrosoftAppTenantId"] = "11111111-2222-3333-4444-555555555555";
        var response = await BotActivities.PostAsync(service.CreateClient(), BotActivities.Message("http://127.0.0.1:9/", "oid", "29:x", "help"));
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task WithoutAnAppId_OnlyLoopbackInDevelopmentIsLetIn()
    {
        await using var service = new ServiceFactory();
        var client = service.CreateClient();
        client.DefaultRequestHeaders.Add(ServiceFactory.RemoteIpHeader, "192.0.2.44");
        var response = await BotActivities.PostAsync(client, BotActivities.Message("http://127.0.0.1:9/", "oid", "29:x", "help"));
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public void SingleTenantBotWithoutTenant_StopsStartUp()
    {
        using var service = new ServiceFactory();
        service.Settings["Bot:MicrosoftAppId"] = "6d1f0e4c-2b7a-4c55-8f0e-9a3b1c2d4e5f";
        service.Settings["Bot:MicrosoftAppPassword"] = "x";
        var e = Assert.ThrowsAny<Exception>(() => service.CreateClient());
        Assert.Contains("Bot:MicrosoftAppTenantId", e.ToString());
    }
}
