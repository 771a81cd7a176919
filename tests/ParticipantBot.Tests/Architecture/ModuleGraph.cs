using System.Reflection;
using NetArchTest.Rules;

namespace ParticipantBot.Tests.Architecture;

/// <summary>The service's modules (its namespaces' first segment under ParticipantBot) and which depend on which, read from the compiled code.</summary>
public static class ModuleGraph
{
    public static readonly Assembly Service = typeof(Program).Assembly;

    /// <summary>Every module: the first namespace segment under ParticipantBot (ParticipantBot.Teams.Cards belongs to Teams).</summary>
    public static IReadOnlyList<string> Modules { get; } = Service.GetTypes()
        .Select(t => t.Namespace).OfType<string>().Where(n => n.StartsWith("ParticipantBot.", StringComparison.Ordinal))
        .Select(n => n.Split('.')[1]).Where(m => m != "Domain").Distinct().Order(StringComparer.Ordinal).ToList();

    /// <summary>The types of a module that depend on another module's namespace.</summary>
    public static IReadOnlyList<string> TypesOf(string module, string dependsOn) =>
        Types.InAssembly(Service).That().ResideInNamespace($"ParticipantBot.{module}")
            .And().HaveDependencyOn($"ParticipantBot.{dependsOn}").GetTypes().Select(t => t.FullName ?? t.Name)
            // ResideInNamespace matches prefixes: "ParticipantBot.Api" must not take "ParticipantBot.ApiX".
            .Where(n => n.StartsWith($"ParticipantBot.{module}.", StringComparison.Ordinal)).ToList();

    /// <summary>The types of a module that depend on an outside namespace (an SDK).</summary>
    public static IReadOnlyList<string> TypesDependingOn(string module, string dependency) =>
        Types.InAssembly(Service).That().ResideInNamespace($"ParticipantBot.{module}")
            .And().HaveDependencyOn(dependency).GetTypes().Select(t => t.FullName ?? t.Name)
            .Where(n => n.StartsWith($"ParticipantBot.{module}.", StringComparison.Ordinal)).ToList();

    public static Dictionary<string, HashSet<string>> Edges()
    {
        var edges = Modules.ToDictionary(m => m, _ => new HashSet<string>());
        foreach (var from in Modules)
            foreach (var to in Modules.Where(t => t != from))
                if (TypesOf(from, to).Count > 0) edges[from].Add(to);
        return edges;
    }

    /// <summary>The strongly connected groups of more than one module (Tarjan): each is a dependency cycle.</summary>
    public static List<List<string>> Cycles(Dictionary<string, HashSet<string>> edges)
    {
        var index = new Dictionary<string, int>();
        var low = new Dictionary<string, int>();
        var stack = new Stack<string>();
        var onStack = new HashSet<string>();
        var cycles = new List<List<string>>();
        var next = 0;
        void Visit(string v)
        {
            index[v] = low[v] = next++;
            stack.Push(v);
            onStack.Add(v);
            foreach (var w in edges[v])
            {
                if (!index.TryGetValue(w, out var seen)) { Visit(w); low[v] = Math.Min(low[v], low[w]); }
                else if (onStack.Contains(w)) low[v] = Math.Min(low[v], seen);
            }
            if (low[v] != index[v]) return;
            var group = new List<string>();
            string x;
            do { x = stack.Pop(); onStack.Remove(x); group.Add(x); } while (x != v);
            if (group.Count > 1) cycles.Add(group);
        }
        foreach (var v in edges.Keys) if (!index.ContainsKey(v)) Visit(v);
        return cycles;
    }
}
