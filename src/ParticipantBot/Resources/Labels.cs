using ParticipantBot.Domain.Common;

namespace ParticipantBot.Resources;

/// <summary>Words for the values organisers see: groups, sexes and states, in a language.</summary>
public static class Labels
{
    public static string Group(string group, Language language) =>
        Texts.Resources.GetString("Group." + group, Texts.Culture(language)) ?? group;

    public static string Sex(Sex sex, Language language) => Texts.Get("Dashboard.Sex." + sex, language);

    public static string Status(Domain.Invitations.RsvpStatus status, Language language) =>
        Texts.Get("Dashboard.Status." + Domain.Invitations.RsvpTransitions.Name(status), language);
}
