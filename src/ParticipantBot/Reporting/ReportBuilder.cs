using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using ParticipantBot.Audit;
using ParticipantBot.Campaigns;
using ParticipantBot.Delivery;
using ParticipantBot.Domain.Campaigns;
using ParticipantBot.Domain.Common;
using ParticipantBot.Domain.Participants;
using ParticipantBot.Invitations;
using ParticipantBot.Participants;
using ParticipantBot.Persistence;
using ParticipantBot.Resources;
using ParticipantBot.Surveys;

namespace ParticipantBot.Reporting;

/// <summary>
/// Builds the consultation report (per campaign or per session) in the campaign's language: the consultation and
/// its sessions, mobilisation by channel, participation tables (sex crossed with stakeholder group, age group and
/// disability) with small cells suppressed, shares of women, young people and persons with disabilities, charts,
/// needs, survey results above the anonymity threshold, and a method note. Every figure comes from
/// <see cref="ParticipationFiguresQuery"/>, the same counting the dashboard shows.
/// </summary>
public sealed class ReportBuilder(ParticipationFiguresQuery query, AppDbContext db, SurveyService surveys, ReportCharts charts,
    IOptions<Configuration.AppOptions> app, TimeProvider clock)
{
    private static readonly string[] NeedKinds = ["transport", "interpretation", "accessibility"];

    private static readonly Sex[] Sexes = [Sex.Female, Sex.Male, Sex.NotStated];
    private static readonly Stage[] ShareStages = [Stage.Invited, Stage.Confirmed, Stage.Present];

    public async Task<ConsultationReport> BuildAsync(Campaign campaign, Session? session, CancellationToken ct)
    {
        var figures = await query.ForCampaignAsync(campaign, ct);
        var lang = campaign.DefaultLanguage;
        string T(string key) => Texts.Get(key, lang);
        var scope = session is null ? figures.Campaignwide : figures.PerSession[session.Id];
        var sessions = session is null ? figures.Sessions : [session];
        var now = clock.GetUtcNow();
        var tables = Tables.For(figures, scope, GroupsOf(figures, scope), lang);
        var sections = new List<ReportSection>
        {
            new("consultation", T("Report.Consultation"), campaign.Description is { } d ? [d] : [], [SessionsTable(sessions, lang)], []),
            new("mobilisation", T("Report.Mobilisation"), [T("Report.Mobilisation.Text")],
                session is null ? [tables.Mobilisation, BySession(figures, lang)] : [tables.Mobilisation], []),
            Participation(tables, lang),
            new("needs", T("Report.Needs"), [T("Report.Needs.Text")], [Needs(scope, lang)], []),
            await SurveysAsync(sessions, lang, now, ct),
            Method(campaign, lang),
        };
        return new ConsultationReport(
            session is null ? "campaign" : "session", campaign.Id.ToString(), session?.Id.ToString(), lang, Texts.Direction(lang),
            session is null ? T("Report.Title") : Texts.Format("Report.SessionTitle", lang, session.Title),
            campaign.Name, Texts.Format("Report.Generated", lang, TimeZones.ToLocal(now, campaign.TimeZoneId).ToString("d MMMM yyyy", Texts.Culture(lang))),
            sections);
    }

    private IReadOnlyList<string> GroupsOf(CampaignFigures figures, ScopeFigures scope)
    {
        var present = scope.Counts.Keys.Where(k => k.Dimension == Dimensions.Group).Select(k => k.Value).Distinct().ToHashSet();
        return app.Value.StakeholderGroups.Where(present.Contains).Concat(present.Except(app.Value.StakeholderGroups).Order(StringComparer.Ordinal)).ToList();
    }

    private ReportSection Participation(Tables tables, Language lang)
    {
        string T(string key) => Texts.Get(key, lang);
        var cross = tables.Cross[tables.Printed];
        var list = new List<ReportTable> { cross[Dimensions.Group], cross[Dimensions.AgeBand], cross[Dimensions.Disability], tables.Shares };
        var chartList = new List<ReportChart>();
        if (charts.Shares(tables.Shares, lang) is { } shares) chartList.Add(shares);
        if (charts.Groups(cross[Dimensions.Group], lang) is { } groups) chartList.Add(groups);
        var paragraphs = new List<string> { T(tables.Printed == Stage.Present ? "Report.Participation.Present" : "Report.Participation.Confirmed") };
        if (chartList.Count > 0) paragraphs.Add(T("Report.Chart.Note"));
        return new ReportSection("participation", T("Report.Participation"), paragraphs, list, chartList);
    }

    private static ReportTable SessionsTable(IReadOnlyList<Session> sessions, Language lang)
    {
        string T(string key) => Texts.Get(key, lang);
        return new ReportTable("sessions", T("Report.Consultation"),
            [T("Report.Col.Session"), T("Report.Col.Date"), T("Report.Col.Venue"), T("Report.Col.Themes")],
            sessions.Select(s => new ReportRow(s.Id.ToString(), s.IsCancelled ? $"{s.Title} ({T("Report.Cancelled")})" : s.Title,
            [
                ReportCell.Plain($"{Texts.DateTime(s.LocalStart, lang)} – {s.LocalEnd:HH:mm}"),
                ReportCell.Plain(s.Venue ?? ""),
                ReportCell.Plain(string.Join(" · ", new[] { s.Agenda }.Concat(s.SubGroups).Where(x => !string.IsNullOrWhiteSpace(x)))),
            ])).ToList());
    }

    /// <summary>Invited, answered, confirmed and present per session (no totals: each cell of 1 to 4 is "&lt;5").</summary>
    private static ReportTable BySession(CampaignFigures figures, Language lang)
    {
        var stages = Enum.GetValues<Stage>();
        return new ReportTable("bySession", Texts.Get("Report.BySession", lang),
            [Texts.Get("Report.Col.Session", lang), .. stages.Select(s => ReportLabels.Stage(s, lang))],
            figures.Sessions.Select(s => new ReportRow(s.Id.ToString(), s.Title,
                stages.Select(stage => Tables.Cell(figures.PerSession[s.Id].Total(stage), figures.PerSession[s.Id].Total(stage) is > 0 and < Suppression.Threshold ? CellState.Small : CellState.Shown)).ToList())).ToList());
    }

    private static ReportTable Needs(ScopeFigures scope, Language lang)
    {
        string T(string key) => Texts.Get(key, lang);
        return new ReportTable("needs", T("Report.Needs"),
            [T("Report.Col.Need"), ReportLabels.Stage(Stage.Confirmed, lang), ReportLabels.Stage(Stage.Present, lang), T("Report.Col.Met")],
            NeedKinds.Select(need => new ReportRow(need, T("Report.Need." + need),
            [
                Tables.Cell(scope.Needs.GetValueOrDefault((Stage.Confirmed, need))), Tables.Cell(scope.Needs.GetValueOrDefault((Stage.Present, need))), ReportCell.Plain(""),
            ])).ToList());
    }

    private async Task<ReportSection> SurveysAsync(IReadOnlyList<Session> sessions, Language lang, DateTimeOffset now, CancellationToken ct)
    {
        string T(string key) => Texts.Get(key, lang);
        var paragraphs = new List<string>();
        var tables = new List<ReportTable>();
        foreach (var session in sessions)
        {
            var survey = await db.Surveys.AsNoTracking().FirstOrDefaultAsync(x => x.SessionId == session.Id, ct);
            var responses = survey is null ? [] : await db.SurveyResponses.AsNoTracking().Where(r => r.SurveyId == survey.Id).ToListAsync(ct);
            if (survey is null || responses.Count == 0) { paragraphs.Add($"{session.Title}: {T("Report.Survey.None")}"); continue; }
            var results = SurveyResults.Compute(survey, responses, await surveys.SentToAsync(session.Id, ct), lang, now);
            if (results.Responses < SurveyResults.MinimumAnonymousGroup)
            {
                paragraphs.Add(Texts.Format("Report.Survey.TooFew", lang, session.Title, SurveyResults.MinimumAnonymousGroup));
                continue;
            }
            paragraphs.Add(Texts.Format("Report.Survey.Rate", lang, session.Title, results.Responses, results.SentTo));
            tables.Add(new ReportTable($"survey-{session.Id}", session.Title, [T("Report.Col.Question"), T("Report.Col.Answers"), T("Report.Col.Result")],
                results.Questions.Select(q => new ReportRow(q.Id, q.Text, [Tables.Cell(q.Answers, CellState.Shown), ReportCell.Plain(Result(q, lang))])).ToList()));
        }
        return new ReportSection("surveys", T("Report.Surveys"), paragraphs, tables, []);
    }

    private static string Result(QuestionResult q, Language lang)
    {
        var culture = Texts.Culture(lang);
        switch (q.Kind)
        {
            case Domain.Surveys.QuestionKind.Rating when q.Average is { } average:
                return Texts.Format("Report.Survey.Average", lang, average.ToString("0.0", culture));
            case Domain.Surveys.QuestionKind.Priorities when q.Points?.OrderByDescending(p => p.Count).FirstOrDefault() is { Count: > 0 } first:
                return Texts.Format("Report.Survey.Priority", lang, first.Label, first.Count);
            case Domain.Surveys.QuestionKind.FreeText:
                return Texts.Get("Report.Survey.Comments", lang);
            default:
                return q.Distribution.OrderByDescending(v => v.Count).FirstOrDefault() is { Count: > 0 } top
                    ? Texts.Format("Report.Survey.Top", lang, top.Label, top.Count) : "";
        }
    }

    private static ReportSection Method(Campaign campaign, Language lang)
    {
        string T(string key) => Texts.Get(key, lang);
        var paragraphs = new List<string> { T("Report.Method.Sources"), T("Report.Method.Definitions"), T("Report.Method.Suppression") };
        if (campaign.PersonalDataErasedAt is not null) paragraphs.Add(T("Report.Method.Retained"));
        return new ReportSection("method", T("Report.Method"), paragraphs, [], []);
    }
}

