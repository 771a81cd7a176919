using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using ParticipantBot.Tests.Support;

namespace ParticipantBot.Tests.Dashboard;

/// <summary>Everything the organiser API offers is reachable in the page: its table of routes names every organiser route of the service.</summary>
public sealed class WorkspaceRoutesTests
{
    [Fact]
    public void ThePagesRoutes_AreEveryOrganiserRouteOfTheService()
    {
        using var service = new ServiceFactory();
        service.CreateClient().Dispose();
        static string Shape(string route) => Regex.Replace("/" + route.Trim('/'), @"\{(\w+)(:[^}]*)?\}", "{}");
        var served = service.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetOrderedMetadata<IAuthorizeData>().Any(a => a.Policy == "Organiser"))
            .Select(e => Shape(e.RoutePattern.RawText!)).ToHashSet();
        var script = File.ReadAllText(RepositoryPaths.Combine("src", "ParticipantBot", "wwwroot", "dashboard", "dashboard.js"));
        var table = script[script.IndexOf("const routes = {", StringComparison.Ordinal)..];
        table = table[..table.IndexOf("};", StringComparison.Ordinal)];
        var called = Regex.Matches(table, @"'(/[^']+)'").Select(m => Shape(m.Groups[1].Value)).ToHashSet();
        Assert.True(served.Count >= 40, $"only {served.Count} organiser routes");
        Assert.Empty(served.Except(called));
        Assert.Empty(called.Except(served));
    }
}
