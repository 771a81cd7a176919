namespace ParticipantBot.Domain.Common;

/// <summary>
/// What a text field may hold: at most <see cref="Max"/> characters once trimmed (UTF-16 code units, so
/// never more characters than the database column holds), and, only when <see cref="MultiLine"/>,
/// line breaks and tabs.
/// </summary>
public sealed record TextRule(string Field, int Max, bool MultiLine = false);

/// <summary>
/// The limits of every way in (API, guest list import, RSVP and survey forms, Teams cards), written
/// once. The README's "Limits" section lists them; a test checks that it does.
/// </summary>
public static class Limits
{
    // Campaigns and sessions.
    public static readonly TextRule CampaignName = new("name", 200);
    public static readonly TextRule CampaignDescription = new("description", 2000, MultiLine: true);
    public static readonly TextRule SessionTitle = new("title", 200);
    public static readonly TextRule Venue = new("venue", 300);
    public static readonly TextRule Agenda = new("agenda", 4000, MultiLine: true);
    public static readonly TextRule SubGroup = new("subGroups", 100);
    public const int MaxSubGroups = 30;
    public static readonly TextRule ObjectId = new("organisers", 100);

    // Participants.
    public static readonly TextRule FullName = new("fullName", 200);
    public static readonly TextRule FullNameAlt = new("fullNameAlt", 200);
    public static readonly TextRule Email = new("email", 254);
    public static readonly TextRule Phone = new("phone", 40);
    public static readonly TextRule TeamsObjectId = new("teamsObjectId", 100);
    public static readonly TextRule TeamsUpn = new("teamsUpn", 254);
    public static readonly TextRule Organisation = new("organisation", 200);
    public static readonly TextRule Group = new("group", 64);
    public static readonly TextRule TimeZone = new("timeZone", 64);
    public static readonly TextRule Diet = new("needs.diet", 500, MultiLine: true);
    public static readonly TextRule Accessibility = new("needs.accessibility", 500, MultiLine: true);
    public static readonly TextRule Interpretation = new("needs.interpretation", 500, MultiLine: true);
    public static readonly TextRule OtherNeeds = new("needs.other", 2000, MultiLine: true);
    /// <summary>A self-reported age band's code ("25-34", "65+", "preferNotToSay"): one of the campaign's bands.</summary>
    public static readonly TextRule AgeBand = new("ageBand", 16);

    // Invitations and surveys.
    public static readonly TextRule Note = new("note", 500, MultiLine: true);
    public static readonly TextRule SurveyText = new("text", 2000, MultiLine: true);
    public static readonly TextRule QuestionText = new("text", 500);
    public static readonly TextRule OptionText = new("text", 200);
    public static readonly TextRule QuestionId = new("id", 64);

    /// <summary>Every text rule, by name, for the README and its test.</summary>
    public static IReadOnlyList<(string Name, TextRule Rule)> All { get; } =
        typeof(Limits).GetFields().Where(f => f.FieldType == typeof(TextRule)).Select(f => (f.Name, (TextRule)f.GetValue(null)!)).ToList();

    /// <summary>Dates of sessions and deadlines, as wall-clock times of their zone: from 2000-01-01 00:00 to 2099-12-31 23:59.</summary>
    public static readonly DateTime MinDate = new(2000, 1, 1, 0, 0, 0, DateTimeKind.Unspecified);
    public static readonly DateTime MaxDate = new(2099, 12, 31, 23, 59, 59, DateTimeKind.Unspecified);
}
