using Microsoft.EntityFrameworkCore;
using ParticipantBot.Campaigns;
using ParticipantBot.Delivery;
using ParticipantBot.Domain.Campaigns;
using ParticipantBot.Domain.Common;
using ParticipantBot.Domain.Invitations;
using ParticipantBot.Domain.Messages;
using ParticipantBot.Invitations;
using ParticipantBot.Participants;
using ParticipantBot.Persistence;
using ParticipantBot.Privacy;
using ParticipantBot.Surveys;

namespace ParticipantBot.Dashboard;

/// <summary>
/// The dashboard's figures. Three grouped queries do the counting in the database (invitations by
/// session, state, group and sex; needs of the people who come; messages due by state); what comes
/// back is a few hundred rows at most, whatever the size of the campaign.
/// </summary>
public sealed class DashboardQueries(AppDbContext db, Reporting.ParticipationFiguresQuery figures, TimeProvider clock)
{
    private static readonly RsvpStatus[] Coming = [RsvpStatus.Accepted, RsvpStatus.Tentative, RsvpStatus.Offered, RsvpStatus.Attended];

    public async Task<DashboardDto> ForCampaignAsync(Campaign campaign, CancellationToken ct)
    {
        var sessions = await db.Sessions.AsNoTracking().Where(s => s.CampaignId == campaign.Id).ToListAsync(ct);
        sessions = sessions.OrderBy(s => s.StartsAt).ToList();
        var ids = sessions.Select(s => s.Id).ToList();
        var now = clock.GetUtcNow();

        // One grouped query gives the report's figures by age band and disability and, from the same rows, the
        // dashboard's counts by status, group and sex and the needs of those coming (Reporting/ParticipationFigures.cs).
        var (participation, rows) = await figures.ForSessionsAsync(campaign, sessions, ct);
        var cells = rows.GroupBy(r => (r.SessionId, r.Status, r.Group, r.Sex))
            .Select(g => new Cell(g.Key.SessionId, g.Key.Status, g.Key.Group, g.Key.Sex, g.Sum(r => r.Count))).ToList();
        var needs = rows.Where(r => Coming.Contains(r.Status)).GroupBy(r => r.SessionId).ToDictionary(g => g.Key, g => new NeedsCounts(
            g.Where(r => r.Transport).Sum(r => r.Count), g.Where(r => r.Diet).Sum(r => r.Count), g.Where(r => r.Accessibility).Sum(r => r.Count),
            g.Where(r => r.Interpretation).Sum(r => r.Count), g.Where(r => r.OtherNeed).Sum(r => r.Count)));

        var messages = await db.OutboundMessages
            .Where(m => ids.Contains(m.SessionId) && m.DueAt <= now)
            .GroupBy(m => new { m.SessionId, m.Status, m.PossibleDuplicate })
            .Select(g => new { g.Key.SessionId, g.Key.Status, g.Key.PossibleDuplicate, Count = g.Count() })
            .ToListAsync(ct);

        var surveys = await db.Surveys.AsNoTracking().Where(x => ids.Contains(x.SessionId)).ToDictionaryAsync(x => x.SessionId, ct);
        var surveyIds = surveys.Values.Select(x => x.Id).ToList();
        var answered = await db.SurveySubmissions.Where(x => surveyIds.Contains(x.SurveyId))
            .GroupBy(x => x.SurveyId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, ct);
        var asked = await db.OutboundMessages.Where(m => ids.Contains(m.SessionId) && m.Kind == MessageKind.Survey && m.Sequence == 0)
            .GroupBy(m => m.SessionId).Select(g => new { g.Key, Count = g.Select(m => m.ParticipantId).Distinct().Count() })
            .ToDictionaryAsync(x => x.Key, x => x.Count, ct);

        var boards = sessions.Select(s =>
        {
            var own = cells.Where(c => c.SessionId == s.Id).ToList();
            var counts = Count(own);
            var sending = messages.Where(m => m.SessionId == s.Id).Select(m => (m.Status, m.PossibleDuplicate, m.Count)).ToList();
            return new SessionBoard(
                s.Id.ToString(), s.Title, s.LocalStart, s.LocalEnd, s.TimeZoneId, s.Venue, s.State,
                s.Capacity, s.Capacity is { } capacity ? Math.Max(0, capacity - counts.SeatsTaken) : null, s.SelfCheckIn, s.SubGroups,
                counts, ResponseRate(counts), SexesComing(own),
                own.GroupBy(c => c.Group).OrderBy(g => g.Key, StringComparer.Ordinal)
                    .Select(g => new GroupBoard(g.Key, Count(g), SexesComing(g))).ToList(),
                Enum.GetValues<Sex>().Select(sex => new SexBoard(sex, Count(own.Where(c => c.Sex == sex)))).ToList(),
                needs.GetValueOrDefault(s.Id) ?? new NeedsCounts(0, 0, 0, 0, 0),
                Progress(sending),
                Survey(s, surveys.GetValueOrDefault(s.Id), asked.GetValueOrDefault(s.Id), answered, now));
        }).ToList();

        DateOnly? erasedAfter = sessions.Count == 0 ? null
            : DateOnly.FromDateTime(campaign.ErasureDue(sessions.Max(s => s.EndsAt))!.Value.UtcDateTime);
        var requests = await db.DataRequests.CountAsync(r => r.CampaignId == campaign.Id && r.CompletedAt == null, ct);
        boards = boards.Select(b => b with { Participation = ParticipationBoard.Of(participation, participation.PerSession[Guid.Parse(b.Id)]) }).ToList();
        return new DashboardDto(campaign.Id.ToString(), campaign.Name, campaign.DefaultLanguage, erasedAfter, requests, boards, now);
    }

