using System.Globalization;
using System.Text;
using CsvHelper;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ParticipantBot.Api;

/// <summary>The exports' two formats: the choice of one, CSV as Excel opens it, and the file answered.</summary>
public static class Downloads
{
    public const string XlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /// <returns>"csv" or "xlsx" (the default); null, with the error added, for anything else.</returns>
    public static string? Format(string? format, List<ApiError> errors)
    {
        var kind = (format ?? "xlsx").Trim().ToLowerInvariant();
        if (kind is "csv" or "xlsx") return kind;
        errors.Add(ApiError.ForField("format", $"Unknown format '{format}': use csv or xlsx."));
        return null;
    }

    /// <summary>UTF-8 with a byte order mark, so that Excel opens Arabic and accented names correctly; an empty line is a blank line.</summary>
    public static byte[] Csv(IEnumerable<IEnumerable<string>> lines)
    {
        using var buffer = new MemoryStream();
        using (var writer = new StreamWriter(buffer, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true)))
        using (var csv = new CsvWriter(writer, CultureInfo.InvariantCulture))
            foreach (var line in lines) { foreach (var field in line) csv.WriteField(field); csv.NextRecord(); }
        return buffer.ToArray();
    }

    public static FileContentHttpResult File(string kind, Func<byte[]> csv, Func<byte[]> xlsx, Func<string, string> fileName) =>
        kind == "csv"
            ? TypedResults.File(csv(), "text/csv; charset=utf-8", fileName("csv"))
            : TypedResults.File(xlsx(), XlsxType, fileName("xlsx"));
}
