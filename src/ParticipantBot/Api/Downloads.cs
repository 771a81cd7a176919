using System.Globalization;
using System.Text;
using CsvHelper;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ParticipantBot.Api;

/// <summary>The exports' two formats: the choice of one, CSV as Excel opens it, and the file answered.</summary>
public static class Downloads
{
    public const string XlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private static readonly string[] Formats = ["csv", "xlsx"];

    /// <returns>"csv" or "xlsx" (the default); null, with the error added, for anything else.</returns>
    public static string? Format(string? format, List<ApiError> errors)
    {
        var kind = (format ?? "xlsx").Trim().ToLowerInvariant();
        if (kind is "csv" or "xlsx") return kind;
        errors.Add(ApiError.ForField("format", $"Unknown format '{format}': use csv or xlsx.", "value.unknown",
            new Dictionary<string, object?> { ["value"] = Domain.Common.Text.Printable(format, max: 70), ["allowed"] = Formats }));
        return null;
    }

    /// <summary>
    /// UTF-8 with a byte order mark, so that Excel opens Arabic and accented names correctly; an empty line
    /// is a blank line. Every cell is written as text: formula-leading cells are neutralised
    /// (<see cref="CsvCells"/>), characters no file should carry are dropped (<see cref="Domain.Common.Text.Printable"/>,
    /// line breaks kept inside quoted cells), and a cell is cut at Excel's limit of 32,767 characters.
    /// </summary>
    public static byte[] Csv(IEnumerable<IEnumerable<string>> lines)
    {
        using var buffer = new MemoryStream();
        using (var writer = new StreamWriter(buffer, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true)))
        using (var csv = new CsvWriter(writer, new CsvHelper.Configuration.CsvConfiguration(CultureInfo.InvariantCulture) { ShouldQuote = a => NeedsQuotes(a.Field) }))
            foreach (var line in lines) { foreach (var field in line) csv.WriteField(CsvCells.Protect(Cell(field))); csv.NextRecord(); }
        return buffer.ToArray();
    }

    /// <summary>Excel's limit for the text of one cell.</summary>
    public const int MaxCellLength = 32_767;

    /// <summary>A text as a spreadsheet cell can hold it (CSV or .xlsx): printable, lines kept, at most <see cref="MaxCellLength"/> characters.</summary>
    public static string Cell(string? value) => Domain.Common.Text.Printable(value, keepLines: true, max: MaxCellLength);

    private static bool NeedsQuotes(string? field) =>
        !string.IsNullOrEmpty(field) && (field.IndexOfAny([',', ';', '"', '\r', '\n', '\t']) >= 0 || field[0] == ' ' || field[^1] == ' ' || field[0] == '\'');

    public static FileContentHttpResult File(string kind, Func<byte[]> csv, Func<byte[]> xlsx, Func<string, string> fileName) =>
        kind == "csv"
            ? TypedResults.File(csv(), "text/csv; charset=utf-8", fileName("csv"))
            : TypedResults.File(xlsx(), XlsxType, fileName("xlsx"));
}
