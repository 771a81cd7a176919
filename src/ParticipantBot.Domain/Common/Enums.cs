namespace ParticipantBot.Domain.Common;

public enum Language { Fr, Ar, En }

public enum Sex { Female, Male, NotStated }

/// <summary>How a participant prefers to be reached.</summary>
public enum PreferredChannel { Teams, Email, Both }

/// <summary>Where an RSVP change came from.</summary>
public enum AnswerChannel { Teams, Email, Web, Outlook, Organiser, Phone, InPerson }

public static class LanguageCodes
{
    /// <summary>Every language's code, in the service's order (French first).</summary>
    public static readonly IReadOnlyList<string> All = ["fr", "ar", "en"];

    public static string Code(this Language language) => language switch
    {
        Language.Fr => "fr",
        Language.Ar => "ar",
        _ => "en",
    };

    public static bool TryParse(string? value, out Language language)
    {
        switch (value?.Trim().ToLowerInvariant())
        {
            case "fr" or "fra" or "fre" or "french" or "français" or "francais" or "فرنسية":
                language = Language.Fr; return true;
            case "ar" or "ara" or "arabic" or "arabe" or "العربية" or "عربية":
                language = Language.Ar; return true;
            case "en" or "eng" or "english" or "anglais" or "الإنجليزية":
                language = Language.En; return true;
            default:
                language = Language.Fr; return false;
        }
    }
}