    private static SurveySummary Survey(Session session, Domain.Surveys.Survey? survey, int sentTo, Dictionary<Guid, int> answered, DateTimeOffset now)
    {
        // A session without a survey row yet has the default one, due at its end plus the default delay.
        var responses = survey is null ? 0 : answered.GetValueOrDefault(survey.Id);
        var state = survey?.StateAt(now) ?? Domain.Surveys.SurveyState.Scheduled;
        var opensAt = survey?.OpensAt(session.EndsAt) ?? session.EndsAt.AddMinutes(Domain.Surveys.Survey.DefaultOpenDelayMinutes);
        return new SurveySummary(state, opensAt, survey?.ClosesAt, sentTo, responses, sentTo == 0 ? null : Math.Round((double)responses / sentTo, 3));
    }

    private sealed record Cell(Guid SessionId, RsvpStatus Status, string Group, Sex Sex, int Count);

    private static StatusCounts Count(IEnumerable<Cell> cells)
    {
        var by = cells.GroupBy(c => c.Status).ToDictionary(g => g.Key, g => g.Sum(c => c.Count));
        int N(RsvpStatus s) => by.GetValueOrDefault(s);
        var total = by.Values.Sum();
        return new StatusCounts(
            total, N(RsvpStatus.NotSent), total - N(RsvpStatus.NotSent) - N(RsvpStatus.Withdrawn) - N(RsvpStatus.Cancelled),
            N(RsvpStatus.Invited), N(RsvpStatus.Accepted), N(RsvpStatus.Tentative), N(RsvpStatus.Declined),
            N(RsvpStatus.Waitlisted), N(RsvpStatus.Offered), N(RsvpStatus.Attended), N(RsvpStatus.NoShow),
            N(RsvpStatus.Withdrawn), N(RsvpStatus.Cancelled));
    }

    private static SexCounts SexesComing(IEnumerable<Cell> cells)
    {
        var coming = cells.Where(c => RsvpTransitions.IsConfirmed(c.Status)).ToList();
        int N(Sex s) => coming.Where(c => c.Sex == s).Sum(c => c.Count);
        return new SexCounts(N(Sex.Female), N(Sex.Male), N(Sex.NotStated));
    }

    /// <summary>Answered, out of everyone the invitation reached.</summary>
    private static double? ResponseRate(StatusCounts c) =>
        c.Invited == 0 ? null : Math.Round((double)(c.Invited - c.NoAnswer) / c.Invited, 3);

    private static SendProgress Progress(List<(DeliveryStatus Status, bool PossibleDuplicate, int Count)> by)
    {
        int N(DeliveryStatus s) => by.Where(x => x.Status == s).Sum(x => x.Count);
        var pending = N(DeliveryStatus.Planned) + N(DeliveryStatus.Sending);
        var due = by.Sum(x => x.Count);
        return new SendProgress(due, due - pending, pending, N(DeliveryStatus.Failed), by.Where(x => x.PossibleDuplicate).Sum(x => x.Count));
    }

    /// <summary>Those confirmed for a session (<see cref="RsvpTransitions.Confirmed"/>), counted by the database by stakeholder group and sex.</summary>
    public async Task<List<(string Group, Sex Sex, int Count)>> ConfirmedByGroupAndSexAsync(Guid sessionId, CancellationToken ct)
    {
        var confirmed = RsvpTransitions.Confirmed.ToList();
        var rows = await (from i in db.Invitations
                          join p in db.Participants on i.ParticipantId equals p.Id
                          where i.SessionId == sessionId && confirmed.Contains(i.Status)
                          group i by new { p.Group, p.Sex } into g
                          select new { g.Key.Group, g.Key.Sex, Count = g.Count() }).ToListAsync(ct);
        return rows.Select(r => (r.Group, r.Sex, r.Count)).ToList();
    }
}
