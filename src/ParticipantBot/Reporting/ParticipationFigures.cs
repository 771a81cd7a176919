using Microsoft.EntityFrameworkCore;
using ParticipantBot.Audit;
using ParticipantBot.Campaigns;
using ParticipantBot.Delivery;
using ParticipantBot.Domain.Campaigns;
using ParticipantBot.Domain.Common;
using ParticipantBot.Domain.Invitations;
using ParticipantBot.Domain.Participants;
using ParticipantBot.Invitations;
using ParticipantBot.Participants;
using ParticipantBot.Persistence;
using ParticipantBot.Surveys;

namespace ParticipantBot.Reporting;

/// <summary>The steps of mobilisation the report counts people at.</summary>
public enum Stage
{
    /// <summary>The invitation reached them (every state but notSent, withdrawn and cancelled), as on the dashboard.</summary>
    Invited,
    /// <summary>Invited and answered (anything but the "invited" state).</summary>
    Answered,
    /// <summary>Said they come, or came: accepted or attended (the dashboard's base of the share of women).</summary>
    Confirmed,
    /// <summary>Checked in: attended.</summary>
    Present,
}

/// <summary>The dimensions participation is crossed with sex by.</summary>
public static class Dimensions
{
    public const string Group = "group", AgeBand = "ageBand", Disability = "disability";
    /// <summary>Needs stated (kept at retention with the others; sex is not recorded for them).</summary>
    public const string Need = "need";
    public static IReadOnlyList<string> All { get; } = [Group, AgeBand, Disability];
}

/// <summary>One person's invitation to one session, with what the report counts them by.</summary>
public sealed record PersonRow(
    Guid SessionId, Guid ParticipantId, RsvpStatus Status, PreferredChannel Channel, string Group, Sex Sex,
    string AgeBand, DisabilityStatus Disability, bool Transport, bool Interpretation, bool Accessibility, int Count = 1,
    bool Diet = false, bool OtherNeed = false);

/// <summary>
/// The people of one scope (a session, or the campaign: each person once, at the furthest stage any of their
/// invitations reached) counted by stage, sex and each dimension's value, and by channel.
/// </summary>
public sealed class ScopeFigures
{
    public Guid? SessionId { get; init; }
    public Dictionary<(Stage Stage, string Dimension, string Value, Sex Sex), int> Counts { get; } = new();
    public Dictionary<(Stage Stage, PreferredChannel Channel), int> ByChannel { get; } = new();
    /// <summary>Needs stated by the people confirmed (transport, interpretation, accessibility).</summary>
    public Dictionary<(Stage Stage, string Need), int> Needs { get; } = new();

    public int Count(Stage stage, string dimension, string value, Sex sex) => Counts.GetValueOrDefault((stage, dimension, value, sex));

    public int Total(Stage stage) => ByChannel.Where(x => x.Key.Stage == stage).Sum(x => x.Value);

    public int Total(Stage stage, Sex sex) => Counts.Where(x => x.Key.Stage == stage && x.Key.Dimension == Dimensions.Group && x.Key.Sex == sex).Sum(x => x.Value);

    public int Total(Stage stage, string dimension, string value) =>
        Counts.Where(x => x.Key.Stage == stage && x.Key.Dimension == dimension && x.Key.Value == value).Sum(x => x.Value);

    internal void Add(Stage stage, PersonRow p)
    {
        Increment(Counts, (stage, Dimensions.Group, p.Group, p.Sex), p.Count);
        Increment(Counts, (stage, Dimensions.AgeBand, p.AgeBand, p.Sex), p.Count);
        Increment(Counts, (stage, Dimensions.Disability, EnumNames.Of(p.Disability), p.Sex), p.Count);
        Increment(ByChannel, (stage, p.Channel), p.Count);
        if (p.Transport) Increment(Needs, (stage, "transport"), p.Count);
        if (p.Interpretation) Increment(Needs, (stage, "interpretation"), p.Count);
        if (p.Accessibility) Increment(Needs, (stage, "accessibility"), p.Count);
    }

    private static void Increment<TKey>(Dictionary<TKey, int> map, TKey key, int count) where TKey : notnull => map[key] = map.GetValueOrDefault(key) + count;
}

/// <summary>Participation of a campaign: per session and for the campaign as a whole.</summary>
public sealed record CampaignFigures(Campaign Campaign, IReadOnlyList<Session> Sessions, ScopeFigures Campaignwide, IReadOnlyDictionary<Guid, ScopeFigures> PerSession)
{
    public IReadOnlyList<string> AgeBandCodes => [.. AgeBands.Codes(Campaign.AgeBandBounds), AgeBands.PreferNotToSay, AgeBands.NotStated];
}

