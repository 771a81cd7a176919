using System.Globalization;
using ClosedXML.Excel;
using ParticipantBot.Domain.Common;
using ParticipantBot.Resources;

namespace ParticipantBot.Surveys;

/// <summary>
/// Survey results as CSV or Excel, in the campaign's language: one line per question and value
/// (count, and the average or the points where they apply), for everyone and then per group and sex
/// as the results show them (so small anonymous groups stay merged). Comments are listed whole.
/// </summary>
public sealed class SurveyExport(Language lang, Domain.Campaigns.Session session, SurveyResultsDto results)
{
    public string FileName(string extension) =>
        $"survey-{session.LocalStart.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}.{extension}";

    private List<string[]> Lines()
    {
        var lines = new List<string[]> { new[] { T("Survey.Column.Who"), T("Survey.Column.Question"), T("Survey.Column.Answer"), T("Survey.Column.Count"), T("Survey.Column.Points") } };
        void Add(string who, IEnumerable<QuestionResult> questions)
        {
            foreach (var q in questions)
            {
                foreach (var d in q.Distribution) lines.Add([who, q.Text, d.Label, N(d.Count), ""]);
                if (q.Average is { } average) lines.Add([who, q.Text, Texts.Format("Dashboard.Survey.Average", lang, average.ToString("0.00", CultureInfo.InvariantCulture)), N(q.Answers), ""]);
                foreach (var p in q.Points ?? []) lines.Add([who, q.Text, p.Label, "", Texts.Format("Dashboard.Survey.Points", lang, p.Count)]);
                foreach (var c in q.Comments ?? []) lines.Add([who, q.Text, c, "", ""]);
            }
        }
        Add(T("Dashboard.All"), results.Questions);
        foreach (var g in results.ByGroup.Concat(results.BySex)) Add($"{g.Label} ({N(g.Responses)})", g.Questions);
        return lines;
    }

    public byte[] Csv() => Api.Downloads.Csv(Lines());

    public byte[] Xlsx()
    {
        using var book = new XLWorkbook();
        var sheet = book.Worksheets.Add(T("Dashboard.Survey"));
        var lines = Lines();
        for (var r = 0; r < lines.Count; r++)
            for (var c = 0; c < lines[r].Length; c++)
            {
                var cell = sheet.Cell(r + 1, c + 1);
                if (c == 3 && r > 0 && int.TryParse(lines[r][c], out var n)) cell.Value = n; else cell.SetValue(Api.Downloads.Cell(lines[r][c]));
            }
        sheet.Row(1).Style.Font.Bold = true;
        sheet.SheetView.FreezeRows(1);
        sheet.Column(1).Width = 24; sheet.Column(2).Width = 50; sheet.Column(3).Width = 40; sheet.Column(5).Width = 14;
        if (Texts.IsRightToLeft(lang)) sheet.RightToLeft = true;
        using var buffer = new MemoryStream();
        book.SaveAs(buffer);
        return buffer.ToArray();
    }

    private string T(string key) => Texts.Get(key, lang);
    private static string N(int n) => n.ToString(CultureInfo.InvariantCulture);
}
