using ParticipantBot.Domain.Common;

namespace ParticipantBot.Participants.Import;

/// <summary>Cell values in the words organisers write them, in English, French and Arabic.</summary>
internal static class GuestListValues
{
    public static bool TryParseSex(string value, out Sex sex)
    {
        switch (Text.Key(value))
        {
            case "f" or "female" or "femme" or "woman" or "féminin" or "feminin" or "أنثى" or "انثى" or "امرأة":
                sex = Sex.Female; return true;
            case "m" or "h" or "male" or "homme" or "man" or "masculin" or "ذكر" or "رجل":
                sex = Sex.Male; return true;
            case "" or "notstated" or "not stated" or "non précisé" or "non precise" or "non renseigné" or "ns" or "غير محدد":
                sex = Sex.NotStated; return true;
            default:
                sex = Sex.NotStated; return false;
        }
    }

    public static bool TryParseChannel(string value, out PreferredChannel? channel)
    {
        switch (Text.Key(value))
        {
            case "": channel = null; return true;
            case "teams": channel = PreferredChannel.Teams; return true;
            case "email" or "e-mail" or "mail" or "courriel": channel = PreferredChannel.Email; return true;
            case "both" or "les deux" or "teams+email" or "email+teams" or "tous": channel = PreferredChannel.Both; return true;
            default: channel = null; return false;
        }
    }

    public static bool TryParseYesNo(string value, out bool yes)
    {
        switch (Text.Key(value))
        {
            case "yes" or "y" or "oui" or "o" or "1" or "true" or "x" or "نعم": yes = true; return true;
            case "" or "no" or "n" or "non" or "0" or "false" or "لا": yes = false; return true;
            default: yes = false; return false;
        }
    }
}