/// <summary>
/// Counts participation by sex, stakeholder group, age band and disability, per session and per campaign. Until
/// the end of retention everything comes from the invitations and the participants (one query, projected); after
/// it, age bands and disability come from the aggregate table the retention job kept (the rows lost them).
/// </summary>
public sealed class ParticipationFiguresQuery(AppDbContext db)
{
    public static IEnumerable<Stage> StagesOf(RsvpStatus status)
    {
        if (status is RsvpStatus.NotSent or RsvpStatus.Withdrawn or RsvpStatus.Cancelled) yield break;
        yield return Stage.Invited;
        if (status != RsvpStatus.Invited) yield return Stage.Answered;
        if (status is RsvpStatus.Accepted or RsvpStatus.Attended) yield return Stage.Confirmed;
        if (status == RsvpStatus.Attended) yield return Stage.Present;
    }

    /// <param name="campaignwide">
    /// False for the sessions' figures alone, counted in the database (the dashboard's poll: a few hundred grouped rows
    /// whatever the campaign's size); true to count each person once for the campaign too, which reads one row per invitation.
    /// </param>
    public async Task<CampaignFigures> ForCampaignAsync(Campaign campaign, CancellationToken ct, bool campaignwide = true)
    {
        var sessions = (await db.Sessions.AsNoTracking().Where(s => s.CampaignId == campaign.Id).ToListAsync(ct)).OrderBy(s => s.StartsAt).ToList();
        if (!campaignwide) return (await ForSessionsAsync(campaign, sessions, ct)).Figures;
        var rows = await PeopleAsync(sessions.Select(s => s.Id).ToList(), ct);
        return await WithKeptCountsAsync(campaign, Compute(campaign, sessions, rows, campaignwide: true), ct);
    }

    /// <summary>
    /// The sessions' figures, counted by the database, and the grouped rows they were made of (session, status, group,
    /// sex, and every needs flag): the dashboard takes its own counts from the same rows, in the same query.
    /// </summary>
    public async Task<(CampaignFigures Figures, IReadOnlyList<PersonRow> Rows)> ForSessionsAsync(Campaign campaign, IReadOnlyList<Session> sessions, CancellationToken ct)
    {
        var rows = await GroupedAsync(sessions.Select(s => s.Id).ToList(), ct);
        return (await WithKeptCountsAsync(campaign, Compute(campaign, sessions, rows, campaignwide: false), ct), rows);
    }

    /// <summary>After retention, age bands, disability and needs come from the counts kept (the rows lost them).</summary>
    private async Task<CampaignFigures> WithKeptCountsAsync(Campaign campaign, CampaignFigures figures, CancellationToken ct)
    {
        if (campaign.PersonalDataErasedAt is null) return figures;
        var kept = await db.ParticipationCounts.AsNoTracking().Where(x => x.CampaignId == campaign.Id).ToListAsync(ct);
        foreach (var scope in figures.PerSession.Values.Append(figures.Campaignwide))
        {
            foreach (var key in scope.Counts.Keys.Where(k => k.Dimension != Dimensions.Group).ToList()) scope.Counts.Remove(key);
            scope.Needs.Clear();
            foreach (var cell in kept.Where(k => k.SessionId == scope.SessionId && k.Dimension != Dimensions.Group))
            {
                var stage = Enum.Parse<Stage>(cell.Stage, ignoreCase: true);
                if (cell.Dimension == Dimensions.Need) scope.Needs[(stage, cell.Value)] = cell.Count;
                else scope.Counts[(stage, cell.Dimension, cell.Value, cell.Sex)] = cell.Count;
            }
        }
        return figures;
    }

    private async Task<List<PersonRow>> GroupedAsync(List<Guid> ids, CancellationToken ct)
    {
        var raw = await (from i in db.Invitations
                         join p in db.Participants on i.ParticipantId equals p.Id
                         where ids.Contains(i.SessionId)
                         group i by new
                         {
                             i.SessionId, i.Status, p.Channel, p.Group, p.Sex, p.AgeBand,
                             p.Functioning.Seeing, p.Functioning.Hearing, p.Functioning.Walking,
                             p.Functioning.Remembering, p.Functioning.SelfCare, p.Functioning.Communicating,
                             p.Needs.Transport, Interpretation = p.Needs.Interpretation != null, Accessibility = p.Needs.Accessibility != null,
                             Diet = p.Needs.Diet != null, Other = p.Needs.Other != null,
                         } into g
                         select new { g.Key, Count = g.Count() }).ToListAsync(ct);
        return raw.Select(r => new PersonRow(r.Key.SessionId, Guid.Empty, r.Key.Status, r.Key.Channel, r.Key.Group, r.Key.Sex, r.Key.AgeBand ?? AgeBands.NotStated,
            new Functioning(r.Key.Seeing, r.Key.Hearing, r.Key.Walking, r.Key.Remembering, r.Key.SelfCare, r.Key.Communicating).Status,
            r.Key.Transport, r.Key.Interpretation, r.Key.Accessibility, r.Count, r.Key.Diet, r.Key.Other)).ToList();
    }

