using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace ParticipantBot.Teams.Cards;

/// <summary>
/// Fills an Adaptive Card template written in the official templating language, for the subset
/// the cards use: "${name}" and "${$root.name}" in strings (a whole-string expression keeps the
/// value's JSON type), "$data" to repeat an element per item of an array, and "$when" with a
/// boolean, optionally negated ("${!name}"). Tests check that the official JS library
/// (adaptivecards-templating) expands every template to the same card.
/// </summary>
public static partial class CardTemplate
{
    private static readonly ConcurrentDictionary<string, string> Sources = new();

    /// <summary>The template's JSON, from the assembly's embedded resources (Teams/Cards/NAME.json).</summary>
    public static string Source(string name) => Sources.GetOrAdd(name, n =>
    {
        var resource = $"ParticipantBot.Teams.Cards.{n}.json";
        using var stream = typeof(CardTemplate).Assembly.GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"No card template {resource}.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    });

    public static IReadOnlyList<string> Names { get; } =
        typeof(CardTemplate).Assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith("ParticipantBot.Teams.Cards.", StringComparison.Ordinal) && n.EndsWith(".json", StringComparison.Ordinal))
            .Select(n => n["ParticipantBot.Teams.Cards.".Length..^".json".Length]).Order().ToList();

    private static readonly ConcurrentDictionary<string, JsonNode> Parsed = new();

    public static JsonObject Fill(string name, JsonObject data)
    {
        // Parsed once; filling only reads it, so every send shares it.
        var template = Parsed.GetOrAdd(name, n => Materialise(JsonNode.Parse(Source(n))!));
        return (JsonObject)Expand(template, data, data)!;
    }

    /// <summary>Builds every node of a parsed tree now (JsonNode builds them lazily), so that concurrent readers never race.</summary>
    private static JsonNode Materialise(JsonNode node)
    {
        switch (node)
        {
            case JsonObject o: foreach (var (_, child) in o) if (child is not null) Materialise(child); break;
            case JsonArray a: foreach (var child in a) if (child is not null) Materialise(child); break;
        }
        return node;
    }

    private static JsonNode? Expand(JsonNode? node, JsonObject scope, JsonObject root)
    {
        switch (node)
        {
            case JsonObject obj:
            {
                var result = new JsonObject();
                foreach (var (key, value) in obj)
                {
                    if (key is "$when" or "$data") continue;
                    result[key] = Expand(value, scope, root);
                }
                return result;
            }
            case JsonArray array:
            {
                var result = new JsonArray();
                foreach (var item in array)
                {
                    if (item is JsonObject element && element.TryGetPropertyValue("$data", out var dataExpression))
                    {
                        var items = Evaluate(dataExpression!.GetValue<string>(), scope, root) as JsonArray ?? [];
                        foreach (var each in items)
                        {
                            var itemScope = each as JsonObject ?? [];
                            if (Included(element, itemScope, root)) result.Add(Expand(element, itemScope, root));
                        }
                        continue;
                    }
                    if (item is JsonObject conditional && !Included(conditional, scope, root)) continue;
                    result.Add(Expand(item, scope, root));
                }
                return result;
            }
            case JsonValue value when value.TryGetValue<string>(out var text):
                return Interpolate(text, scope, root);
            default:
                return node?.DeepClone();
        }
    }

    private static bool Included(JsonObject element, JsonObject scope, JsonObject root)
    {
        if (!element.TryGetPropertyValue("$when", out var when) || when is null) return true;
        var value = Evaluate(when.GetValue<string>(), scope, root);
        return value is JsonValue v && v.TryGetValue<bool>(out var b) ? b : value is JsonValue s && s.TryGetValue<string>(out var str) && str.Length > 0;
    }

    private static JsonNode? Interpolate(string text, JsonObject scope, JsonObject root)
    {
        var whole = Expression().Match(text);
        if (whole.Success && whole.Length == text.Length) return Evaluate(text, scope, root);
        return JsonValue.Create(Expression().Replace(text, m => Evaluate(m.Value, scope, root) switch
        {
            JsonValue v when v.TryGetValue<string>(out var s) => s,
            null => "",
            var other => other.ToJsonString(),
        }));
    }

    private static JsonNode? Evaluate(string expression, JsonObject scope, JsonObject root)
    {
        var match = Expression().Match(expression);
        if (!match.Success) return JsonValue.Create(expression);
        var negate = match.Groups["not"].Success;
        var path = match.Groups["path"].Value;
        var source = path.StartsWith("$root.", StringComparison.Ordinal) ? root : scope;
        if (source == root && path.StartsWith("$root.", StringComparison.Ordinal)) path = path["$root.".Length..];
        JsonNode? current = source;
        foreach (var part in path.Split('.')) current = current is JsonObject o && o.TryGetPropertyValue(part, out var next) ? next : null;
        if (!negate) return current?.DeepClone();
        var truthy = current is JsonValue v && (v.TryGetValue<bool>(out var b) ? b : v.TryGetValue<string>(out var s) && s.Length > 0);
        return JsonValue.Create(!truthy);
    }

    [GeneratedRegex(@"\$\{(?<not>!)?(?<path>\$?[A-Za-z_][A-Za-z0-9_.$]*)\}")]
    private static partial Regex Expression();
}
