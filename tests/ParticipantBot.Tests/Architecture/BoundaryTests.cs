using NetArchTest.Rules;

namespace ParticipantBot.Tests.Architecture;

/// <summary>
/// What each module may touch, as ADR 12 says: an SDK only in the module that adapts it; a table only through the
/// module that owns it (or the read model); the domain plain C#.
/// </summary>
public sealed class BoundaryTests
{
    private static readonly string[] Everyone = [.. ModuleGraph.Modules];

    [Theory]
    [InlineData("Microsoft.Bot", "Teams")]
    [InlineData("Microsoft.Graph", "Outlook")]
    [InlineData("Microsoft.Kiota", "Outlook")]
    [InlineData("Hangfire", "Scheduling")]
    public void AnSdk_IsUsedOnlyByTheModuleThatAdaptsIt(string sdk, string adapter)
    {
        var offenders = Everyone.Where(m => m != adapter).SelectMany(m => ModuleGraph.TypesDependingOn(m, sdk)).ToList();
        Assert.True(offenders.Count == 0, $"{sdk} is used outside {adapter}: {string.Join(", ", offenders)}");
        Assert.NotEmpty(ModuleGraph.TypesDependingOn(adapter, sdk));
    }

    /// <summary>Entity Framework is the data modules' tool; the kernel, the pages, the jobs and telemetry go through the modules.</summary>
    [Theory]
    [InlineData("Application")]
    [InlineData("Api")]
    [InlineData("Configuration")]
    [InlineData("Resources")]
    [InlineData("Pages")]
    [InlineData("Rsvp")]
    [InlineData("Scheduling")]
    [InlineData("Telemetry")]
    public void EntityFramework_IsNotUsedBy(string module) =>
        Assert.Empty(ModuleGraph.TypesDependingOn(module, "Microsoft.EntityFrameworkCore"));

    [Fact]
    public void TheDomain_DependsOnNoFrameworkNorOnTheService()
    {
        var domain = Types.InAssembly(typeof(Domain.Campaigns.Campaign).Assembly);
        foreach (var forbidden in new[] { "Microsoft.EntityFrameworkCore", "Microsoft.Bot", "Microsoft.Graph", "Hangfire", "Microsoft.AspNetCore", "ParticipantBot.Persistence" })
        {
            var result = domain.ShouldNot().HaveDependencyOn(forbidden).GetResult();
            Assert.True(result.IsSuccessful, $"The domain uses {forbidden}: {string.Join(", ", result.FailingTypeNames ?? [])}");
        }
    }

    /// <summary>A module's tables are reached through the module (its *Tables accessors); only the read model and the demo's seeding read them all.</summary>
    [Fact]
    public void EachTable_IsReachedOnlyByItsModule_OrTheReadModel()
    {
        var tables = ModuleGraph.Service.GetTypes().Where(t => t.Name.EndsWith("Tables", StringComparison.Ordinal) && t.IsAbstract && t.IsSealed).ToList();
        Assert.True(tables.Count >= 9, $"expected a *Tables class per module that owns tables, found {tables.Count}");
        var offences = new List<string>();
        foreach (var table in tables)
        {
            var owner = table.Namespace!.Split('.')[1];
            var users = Types.InAssembly(ModuleGraph.Service).That().HaveDependencyOn(table.FullName).GetTypes()
                .Select(t => t.FullName ?? t.Name).Where(n => n != table.FullName && !n.StartsWith(table.FullName + "+", StringComparison.Ordinal));
            offences.AddRange(users.Where(u => u.Split('.')[1] is var module && module != owner && module is not ("Dashboard" or "Reporting" or "Demo"))
                .Select(u => $"{u} reads {table.Name}"));
        }
        Assert.True(offences.Count == 0, string.Join(Environment.NewLine, offences));
    }
}
