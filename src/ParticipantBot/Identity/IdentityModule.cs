using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.Options;

namespace ParticipantBot.Identity;

public static class IdentityModule
{
    public const string OrganiserScheme = "Organiser";
    public const string OrganiserPolicy = "Organiser";

    /// <summary>
    /// Organisers authenticate with Entra ID bearer tokens. In Development, a request from
    /// loopback without a bearer token acts as the development identity.
    /// </summary>
    public static WebApplicationBuilder AddOrganiserIdentity(this WebApplicationBuilder builder)
    {
        var environment = builder.Environment;
        builder.Services.AddOptions<AuthOptions>().BindConfiguration(AuthOptions.Section)
            .Validate(o => environment.IsDevelopment() || o.IsConfigured,
                "Auth:TenantId and Auth:ClientId are required outside Development: organisers sign in with Entra ID.")
            .ValidateOnStart();

        builder.Services.AddAuthentication(OrganiserScheme)
            .AddPolicyScheme(OrganiserScheme, "Entra ID, or the development identity on loopback", o =>
                o.ForwardDefaultSelector = context =>
                    environment.IsDevelopment()
                    && DevelopmentAuthenticationHandler.IsLoopback(context)
                    && !context.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
                        ? DevelopmentAuthenticationHandler.SchemeName
                        : JwtBearerDefaults.AuthenticationScheme)
            .AddJwtBearer()
            .AddScheme<AuthenticationSchemeOptions, DevelopmentAuthenticationHandler>(DevelopmentAuthenticationHandler.SchemeName, null);

        builder.Services.AddOptions<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme)
            .Configure<IOptions<AuthOptions>>((jwt, auth) => ConfigureEntra(jwt, auth.Value));

        builder.Services.AddAuthorizationBuilder()
            .AddPolicy(OrganiserPolicy, p => p.AddAuthenticationSchemes(OrganiserScheme).RequireClaim(OrganiserClaims.ObjectId)
                .RequireAssertion(context => context.User.IsForThisApi()));
        return builder;
    }

    private static void ConfigureEntra(JwtBearerOptions jwt, AuthOptions auth)
    {
        // Keep Entra's short claim names ("oid", "tid"): the code reads them as issued.
        jwt.MapInboundClaims = false;
        if (!auth.IsConfigured) return;
        jwt.Authority = $"{auth.Instance.TrimEnd('/')}/{auth.TenantId}/v2.0";
        jwt.TokenValidationParameters.ValidAudiences = new[] { auth.Audience, auth.ClientId, $"api://{auth.ClientId}" }
            .Where(a => !string.IsNullOrWhiteSpace(a)).Cast<string>().ToArray();
        jwt.TokenValidationParameters.ValidIssuers =
        [
            $"https://login.microsoftonline.com/{auth.TenantId}/v2.0",
            $"https://sts.windows.net/{auth.TenantId}/",
        ];
    }

    /// <summary>Says loudly, at start, when requests can act without a token.</summary>
    public static void WarnAboutDevelopmentIdentity(this WebApplication app)
    {
        var auth = app.Services.GetRequiredService<IOptions<AuthOptions>>().Value;
        if (app.Environment.IsDevelopment())
            app.Logger.LogWarning(
                "DEVELOPMENT IDENTITY IS ON: requests from loopback without a bearer token act as organiser {ObjectId} (or the {Header} header). It is never on outside Development.",
                auth.DevelopmentUser, DevelopmentAuthenticationHandler.UserHeader);
        if (!auth.IsConfigured)
            app.Logger.LogWarning("Entra ID is not configured (Auth:TenantId, Auth:ClientId): bearer tokens are refused.");
    }
}
