using ParticipantBot.Domain.Common;

namespace ParticipantBot.Teams;

public enum TeamsCommandKind { Help, MyInvitations, Language, Stop, Status, Remind, CheckIn, MyData, DeleteMyData, Unknown }

/// <param name="Argument">What follows an organiser command: a session's number or part of its title.</param>
public sealed record TeamsCommand(TeamsCommandKind Kind, Language? Language = null, string? Argument = null);

/// <summary>The text commands participants (and organisers: status, remind) type, in English, French and Arabic.</summary>
public static class TeamsCommands
{
    private static readonly Dictionary<string, TeamsCommandKind> Words = new()
    {
        ["help"] = TeamsCommandKind.Help, ["aide"] = TeamsCommandKind.Help, ["مساعدة"] = TeamsCommandKind.Help, ["?"] = TeamsCommandKind.Help,
        ["my invitations"] = TeamsCommandKind.MyInvitations, ["invitations"] = TeamsCommandKind.MyInvitations,
        ["mes invitations"] = TeamsCommandKind.MyInvitations, ["دعواتي"] = TeamsCommandKind.MyInvitations,
        ["stop"] = TeamsCommandKind.Stop, ["arret"] = TeamsCommandKind.Stop, ["arrête"] = TeamsCommandKind.Stop, ["arrete"] = TeamsCommandKind.Stop,
        ["توقف"] = TeamsCommandKind.Stop, ["قف"] = TeamsCommandKind.Stop,
        ["here"] = TeamsCommandKind.CheckIn, ["i'm here"] = TeamsCommandKind.CheckIn, ["im here"] = TeamsCommandKind.CheckIn, ["i am here"] = TeamsCommandKind.CheckIn,
        ["present"] = TeamsCommandKind.CheckIn, ["je suis la"] = TeamsCommandKind.CheckIn, ["je suis arrive"] = TeamsCommandKind.CheckIn, ["je suis arrivee"] = TeamsCommandKind.CheckIn,
        ["انا هنا"] = TeamsCommandKind.CheckIn, ["حاضر"] = TeamsCommandKind.CheckIn, ["حاضرة"] = TeamsCommandKind.CheckIn,
        ["my data"] = TeamsCommandKind.MyData, ["mes donnees"] = TeamsCommandKind.MyData, ["بياناتي"] = TeamsCommandKind.MyData,
        ["delete my data"] = TeamsCommandKind.DeleteMyData, ["erase my data"] = TeamsCommandKind.DeleteMyData,
        ["supprimer mes donnees"] = TeamsCommandKind.DeleteMyData, ["effacer mes donnees"] = TeamsCommandKind.DeleteMyData,
        ["احذف بياناتي"] = TeamsCommandKind.DeleteMyData, ["امسح بياناتي"] = TeamsCommandKind.DeleteMyData,
    };

    private static readonly string[] LanguageWords = ["language", "langue", "lang", "لغة", "اللغة"];
    private static readonly string[] StatusWords = ["status", "statut", "etat", "الحالة", "حالة"];
    private static readonly string[] RemindWords = ["remind", "relancer", "relance", "rappeler", "ذكر", "تذكير"];

    public static TeamsCommand Parse(string? text)
    {
        var key = Text.Key(text).Trim('.', '!', ' ');
        if (Words.TryGetValue(key, out var kind)) return new TeamsCommand(kind);
        var parts = key.Split(' ', 2, StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length > 0 && StatusWords.Contains(parts[0]))
            return new TeamsCommand(TeamsCommandKind.Status, Argument: parts.Length == 2 ? Argument(text, parts[1]) : null);
        if (parts.Length > 0 && RemindWords.Contains(parts[0]))
            return new TeamsCommand(parts.Length == 2 ? TeamsCommandKind.Remind : TeamsCommandKind.Status, Argument: parts.Length == 2 ? Argument(text, parts[1]) : null);
        if (parts.Length == 2 && LanguageWords.Contains(Text.Key(parts[0])) && LanguageCodes.TryParse(parts[1], out var language))
            return new TeamsCommand(TeamsCommandKind.Language, language);
        return new TeamsCommand(TeamsCommandKind.Unknown);
    }

    /// <summary>The argument as typed (accents kept, for the reply), found from its normalised form.</summary>
    private static string Argument(string? typed, string normalised)
    {
        var words = (typed ?? "").Trim().Split(' ', 2, StringSplitOptions.RemoveEmptyEntries);
        return words.Length == 2 && Text.Key(words[1]) == normalised ? words[1].Trim() : normalised;
    }
}
