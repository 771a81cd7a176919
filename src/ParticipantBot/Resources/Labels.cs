using ParticipantBot.Domain.Common;

namespace ParticipantBot.Resources;

/// <summary>Words for the values organisers see: groups, sexes and states, in a language.</summary>
public static class Labels
{
    public static string Group(string group, Language language) =>
        Texts.Resources.GetString("Group." + group, Texts.Culture(language)) ?? group;

    /// <summary>The plural of a group of people by sex ("Femmes"), for totals.</summary>
    public static string Sex(Sex sex, Language language) => Texts.Get("Dashboard.Sex." + sex, language);

    /// <summary>One person's sex ("femme"), for a line about them.</summary>
    public static string SexOfPerson(Sex sex, Language language) => Texts.Get("Value.Sex." + EnumNames.Of(sex), language);

    public static string Language(Language value, Language language) => Texts.Get("Value.Language." + value.Code(), language);

    public static string Channel(PreferredChannel channel, Language language) => Texts.Get("Value.Channel." + EnumNames.Of(channel), language);

    public static string Status(Domain.Invitations.RsvpStatus status, Language language) =>
        Texts.Get("Dashboard.Status." + Domain.Invitations.RsvpTransitions.Name(status), language);
}
