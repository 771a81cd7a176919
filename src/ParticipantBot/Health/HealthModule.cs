using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace ParticipantBot.Health;

/// <summary>
/// Health endpoints for load balancers and orchestrators:
/// <c>/healthz/live</c> the process answers (no dependency is checked: a restart would not help a database outage);
/// <c>/healthz/ready</c> the instance can serve: the database answers and the key ring (which signs links) can be used;
/// <c>/healthz</c> every check, as before. Each answers Healthy or Unhealthy, nothing more, to anyone.
/// </summary>
public static class HealthModule
{
    public const string Ready = "ready";

    public static IServiceCollection AddHealth(this IServiceCollection services)
    {
        services.AddHealthChecks().AddCheck<KeyRingHealthCheck>("key-ring", tags: [Ready]);
        return services;
    }

    public static void MapHealth(this WebApplication app)
    {
        app.MapHealthChecks("/healthz");
        app.MapHealthChecks("/healthz/live", new HealthCheckOptions { Predicate = _ => false });
        app.MapHealthChecks("/healthz/ready", new HealthCheckOptions { Predicate = r => r.Tags.Contains(Ready) });
    }
}

/// <summary>The Data Protection key ring can protect and read back: its certificate and its keys in the database work.</summary>
internal sealed class KeyRingHealthCheck(IDataProtectionProvider provider) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            var protector = provider.CreateProtector("ParticipantBot.Health");
            return Task.FromResult(protector.Unprotect(protector.Protect("ready")) == "ready"
                ? HealthCheckResult.Healthy("The key ring works.")
                : HealthCheckResult.Unhealthy("The key ring does not read back what it protected."));
        }
        catch (System.Security.Cryptography.CryptographicException e)
        {
            return Task.FromResult(HealthCheckResult.Unhealthy("The key ring cannot be used: " + e.GetType().Name));
        }
    }
}
