using System.Text.Json.Serialization;
using ParticipantBot.Domain.Common;
using ParticipantBot.Domain.Participants;
using ParticipantBot.Resources;

namespace ParticipantBot.Reporting;

/// <summary>One cell as published: its text ("12", "&lt;5", "x"), its value when shown, and why it is hidden.</summary>
public sealed record ReportCell(string Text, int? Value, CellState State)
{
    public static ReportCell Plain(string text) => new(text, null, CellState.Shown);
}

public sealed record ReportRow(string Key, string Label, IReadOnlyList<ReportCell> Cells, bool IsTotal = false);

/// <summary>A table of the report: <see cref="Columns"/> starts with the header of the row labels.</summary>
public sealed record ReportTable(string Id, string Title, IReadOnlyList<string> Columns, IReadOnlyList<ReportRow> Rows)
{
    public ReportRow Row(string key) => Rows.Single(r => r.Key == key);
}

/// <summary>A chart as a PNG (kept out of the JSON), with the title and the figures it draws.</summary>
public sealed record ReportChart(string Id, string Title, [property: JsonIgnore] byte[] Png, int Width, int Height);

public sealed record ReportSection(string Id, string Heading, IReadOnlyList<string> Paragraphs, IReadOnlyList<ReportTable> Tables, IReadOnlyList<ReportChart> Charts);

/// <summary>The consultation report, in one language: the same content for the .docx, the printable page and the API.</summary>
public sealed record ConsultationReport(
    string Scope, string CampaignId, string? SessionId, Language Language, string Direction, string Title, string Subtitle, string Generated,
    IReadOnlyList<ReportSection> Sections)
{
    public bool RightToLeft => Direction == "rtl";

    public ReportTable Table(string id) => Sections.SelectMany(s => s.Tables).Single(t => t.Id == id);

    public string FileName(string extension) => $"report-{(SessionId ?? CampaignId)[..8]}-{Language.Code()}.{extension}";
}

/// <summary>Labels of the report's rows and columns in the campaign's language.</summary>
public static class ReportLabels
{
    public static string AgeBand(string code, Language lang)
    {
        if (code == AgeBands.PreferNotToSay) return Texts.Get("AgeBand.PreferNotToSay", lang);
        if (code == AgeBands.NotStated) return Texts.Get("AgeBand.NotStated", lang);
        if (!AgeBands.TryRange(code, out var from, out var to)) return code;
        if (code.EndsWith('+')) return Texts.Format("AgeBand.Over", lang, from);
        if (from == 0) return Texts.Format("AgeBand.Under", lang, to + 1);
        return Texts.Format("AgeBand.Range", lang, from, to);
    }

    public static string Disability(string value, Language lang) =>
        Texts.Get("Disability." + char.ToUpperInvariant(value[0]) + value[1..], lang);

    public static string Stage(Stage stage, Language lang) => Texts.Get("Report.Stage." + stage, lang);
}
