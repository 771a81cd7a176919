using System.Collections;
using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;
using ParticipantBot.Configuration;
using ParticipantBot.Domain.Common;
using ParticipantBot.Resources;

namespace ParticipantBot.Pages;

/// <summary>
/// The dashboard's page (the Teams tab): a shell in the chosen language whose script signs in with
/// Teams SSO and reads the dashboard API. The page itself holds no data, so it needs no sign-in.
/// </summary>
public sealed class DashboardModel(IOptions<AppOptions> app) : PageModel
{
    public Language Language { get; private set; } = Language.Fr;

    public string T(string key) => Texts.Get(key, Language);

    /// <summary>The texts the page's script shows: its own, groups, values a person reads (Value.*), field names and API error codes.</summary>
    public static readonly string[] PagePrefixes = ["Dashboard.", "Group.", "Value.", "Field.", "Error."];

    /// <summary>Every text of <see cref="PagePrefixes"/> in the page's language, for the script.</summary>
    public string TextsJson()
    {
        var culture = Texts.Culture(Language);
        var keys = Texts.Resources.GetResourceSet(CultureInfo.InvariantCulture, createIfNotExists: true, tryParents: true)!
            .Cast<DictionaryEntry>().Select(e => (string)e.Key)
            .Where(k => PagePrefixes.Any(p => k.StartsWith(p, StringComparison.Ordinal)));
        return JsonSerializer.Serialize(keys.Order(StringComparer.Ordinal).ToDictionary(k => k, k => Texts.Resources.GetString(k, culture)));
    }

    public string Groups => JsonSerializer.Serialize(app.Value.StakeholderGroups);

    public void OnGet(string? lang)
    {
        Language = LanguageCodes.TryParse(lang, out var chosen) ? chosen
            : Request.GetTypedHeaders().AcceptLanguage.OrderByDescending(l => l.Quality ?? 1)
                .Select(l => LanguageCodes.TryParse(l.Value.Value?.Split('-')[0], out var a) ? (Language?)a : null)
                .FirstOrDefault(l => l is not null) ?? Language.Fr;
        // Teams (web and desktop) frames the tab; nothing else may.
        Response.Headers.ContentSecurityPolicy =
            "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; " +
            "frame-ancestors 'self' https://teams.microsoft.com https://*.teams.microsoft.com https://*.cloud.microsoft https://*.office.com https://*.microsoft365.com";
    }
}
