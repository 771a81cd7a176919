using System.Net;
using System.Net.Http.Headers;
using ParticipantBot.Tests.Identity;
using ParticipantBot.Tests.Support;

namespace ParticipantBot.Tests.Scheduling;

public sealed class HangfireDashboardTests
{
    [Fact]
    public async Task Dashboard_IsOpenInDevelopmentOnLoopback_AndShowsTheRecurringJobs()
    {
        await using var service = new ServiceFactory();
        var response = await service.CreateClient().GetAsync("/hangfire/recurring");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("outbox-dispatch", html);
        Assert.Contains("organiser-digest", html);
        Assert.Contains("js-jobs-list-command", html); // the buttons a read-only dashboard hides
    }

    [Fact]
    public async Task Dashboard_RefusesSomeoneFromAnotherMachineInDevelopment()
    {
        await using var service = new ServiceFactory();
        var client = service.CreateClient();
        client.DefaultRequestHeaders.Add(ServiceFactory.RemoteIpHeader, "192.0.2.7");
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/hangfire")).StatusCode);
    }

    [Fact]
    public async Task InProduction_OnlyAdministratorsGetIn_ReadOnly()
    {
        await using var service = new ProductionServiceFactory();
        service.Settings["Auth:Administrators:0"] = "admin-oid";
        var client = service.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", TestTokens.Create("organiser-oid"));
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/hangfire")).StatusCode);

        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", TestTokens.Create("admin-oid"));
        var response = await client.GetAsync("/hangfire/recurring");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        // Read-only: no "trigger now" or "delete" buttons outside Development.
        Assert.DoesNotContain("js-jobs-list-command", await response.Content.ReadAsStringAsync());
    }
}