/// <summary>
/// The participation tables of one scope with their suppression: for each stage, sex crossed with each dimension,
/// and mobilisation by channel. Tables of one stage share their totals row (women, men, not stated, everyone) and
/// mobilisation's column of that stage shares its total: a total hidden in one is hidden in all, to a fixed point,
/// so that no table gives away what another hides.
/// </summary>
internal sealed record Tables(Dictionary<Stage, Dictionary<string, ReportTable>> Cross, ReportTable Mobilisation, ReportTable Shares, Stage Printed)
{
    private static readonly Sex[] Sexes = [Sex.Female, Sex.Male, Sex.NotStated];
    private static readonly PreferredChannel[] Channels = [PreferredChannel.Teams, PreferredChannel.Email, PreferredChannel.Both];

    public static ReportCell Cell(int value, CellState? state = null)
    {
        var s = state ?? (value is > 0 and < Suppression.Threshold ? CellState.Small : CellState.Shown);
        return s switch
        {
            CellState.Shown => new(value.ToString(CultureInfo.InvariantCulture), value, s),
            CellState.Small => new("<5", null, s),
            _ => new("x", null, s),
        };
    }

    public static Tables For(CampaignFigures figures, ScopeFigures scope, IReadOnlyList<string> groups, Language lang)
    {
        string T(string key) => Texts.Get(key, lang);
        var values = new Dictionary<string, IReadOnlyList<string>>
        {
            [Dimensions.Group] = groups,
            [Dimensions.AgeBand] = figures.AgeBandCodes,
            [Dimensions.Disability] = Enum.GetValues<DisabilityStatus>().Select(EnumNames.Of).ToList(),
        };
        string Label(string dimension, string value) => dimension switch
        {
            Dimensions.Group => Labels.Group(value, lang),
            Dimensions.AgeBand => ReportLabels.AgeBand(value, lang),
            _ => ReportLabels.Disability(value, lang),
        };
        var titles = new Dictionary<string, (string Title, string Header)>
        {
            [Dimensions.Group] = (T("Report.Table.Group"), T("Report.Col.Group")),
            [Dimensions.AgeBand] = (T("Report.Table.AgeBand"), T("Report.Col.AgeBand")),
            [Dimensions.Disability] = (T("Report.Table.Disability"), T("Report.Col.Disability")),
        };
        var stages = Enum.GetValues<Stage>();
        var youthBands = AgeBands.TellYouth(figures.Campaign.AgeBandBounds)
            ? figures.AgeBandCodes.Where(code => AgeBands.IsYouth(code) == true).ToList() : null;
        // What the shares are made of is hidden last: the women's and the grand totals, the young and disabled rows' totals.
        bool[,] Keep(string dimension, int rows)
        {
            var keep = new bool[rows + 1, Sexes.Length + 1];
            keep[rows, 0] = keep[rows, Sexes.Length] = true;
            for (var r = 0; r < rows; r++)
                keep[r, Sexes.Length] = dimension switch
                {
                    Dimensions.AgeBand => youthBands?.Contains(values[dimension][r]) == true,
                    Dimensions.Disability => values[dimension][r] == EnumNames.Of(DisabilityStatus.WithDisability),
                    _ => false,
                };
            return keep;
        }
        var mobilisationCells = stages.ToDictionary(s => s, s => { var m = new int[Channels.Length, 1]; for (var i = 0; i < Channels.Length; i++) m[i, 0] = scope.ByChannel.GetValueOrDefault((s, Channels[i])); return m; });
        var mobilisationStates = new Dictionary<Stage, CellState[,]>();
        // Only the printed stage's tables are published: mobilisation shares its grand total with them alone.
        var printed = scope.Total(Stage.Present) > 0 ? Stage.Present : Stage.Confirmed;
        var cross = new Dictionary<Stage, Dictionary<string, ReportTable>>();
        foreach (var stage in stages)
        {
            var matrices = Dimensions.All.ToDictionary(d => d, d =>
            {
                var m = new int[values[d].Count, Sexes.Length];
                for (var r = 0; r < values[d].Count; r++)
                    for (var c = 0; c < Sexes.Length; c++) m[r, c] = scope.Count(stage, d, values[d][r], Sexes[c]);
                return m;
            });
            // The totals row (and the grand total) is shared: hide in every table what any of them hides, until nothing changes.
            var shared = new bool[Sexes.Length + 1];
            Dictionary<string, CellState[,]> states;
            CellState[,] mobilisation;
            while (true)
            {
                states = matrices.ToDictionary(x => x.Key, x =>
                {
                    var rows = x.Value.GetLength(0);
                    var forced = new bool[rows + 1, Sexes.Length + 1];
                    for (var c = 0; c <= Sexes.Length; c++) forced[rows, c] = shared[c];
                    return Suppression.Apply(x.Value, forced, Keep(x.Key, rows));
                });
                var forcedMobilisation = new bool[Channels.Length + 1, 2];
                forcedMobilisation[Channels.Length, 0] = forcedMobilisation[Channels.Length, 1] = stage == printed && shared[Sexes.Length];
                mobilisation = Suppression.Apply(mobilisationCells[stage], forcedMobilisation);
                var next = new bool[Sexes.Length + 1];
                for (var c = 0; c <= Sexes.Length; c++)
                    next[c] = states.Values.Any(s => s[s.GetLength(0) - 1, c] != CellState.Shown);
                if (stage == printed) next[Sexes.Length] |= mobilisation[Channels.Length, 0] != CellState.Shown;
                if (next.SequenceEqual(shared)) break;
                shared = next;
            }
            mobilisationStates[stage] = mobilisation;
            cross[stage] = Dimensions.All.ToDictionary(d => d, d =>
            {
                var full = Suppression.WithTotals(matrices[d]);
                var s = states[d];
                var rows = values[d].Select((v, r) => new ReportRow(v, Label(d, v),
                    Enumerable.Range(0, Sexes.Length + 1).Select(c => Cell(full[r, c], s[r, c])).ToList())).ToList();
                rows.Add(new ReportRow("total", T("Report.Total"),
                    Enumerable.Range(0, Sexes.Length + 1).Select(c => Cell(full[values[d].Count, c], s[values[d].Count, c])).ToList(), IsTotal: true));
                return new ReportTable($"{d}-{EnumNames.Of(stage)}", titles[d].Title,
                    [titles[d].Header, .. Sexes.Select(x => Labels.Sex(x, lang)), T("Report.Total")], rows);
            });
        }

        var mobilisationTable = new ReportTable("mobilisation", T("Report.Mobilisation"),
            [T("Report.Col.Channel"), .. stages.Select(s => ReportLabels.Stage(s, lang))],
            Channels.Select((channel, i) => new ReportRow(EnumNames.Of(channel), T("Report.Channel." + channel),
                    stages.Select(s => Cell(mobilisationCells[s][i, 0], mobilisationStates[s][i, 0])).ToList()))
                .Append(new ReportRow("total", T("Report.Total"), stages.Select(s => Cell(scope.Total(s), mobilisationStates[s][Channels.Length, 0])).ToList(), IsTotal: true))
                .ToList());

        string Share(Stage stage, Func<ReportTable, (bool Shown, int Count)> part)
        {
            var table = cross[stage][Dimensions.Group];
            var total = table.Row("total").Cells[Sexes.Length];
            var (shown, count) = part(cross[stage][Dimensions.AgeBand]);
            if (total.Value is not { } all || !shown) return "x";
            return all == 0 ? "–" : Percent((double)count / all, lang);
        }
        (bool, int) Sum(IEnumerable<ReportCell> cells)
        {
            var list = cells.ToList();
            return (list.All(c => c.Value is not null), list.Sum(c => c.Value ?? 0));
        }
        var shares = new ReportTable("shares", T("Report.Shares"),
            [T("Report.Col.Share"), .. ShareStagesLabels(lang)],
            [
                new("women", T("Report.Share.Women"), ShareStagesOf().Select(s => ReportCell.Plain(Share(s, _ => Sum([cross[s][Dimensions.Group].Row("total").Cells[0]])))).ToList()),
                new("youth", T("Report.Share.Youth"), ShareStagesOf().Select(s => ReportCell.Plain(youthBands is null ? "–"
                    : Share(s, ages => Sum(youthBands.Select(b => ages.Row(b).Cells[Sexes.Length]))))).ToList()),
                new("disability", T("Report.Share.Disability"), ShareStagesOf().Select(s => ReportCell.Plain(
                    Share(s, _ => Sum([cross[s][Dimensions.Disability].Row(EnumNames.Of(DisabilityStatus.WithDisability)).Cells[Sexes.Length]])))).ToList()),
            ]);
        return new Tables(cross, mobilisationTable, shares, printed);
    }

    private static IEnumerable<Stage> ShareStagesOf() => [Stage.Invited, Stage.Confirmed, Stage.Present];

    private static IEnumerable<string> ShareStagesLabels(Language lang) => ShareStagesOf().Select(s => ReportLabels.Stage(s, lang));

    public static string Percent(double share, Language lang)
    {
        var rounded = Math.Round(share * 100, MidpointRounding.AwayFromZero).ToString(CultureInfo.InvariantCulture);
        return lang == Language.Fr ? $"{rounded}\u202F%" : $"{rounded}%";
    }
}
