using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using ParticipantBot.Domain.Common;
using ParticipantBot.Resources;

namespace ParticipantBot.Reporting;

/// <summary>The report as a printable page: the same sections, tables and charts as the .docx, with a print stylesheet.</summary>
public static class ReportHtml
{
    public static string Write(ConsultationReport report, string? docxLink = null)
    {
        var e = HtmlEncoder.Create(UnicodeRanges.All);
        var lang = report.Language;
        var html = new StringBuilder()
            .Append(CultureInfo.InvariantCulture, $"<!DOCTYPE html><html lang=\"{lang.Code()}\" dir=\"{report.Direction}\"><head><meta charset=\"utf-8\">")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><meta name=\"robots\" content=\"noindex\">")
            .Append(CultureInfo.InvariantCulture, $"<title>{e.Encode(report.Title)} – {e.Encode(report.Subtitle)}</title><style>")
            .Append("body{font-family:'Noto Sans','Noto Naskh Arabic','Segoe UI',Tahoma,Arial,sans-serif;max-width:52rem;margin:1.5rem auto;padding:0 1rem;color:#242424;line-height:1.45}")
            .Append("h1{color:#0B3C5D;margin-bottom:.2rem}h2{color:#0B3C5D;border-bottom:2px solid #DCEBEF;padding-bottom:.2rem;margin-top:2rem}h3{color:#0B6A7A}")
            .Append("table{border-collapse:collapse;width:100%;margin:.5rem 0 1rem}th,td{border:1px solid #8a8a8a;padding:.25rem .5rem;text-align:start}")
            .Append("th{background:#DCEBEF}td.n{text-align:center}tr.total td{font-weight:600;background:#f2f2f2}")
            .Append("figure{margin:1rem 0;text-align:center}img{max-width:100%;height:auto}figcaption{font-style:italic;color:#555}")
            .Append(".subtitle{font-size:1.2rem;color:#0B6A7A;margin:0}.muted{color:#616161;font-style:italic}nav.actions{margin:.75rem 0}nav.actions a,nav.actions button{margin-inline-end:1rem}")
            .Append("@media print{nav.actions{display:none}body{max-width:none;margin:0}h2{break-after:avoid}table,figure{break-inside:avoid}}")
            .Append("</style></head><body>")
            .Append(CultureInfo.InvariantCulture, $"<h1>{e.Encode(report.Title)}</h1><p class=\"subtitle\">{e.Encode(report.Subtitle)}</p><p class=\"muted\">{e.Encode(report.Generated)}</p>")
            .Append("<nav class=\"actions\">")
            .Append(CultureInfo.InvariantCulture, $"<button type=\"button\" onclick=\"window.print()\">{e.Encode(Texts.Get("Report.Print", lang))}</button>");
        if (docxLink is not null) html.Append(CultureInfo.InvariantCulture, $"<a href=\"{e.Encode(docxLink)}\" download>{e.Encode(Texts.Get("Report.Download", lang))}</a>");
        html.Append("</nav>");
        foreach (var section in report.Sections)
        {
            html.Append(CultureInfo.InvariantCulture, $"<section id=\"{e.Encode(section.Id)}\"><h2>{e.Encode(section.Heading)}</h2>");
            foreach (var p in section.Paragraphs) html.Append(CultureInfo.InvariantCulture, $"<p>{e.Encode(p)}</p>");
            foreach (var table in section.Tables)
            {
                if (table.Title != section.Heading) html.Append(CultureInfo.InvariantCulture, $"<h3>{e.Encode(table.Title)}</h3>");
                html.Append(CultureInfo.InvariantCulture, $"<table id=\"{e.Encode(table.Id)}\"><thead><tr>");
                foreach (var c in table.Columns) html.Append(CultureInfo.InvariantCulture, $"<th scope=\"col\">{e.Encode(c)}</th>");
                html.Append("</tr></thead><tbody>");
                foreach (var row in table.Rows)
                {
                    html.Append(row.IsTotal ? "<tr class=\"total\">" : "<tr>").Append(CultureInfo.InvariantCulture, $"<th scope=\"row\">{e.Encode(row.Label)}</th>");
                    foreach (var cell in row.Cells) html.Append(CultureInfo.InvariantCulture, $"<td class=\"n\" data-state=\"{EnumNames.Of(cell.State)}\"><bdi dir=\"ltr\">{e.Encode(cell.Text)}</bdi></td>");
                    html.Append("</tr>");
                }
                html.Append("</tbody></table>");
            }
            foreach (var chart in section.Charts)
                html.Append(CultureInfo.InvariantCulture, $"<figure><img src=\"data:image/png;base64,{Convert.ToBase64String(chart.Png)}\" alt=\"{e.Encode(chart.Title)}\" width=\"{chart.Width}\" height=\"{chart.Height}\"><figcaption>{e.Encode(chart.Title)}</figcaption></figure>");
            html.Append("</section>");
        }
        return html.Append("</body></html>").ToString();
    }
}
