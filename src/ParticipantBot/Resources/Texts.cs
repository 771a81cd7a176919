using System.Globalization;
using System.Resources;
using ParticipantBot.Domain.Common;

namespace ParticipantBot.Resources;

/// <summary>
/// Every participant-facing text, in English (Texts.resx), French (Texts.fr.resx) and Arabic
/// (Texts.ar.resx). A test fails when a key is missing in one of them.
/// </summary>
public static class Texts
{
    public static readonly ResourceManager Resources = new("ParticipantBot.Resources.Texts", typeof(Texts).Assembly);

    public static CultureInfo Culture(Language language) => language switch
    {
        Language.Fr => CultureInfo.GetCultureInfo("fr-MA"),
        Language.Ar => CultureInfo.GetCultureInfo("ar-MA"),
        _ => CultureInfo.GetCultureInfo("en-GB"),
    };

    public static string Get(string key, Language language) =>
        Resources.GetString(key, Culture(language)) ?? throw new KeyNotFoundException($"No text '{key}'.");

    public static string Format(string key, Language language, params object?[] args) =>
        string.Format(Culture(language), Get(key, language), args);

    public static bool IsRightToLeft(Language language) => language == Language.Ar;

    public static string Direction(Language language) => IsRightToLeft(language) ? "rtl" : "ltr";

    /// <summary>A date and time the way the language writes it: "mardi 8 décembre 2026 à 09:30", "الثلاثاء 8 دجنبر 2026، 09:30".</summary>
    public static string DateTime(DateTimeOffset local, Language language)
    {
        var culture = Culture(language);
        return language switch
        {
            Language.Fr => local.ToString("dddd d MMMM yyyy 'à' HH:mm", culture),
            Language.Ar => local.ToString("dddd d MMMM yyyy، HH:mm", culture),
            _ => local.ToString("dddd d MMMM yyyy, HH:mm", culture),
        };
    }
}
