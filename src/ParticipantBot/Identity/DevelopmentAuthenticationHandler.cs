using System.Net;
using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace ParticipantBot.Identity;

/// <summary>
/// Development only, loopback only: acts as the demo organiser, or as the object id in the
/// X-Dev-User header, so that demos and tests can act as someone else without Entra ID.
/// </summary>
internal sealed class DevelopmentAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    IHostEnvironment environment,
    IOptions<AuthOptions> auth)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "Development";
    public const string UserHeader = "X-Dev-User";

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (!environment.IsDevelopment() || !IsLoopback(Context))
            return Task.FromResult(AuthenticateResult.NoResult());
        var objectId = Request.Headers[UserHeader].ToString();
        if (string.IsNullOrWhiteSpace(objectId)) objectId = auth.Value.DevelopmentUser;
        var identity = new ClaimsIdentity(
            [new Claim(OrganiserClaims.ObjectId, objectId.Trim()), new Claim(OrganiserClaims.Name, "development user"),
                new Claim(OrganiserClaims.Scope, OrganiserClaims.UserScope)],
            SchemeName);
        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName)));
    }

    public static bool IsLoopback(HttpContext context) =>
        context.Connection.RemoteIpAddress is { } ip && IPAddress.IsLoopback(ip);
}
