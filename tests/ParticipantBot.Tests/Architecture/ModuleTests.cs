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
            .Replace(" -> ", " <-> ")) ) + Environment.NewLine + Explain(edges, cycles));
    }

    private static string Explain(Dictionary<string, HashSet<string>> edges, List<List<string>> cycles) =>
        string.Join(Environment.NewLine, cycles.SelectMany(c => c.SelectMany(a => edges[a].Where(c.Contains)
            .Select(b => $"  {a} -> {b}: {string.Join(", ", ModuleGraph.TypesOf(a, b).Take(4))}"))));
}
