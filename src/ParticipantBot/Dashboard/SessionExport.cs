using System.Globalization;
using ClosedXML.Excel;
using ParticipantBot.Domain.Campaigns;
using ParticipantBot.Domain.Common;
using ParticipantBot.Resources;

namespace ParticipantBot.Dashboard;

/// <summary>
/// A session's participant list as CSV or Excel, in the campaign's language, with totals by sex and
/// by stakeholder group (invited, accepted, attended) below the list.
/// </summary>
public sealed class SessionExport(Campaign campaign, Session session, IReadOnlyList<RosterRow> rows)
{
    private Language Lang => campaign.DefaultLanguage;

    public string FileName(string extension)
    {
        var day = session.LocalStart.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var title = new string(session.Title.Select(c => char.IsLetterOrDigit(c) ? c : '-').ToArray()).Trim('-');
        return $"participants-{day}-{(title.Length > 40 ? title[..40] : title)}.{extension}";
    }

    private string[] Header() =>
    [
        T("Dashboard.Column.Name"), T("Dashboard.Column.Organisation"), T("Dashboard.Column.Group"), T("Dashboard.Column.Sex"),
        T("Dashboard.Column.Language"), T("Dashboard.Column.Status"), T("Dashboard.Column.SubGroup"), T("Dashboard.Column.Channel"),
        T("Dashboard.Need.transport"), T("Dashboard.Need.diet"), T("Dashboard.Need.accessibility"), T("Dashboard.Need.interpretation"),
    ];

    private string[] Line(RosterRow r) =>
    [
        r.Name, r.Organisation ?? "", Labels.Group(r.Group, Lang), Labels.SexOfPerson(r.Sex, Lang), Labels.Language(r.Language, Lang),
        Labels.Status(r.Status, Lang), r.SubGroup ?? "", Labels.Channel(r.PreferredChannel, Lang),
        r.Needs.Transport ? T("Dashboard.Yes") : "", r.Needs.Diet ?? "", r.Needs.Accessibility ?? "", r.Needs.Interpretation ?? "",
    ];

    /// <summary>Label, invited, accepted, attended: first by sex, then by group.</summary>
    private List<string[]> Totals()
    {
        var lines = new List<string[]> { new[] { T("Dashboard.Totals"), T("Dashboard.Count.Invited"), T("Dashboard.Status.accepted"), T("Dashboard.Status.attended") } };
        string[] Of(string label, IEnumerable<RosterRow> people)
        {
            var list = people.ToList();
            return [label, list.Count.ToString(CultureInfo.InvariantCulture),
                list.Count(r => r.Status == Domain.Invitations.RsvpStatus.Accepted).ToString(CultureInfo.InvariantCulture),
                list.Count(r => r.Status == Domain.Invitations.RsvpStatus.Attended).ToString(CultureInfo.InvariantCulture)];
        }
        lines.Add(Of(T("Dashboard.All"), rows));
        lines.AddRange(Enum.GetValues<Sex>().Select(s => Of(Labels.Sex(s, Lang), rows.Where(r => r.Sex == s))));
        lines.AddRange(rows.GroupBy(r => r.Group).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => Of(Labels.Group(g.Key, Lang), g)));
        return lines;
    }

    /// <summary>The list, a blank line, then the totals.</summary>
    public byte[] Csv() => Api.Downloads.Csv([Header(), .. rows.Select(Line), [], .. Totals()]);

    public byte[] Xlsx()
    {
        using var book = new XLWorkbook();
        var list = book.Worksheets.Add(T("Dashboard.Sheet.Participants"));
        var header = Header();
        for (var c = 0; c < header.Length; c++) list.Cell(1, c + 1).Value = header[c];
        for (var r = 0; r < rows.Count; r++)
        {
            var line = Line(rows[r]);
            // Text cells throughout: a name like "0612..." or "=..." is data, never a number or a formula; only
            // characters a workbook can carry, and no more than a cell holds.
            for (var c = 0; c < line.Length; c++) list.Cell(r + 2, c + 1).SetValue(Api.Downloads.Cell(line[c]));
        }
        list.Row(1).Style.Font.Bold = true;
        list.SheetView.FreezeRows(1);
        list.Range(1, 1, Math.Max(1, rows.Count + 1), header.Length).SetAutoFilter();
        list.Column(1).Width = 30; list.Column(2).Width = 28;
        for (var c = 3; c <= header.Length; c++) list.Column(c).Width = 16;

        var totals = book.Worksheets.Add(T("Dashboard.Totals"));
        var lines = Totals();
        for (var r = 0; r < lines.Count; r++)
        {
            totals.Cell(r + 1, 1).SetValue(Api.Downloads.Cell(lines[r][0]));
            for (var c = 1; c < lines[r].Length; c++)
            {
                if (r == 0) totals.Cell(1, c + 1).SetValue(lines[r][c]);
                else totals.Cell(r + 1, c + 1).Value = int.Parse(lines[r][c], CultureInfo.InvariantCulture);
            }
        }
        totals.Row(1).Style.Font.Bold = true;
        totals.Column(1).Width = 30;
        if (Texts.IsRightToLeft(Lang)) { list.RightToLeft = true; totals.RightToLeft = true; }

        using var buffer = new MemoryStream();
        book.SaveAs(buffer);
        return buffer.ToArray();
    }

    private string T(string key) => Texts.Get(key, Lang);
}
