using ParticipantBot.Domain.Common;

namespace ParticipantBot.Teams;

public enum TeamsCommandKind { Help, MyInvitations, Language, Stop, Unknown }

public sealed record TeamsCommand(TeamsCommandKind Kind, Language? Language = null);

/// <summary>The text commands participants type, in English, French and Arabic.</summary>
public static class TeamsCommands
{
    private static readonly Dictionary<string, TeamsCommandKind> Words = new()
    {
        ["help"] = TeamsCommandKind.Help, ["aide"] = TeamsCommandKind.Help, ["مساعدة"] = TeamsCommandKind.Help, ["?"] = TeamsCommandKind.Help,
        ["my invitations"] = TeamsCommandKind.MyInvitations, ["invitations"] = TeamsCommandKind.MyInvitations,
        ["mes invitations"] = TeamsCommandKind.MyInvitations, ["دعواتي"] = TeamsCommandKind.MyInvitations,
        ["stop"] = TeamsCommandKind.Stop, ["arret"] = TeamsCommandKind.Stop, ["arrête"] = TeamsCommandKind.Stop, ["arrete"] = TeamsCommandKind.Stop,
        ["توقف"] = TeamsCommandKind.Stop, ["قف"] = TeamsCommandKind.Stop,
    };

    private static readonly string[] LanguageWords = ["language", "langue", "lang", "لغة", "اللغة"];

    public static TeamsCommand Parse(string? text)
    {
        var key = Text.Key(text).Trim('.', '!', ' ');
        if (Words.TryGetValue(key, out var kind)) return new TeamsCommand(kind);
        var parts = key.Split(' ', 2, StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length == 2 && LanguageWords.Contains(Text.Key(parts[0])) && LanguageCodes.TryParse(parts[1], out var language))
            return new TeamsCommand(TeamsCommandKind.Language, language);
        return new TeamsCommand(TeamsCommandKind.Unknown);
    }
}
