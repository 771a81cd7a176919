using System.Net;
using System.Net.Http.Headers;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.DependencyInjection;
using ParticipantBot.Tests.Support;

namespace ParticipantBot.Tests.Identity;

/// <summary>The service as in production: Entra ID tokens only, validated against the tests' own issuer.</summary>
public sealed class ProductionServiceFactory : ServiceFactory
{
    public ProductionServiceFactory()
    {
        EnvironmentName = "Production";
        foreach (var (key, value) in ProductionSettings.For(Folder)) Settings[key] = value;
        TestServices = services => services.PostConfigure<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme, o =>
        {
            // Same validation rules as production, but keys and issuer of the tests: nothing is fetched.
            o.Authority = null;
            o.MetadataAddress = null!;
            o.Configuration = new Microsoft.IdentityModel.Protocols.OpenIdConnect.OpenIdConnectConfiguration();
            o.TokenValidationParameters.ValidIssuers = [TestTokens.Issuer];
            o.TokenValidationParameters.ValidAudiences = [TestTokens.Audience];
            o.TokenValidationParameters.IssuerSigningKey = TestTokens.Key;
        });
    }
}

public sealed class OrganiserAuthenticationTests(ProductionServiceFactory service) : IClassFixture<ProductionServiceFactory>
{
    private async Task<HttpStatusCode> CallWith(string? token, Action<HttpRequestMessage>? more = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "/api/campaigns");
        if (token is not null) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        more?.Invoke(request);
        return (await service.CreateClient().SendAsync(request)).StatusCode;
    }

    [Fact]
    public async Task ValidToken_IsAccepted() => Assert.Equal(HttpStatusCode.OK, await CallWith(TestTokens.Create()));

    [Fact]
    public async Task ExpiredToken_IsRefused() =>
        Assert.Equal(HttpStatusCode.Unauthorized, await CallWith(TestTokens.Create(expires: DateTime.UtcNow.AddMinutes(-10))));

    [Fact]
    public async Task TokenForAnotherAudience_IsRefused() =>
        Assert.Equal(HttpStatusCode.Unauthorized, await CallWith(TestTokens.Create(audience: "api://another-app")));

    [Fact]
    public async Task TokenFromAnotherIssuer_IsRefused() =>
        Assert.Equal(HttpStatusCode.Unauthorized, await CallWith(TestTokens.Create(issuer: "https://evil.example/v2.0")));

    [Fact]
    public async Task TokenSignedWithAnotherKey_IsRefused() =>
        Assert.Equal(HttpStatusCode.Unauthorized, await CallWith(TestTokens.Create(otherKey: true)));

    [Fact]
    public async Task UnsignedToken_IsRefused() => Assert.Equal(HttpStatusCode.Unauthorized, await CallWith(TestTokens.Unsigned()));

    [Fact]
    public async Task TamperedToken_IsRefused() => Assert.Equal(HttpStatusCode.Unauthorized, await CallWith(TestTokens.Tampered()));

    [Fact]
    public async Task TokenWithoutTheApisScope_IsForbidden() =>
        Assert.Equal(HttpStatusCode.Forbidden, await CallWith(TestTokens.Create(scope: "User.Read openid")));

    [Fact]
    public async Task TokenWithTheScopeAmongOthers_IsAccepted() =>
        Assert.Equal(HttpStatusCode.OK, await CallWith(TestTokens.Create(scope: "openid access_as_user profile")));

    [Fact]
    public async Task AppTokenWithTheAutomationRole_IsAccepted() =>
        Assert.Equal(HttpStatusCode.OK, await CallWith(TestTokens.Create("script-service-principal", scope: null, role: "Organiser.Automation")));

    [Fact]
    public async Task AppTokenWithAnotherRole_IsForbidden() =>
        Assert.Equal(HttpStatusCode.Forbidden, await CallWith(TestTokens.Create("script-service-principal", scope: null, role: "Something.Else")));

    [Fact]
    public async Task TokenWithoutObjectId_IsForbidden() => Assert.Equal(HttpStatusCode.Forbidden, await CallWith(TestTokens.Create(objectId: null)));

    [Fact]
    public async Task NoToken_IsRefused_EvenFromLoopbackWithTheDevelopmentHeader() =>
        Assert.Equal(HttpStatusCode.Unauthorized, await CallWith(null, r => r.Headers.Add("X-Dev-User", "00000000-0000-0000-0000-0000000000020")));

    [Fact]
    public async Task CampaignCreatedWithAToken_BelongsToThatOrganiser()
    {
        var client = service.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", TestTokens.Create("organiser-entra-7"));
        var created = await client.PostJsonAsync("/api/campaigns", new { name = "Oriental" }, HttpStatusCode.Created);
        Assert.Equal(["organiser-entra-7"], created["organisers"]!.AsArray().Select(o => o!.GetValue<string>()));
    }
}

/// <summary>The development identity: Development and loopback only.</summary>
public sealed class DevelopmentIdentityTests(ServiceFactory service) : IClassFixture<ServiceFactory>
{
    [Fact]
    public async Task Loopback_WithoutToken_ActsAsTheDemoOrganiser()
    {
        var created = await service.CreateClient().PostJsonAsync("/api/campaigns", new { name = "x" }, HttpStatusCode.Created);
        Assert.Equal("00000000-0000-0000-0000-0000000000020", created["organisers"]![0]!.GetValue<string>());
    }

    [Fact]
    public async Task DevUserHeader_ActsAsSomeoneElse()
    {
        var created = await service.ClientAs("megan").PostJsonAsync("/api/campaigns", new { name = "x" }, HttpStatusCode.Created);
        Assert.Equal("megan", created["organisers"]![0]!.GetValue<string>());
    }

    [Fact]
    public async Task RequestFromAnotherMachine_GetsNoDevelopmentIdentity()
    {
        var client = service.CreateClient();
        client.DefaultRequestHeaders.Add(ServiceFactory.RemoteIpHeader, "192.0.2.10");
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/campaigns")).StatusCode);
    }
}
