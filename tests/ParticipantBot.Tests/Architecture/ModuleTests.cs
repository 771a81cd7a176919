using Xunit.Abstractions;

namespace ParticipantBot.Tests.Architecture;

/// <summary>The modules' boundaries, as ADR 12 draws them, checked on the compiled code.</summary>
public sealed class ModuleTests(ITestOutputHelper output)
{
    [Fact]
    public void NoTwoModules_DependOnEachOther_EvenThroughOthers()
    {
        var edges = ModuleGraph.Edges();
        foreach (var (from, to) in edges.OrderBy(e => e.Key)) output.WriteLine($"{from} -> {string.Join(", ", to.Order())}");
        var cycles = ModuleGraph.Cycles(edges);
        Assert.True(cycles.Count == 0, "Module cycles: " + string.Join("; ", cycles.Select(c => string.Join(" -> ", c)
            .Replace(" -> ", " <-> "))) + Environment.NewLine + Explain(edges, cycles));
    }

    /// <summary>ADR 12's layers, lowest first; a module may use its own layer's modules (without cycles) and those below.</summary>
    private static readonly string[][] Layers =
    [
        ["Application", "Configuration", "Resources", "Identity", "Security", "Persistence", "Api"],
        ["Audit", "Campaigns", "Participants", "Privacy", "Delivery", "Invitations", "Surveys", "Rsvp"],
        ["Messages", "Dashboard", "Reporting"],
        ["Email", "Outlook", "Teams"],
        ["Pages", "Scheduling", "Telemetry", "Demo", "Health", "Workspace"],
    ];

    [Fact]
    public void EveryDependency_PointsDownTheLayers_AndEveryModuleHasItsLayer()
    {
        int LayerOf(string module) => Array.FindIndex(Layers, l => l.Contains(module));
        var edges = ModuleGraph.Edges();
        Assert.DoesNotContain(edges.Keys, m => LayerOf(m) < 0);
        var upwards = edges.SelectMany(e => e.Value.Where(to => LayerOf(to) > LayerOf(e.Key))
            .Select(to => $"{e.Key} -> {to}: {string.Join(", ", ModuleGraph.TypesOf(e.Key, to).Take(4))}")).ToList();
        Assert.True(upwards.Count == 0, "Dependencies pointing up: " + string.Join(Environment.NewLine, upwards));
    }

    private static string Explain(Dictionary<string, HashSet<string>> edges, List<List<string>> cycles) =>
        string.Join(Environment.NewLine, cycles.SelectMany(c => c.SelectMany(a => edges[a].Where(c.Contains)
            .Select(b => $"  {a} -> {b}: {string.Join(", ", ModuleGraph.TypesOf(a, b).Take(4))}"))));
}
