using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;
using OpenTelemetry;
using OpenTelemetry.Logs;

namespace ParticipantBot.Telemetry;

/// <summary>
/// What leaves the service in telemetry holds no personal data: no name, email address or phone number.
/// Request paths are reduced to their route (ids kept, tokens and other values replaced by the route's
/// parameter name), query values are dropped, outgoing URLs lose any path segment that could name
/// someone (an address, a long opaque id such as a Teams conversation), client addresses and user
/// agents are removed, and email addresses are masked in every remaining attribute and log.
/// </summary>
public static partial class TelemetryRedaction
{
    public const string Redacted = "{redacted}";

    /// <summary>Attributes that name the person at the other end of a request: never exported.</summary>
    private static readonly string[] Dropped =
        ["client.address", "client.port", "network.peer.address", "network.peer.port", "user_agent.original", "http.user_agent", "enduser.id"];

    [GeneratedRegex(@"[A-Za-z0-9._%+\-]+(@|%40)[A-Za-z0-9\-]+(\.[A-Za-z0-9\-]+)+", RegexOptions.CultureInvariant)]
    private static partial Regex Email();

    [GeneratedRegex(@"^[0-9a-fA-F]{8}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{12}$", RegexOptions.CultureInvariant)]
    private static partial Regex Guid();

    [GeneratedRegex(@"\d", RegexOptions.CultureInvariant)]
    private static partial Regex Digit();

    public static string MaskEmails(string value) => value.Contains('@') || value.Contains("%40") ? Email().Replace(value, Redacted) : value;

    /// <summary>A request path reduced to its route: literal segments and ids kept, every other value named by its parameter.</summary>
    public static string PathFromRoute(string path, string? route)
    {
        if (string.IsNullOrEmpty(route)) return "/" + Redacted;
        var template = route.Trim('/').Split('/');
        var actual = path.Trim('/').Split('/');
        var parts = new string[template.Length];
        for (var i = 0; i < template.Length; i++)
        {
            var t = template[i];
            if (!t.StartsWith('{')) { parts[i] = t; continue; }
            var value = i < actual.Length && template.Length == actual.Length ? actual[i] : null;
            parts[i] = value is not null && Guid().IsMatch(value) ? value : "{" + t.Trim('{', '}', '*', '?').Split(':', '=')[0] + "}";
        }
        return "/" + string.Join('/', parts);
    }

    /// <summary>An outgoing URL without query values and without any path segment that could name someone.</summary>
    public static string Url(string url)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri)) return Redacted;
        var path = string.Join('/', uri.AbsolutePath.Split('/').Select(Segment));
        var builder = new StringBuilder().Append(uri.Scheme).Append("://").Append(uri.Authority).Append(path);
        if (uri.Query.Length > 1) builder.Append('?').Append(Query(uri.Query));
        return builder.ToString();
    }

    /// <summary>Query keys kept, values dropped (a search may be someone's name).</summary>
    public static string Query(string query) =>
        string.Join('&', query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Select(p => p.Split('=')[0] + "=" + Redacted));

    private static string Segment(string segment)
    {
        if (segment.Length == 0 || Guid().IsMatch(segment)) return segment;
        if (segment.Contains('@') || segment.Contains("%40") || segment.Length > 40 || Digit().Count(segment) >= 7) return Redacted;
        return segment;
    }

    /// <summary>Applies the rules to a finished span, before any exporter sees it.</summary>
    public static void Clean(Activity activity)
    {
        foreach (var key in Dropped)
            if (activity.GetTagItem(key) is not null) activity.SetTag(key, null);
        var route = activity.GetTagItem("http.route") as string;
        foreach (var (key, value) in activity.TagObjects.ToList())
        {
            if (value is not string text) continue;
            var cleaned = key switch
            {
                "url.path" or "http.target" when activity.Kind == ActivityKind.Server => PathFromRoute(text.Split('?')[0], route),
                "url.query" => Query(text),
                "url.full" or "http.url" or "url.original" => Url(text),
                _ => MaskEmails(text),
            };
            if (!ReferenceEquals(cleaned, text) && cleaned != text) activity.SetTag(key, cleaned);
        }
        if (activity.DisplayName.Contains('@')) activity.DisplayName = MaskEmails(activity.DisplayName);
    }

    public sealed class SpanProcessor : BaseProcessor<Activity>
    {
        public override void OnEnd(Activity data) => Clean(data);
    }

    /// <summary>Logs already name people by id only (LogPrivacyTests): any address in them is masked all the same.</summary>
    public sealed class LogProcessor : BaseProcessor<LogRecord>
    {
        public override void OnEnd(LogRecord data)
        {
            if (data.Attributes is { Count: > 0 } attributes && attributes.Any(a => a.Value is string s && (s.Contains('@') || s.Contains("%40"))))
                data.Attributes = attributes.Select(a => a.Value is string s ? new KeyValuePair<string, object?>(a.Key, MaskEmails(s)) : a).ToList();
            if (data.FormattedMessage is { } message) data.FormattedMessage = MaskEmails(message);
            if (data.Body is { } body) data.Body = MaskEmails(body);
        }
    }
}