    private async Task<List<PersonRow>> PeopleAsync(List<Guid> ids, CancellationToken ct)
    {
        var raw = await (from i in db.Invitations
                         join p in db.Participants on i.ParticipantId equals p.Id
                         where ids.Contains(i.SessionId)
                         select new
                         {
                             i.SessionId, i.ParticipantId, i.Status, p.Channel, p.Group, p.Sex, p.AgeBand,
                             p.Functioning.Seeing, p.Functioning.Hearing, p.Functioning.Walking,
                             p.Functioning.Remembering, p.Functioning.SelfCare, p.Functioning.Communicating,
                             p.Needs.Transport, Interpretation = p.Needs.Interpretation != null, Accessibility = p.Needs.Accessibility != null,
                         }).ToListAsync(ct);
        return raw.Select(r => new PersonRow(r.SessionId, r.ParticipantId, r.Status, r.Channel, r.Group, r.Sex, r.AgeBand ?? AgeBands.NotStated,
            new Functioning(r.Seeing, r.Hearing, r.Walking, r.Remembering, r.SelfCare, r.Communicating).Status,
            r.Transport, r.Interpretation, r.Accessibility)).ToList();
    }

    /// <summary>The counting itself, a pure function of the rows.</summary>
    public static CampaignFigures Compute(Campaign campaign, IReadOnlyList<Session> sessions, IReadOnlyList<PersonRow> rows, bool campaignwide = true)
    {
        var perSession = sessions.ToDictionary(s => s.Id, s => new ScopeFigures { SessionId = s.Id });
        foreach (var row in rows)
            foreach (var stage in StagesOf(row.Status))
                perSession[row.SessionId].Add(stage, row);
        var whole = new ScopeFigures();
        if (campaignwide)
            foreach (var person in rows.GroupBy(r => r.ParticipantId))
            {
                var first = person.First();
                var stages = person.SelectMany(r => StagesOf(r.Status)).ToHashSet();
                // Needs: as stated; a person counts once, at every stage any of their invitations reached.
                foreach (var stage in stages) whole.Add(stage, first);
            }
        return new CampaignFigures(campaign, sessions, whole, perSession);
    }

    /// <summary>The aggregate cells retention keeps: every count of every scope, stage, dimension and sex.</summary>
    public static IEnumerable<ParticipationCount> Aggregates(CampaignFigures figures) =>
        figures.PerSession.Values.Append(figures.Campaignwide).SelectMany(scope => scope.Counts.Select(c =>
                ParticipationCount.Of(figures.Campaign.Id, scope.SessionId, EnumNames.Of(c.Key.Stage), c.Key.Dimension, c.Key.Value, c.Key.Sex, c.Value))
            .Concat(scope.Needs.Select(n => ParticipationCount.Of(figures.Campaign.Id, scope.SessionId, EnumNames.Of(n.Key.Stage), Dimensions.Need, n.Key.Need, Sex.NotStated, n.Value))));
}

/// <summary>
/// At the end of a campaign's retention period, before its participants lose their age band and Short Set answers:
/// the participation tables (every scope, stage, dimension and sex) are kept as counts, in the erasure's transaction
/// (Privacy calls this port).
/// </summary>
public sealed class ReportRetentionCounts(AppDbContext db, ParticipationFiguresQuery figures, Campaigns.CampaignDirectory campaigns) : Privacy.IRetentionCounts
{
    public async Task KeepAsync(Guid campaignId, CancellationToken ct)
    {
        if (await campaigns.CampaignAsync(campaignId, ct) is not { } campaign) return;
        var counted = await figures.ForCampaignAsync(campaign, ct);
        db.ParticipationCounts.RemoveRange(await db.ParticipationCounts.Where(x => x.CampaignId == campaign.Id).ToListAsync(ct));
        db.ParticipationCounts.AddRange(ParticipationFiguresQuery.Aggregates(counted));
    }
}
