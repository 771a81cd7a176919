using ParticipantBot.Domain.Campaigns;
using ParticipantBot.Domain.Common;

namespace ParticipantBot.Dashboard;

/// <summary>
/// Invitations per RSVP state. <c>Invited</c> counts everyone the invitation reached (all but notSent,
/// withdrawn and cancelled); <c>NoAnswer</c> those of them who have not answered yet.
/// </summary>
public sealed record StatusCounts(
    int Total, int NotSent, int Invited, int NoAnswer, int Accepted, int Tentative, int Declined,
    int Waitlisted, int Offered, int Attended, int NoShow, int Withdrawn, int Cancelled)
{
    /// <summary>Seats held against capacity: accepted, offered and attended.</summary>
    public int SeatsTaken => Accepted + Offered + Attended;

    /// <summary>People who said they come (or came): the base of the share of women.</summary>
    public int Coming => Accepted + Attended;
}

public sealed record SexCounts(int Female, int Male, int NotStated)
{
    /// <summary>Women among those counted, as a fraction; null when nobody is counted.</summary>
    public double? WomenShare => Female + Male + NotStated is var all and > 0 ? Math.Round((double)Female / all, 3) : null;
}

public sealed record GroupBoard(string Group, StatusCounts Counts, SexCounts Coming);

public sealed record SexBoard(Sex Sex, StatusCounts Counts);

/// <summary>Needs stated by the people who come (accepted, tentative, offered, attended).</summary>
public sealed record NeedsCounts(int Transport, int Diet, int Accessibility, int Interpretation, int Other);

/// <summary>Messages due by now: how many have gone (or were decided) out of all due; how many of those sent may have arrived twice.</summary>
public sealed record SendProgress(int Due, int Done, int Pending, int Failed, int PossibleDuplicates)
{
    public bool InCourse => Pending > 0;
}

/// <summary>A session's survey at a glance: its state, when it opens or closes, how many answered of those asked.</summary>
public sealed record SurveySummary(Domain.Surveys.SurveyState State, DateTimeOffset? OpensAt, DateTimeOffset? ClosesAt, int SentTo, int Responses, double? ResponseRate);

public sealed record SessionBoard(
    string Id, string Title, DateTimeOffset Start, DateTimeOffset End, string TimeZone, string? Venue,
    SessionState State, int? Capacity, int? SeatsLeft, bool SelfCheckIn, IReadOnlyList<string> SubGroups,
    StatusCounts Counts, double? ResponseRate, SexCounts Coming,
    IReadOnlyList<GroupBoard> ByGroup, IReadOnlyList<SexBoard> BySex, NeedsCounts Needs, SendProgress Sending, SurveySummary Survey)
{
    /// <summary>By age band and disability, and the shares of women, youth and persons with disabilities (Reporting).</summary>
    public ParticipationBoard? Participation { get; init; }
}

/// <summary>Everything the dashboard shows about a campaign, counted by the database.</summary>
public sealed record DashboardDto(
    string CampaignId, string Name, Language DefaultLanguage, DateOnly? PersonalDataErasedAfter, int OpenDataRequests,
    IReadOnlyList<SessionBoard> Sessions, DateTimeOffset GeneratedAt);

/// <summary>One line of a session's participant table.</summary>
public sealed record RosterRow(
    string ParticipantId, string Name, string? Organisation, string Group, Sex Sex, Language Language,
    PreferredChannel PreferredChannel, Domain.Invitations.RsvpStatus Status, AnswerChannel? AnsweredBy,
    string? SubGroup, Domain.Participants.Needs Needs, LastMessage? LastMessage);

/// <summary>The last message sent (or decided) to the person for this session, and how it went.</summary>
public sealed record LastMessage(
    Domain.Messages.MessageKind Kind, Domain.Messages.DeliveryChannel Channel, Domain.Messages.DeliveryStatus Status,
    string? Reason, DateTimeOffset At, bool MayHaveArrivedTwice = false);

public sealed record RosterPage(int Total, int Offset, int Limit, IReadOnlyList<RosterRow> Rows);
