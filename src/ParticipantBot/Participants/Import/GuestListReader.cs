using System.Globalization;
using System.Text;
using ClosedXML.Excel;
using CsvHelper;
using CsvHelper.Configuration;

namespace ParticipantBot.Participants.Import;

/// <summary>Reads CSV (UTF-8 with or without BOM, ';' or ',') and Excel .xlsx guest lists into rows of text.</summary>
public static class GuestListReader
{
    public const long MaxBytes = 20 * 1024 * 1024;

    public static GuestListTable Read(byte[] content, string? fileName)
    {
        if (content.Length == 0) throw new GuestListFileException("The file is empty.");
        if (content.Length > MaxBytes) throw new GuestListFileException($"The file is larger than {MaxBytes / 1024 / 1024} MB.");
        var isZip = content.Length > 4 && content[0] == 'P' && content[1] == 'K' && content[2] == 3 && content[3] == 4;
        if (isZip) return ReadXlsx(content);
        if (fileName?.EndsWith(".xls", StringComparison.OrdinalIgnoreCase) == true)
            throw new GuestListFileException("Old Excel .xls files are not read: save the sheet as .xlsx or CSV UTF-8.");
        return ReadCsv(content);
    }

    private static GuestListTable ReadCsv(byte[] content)
    {
        string text;
        try
        {
            var offset = content.AsSpan().StartsWith(Encoding.UTF8.Preamble) ? 3 : 0;
            text = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(content, offset, content.Length - offset);
        }
        catch (DecoderFallbackException)
        {
            throw new GuestListFileException("The file is not UTF-8 text. In Excel, save it as 'CSV UTF-8 (comma delimited)'.");
        }
        var firstLine = text.Split('\n', 2)[0];
        var delimiter = firstLine.Count(c => c == ';') > firstLine.Count(c => c == ',') ? ";" : firstLine.Contains('\t') && !firstLine.Contains(',') ? "\t" : ",";
        var config = new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            Delimiter = delimiter,
            HasHeaderRecord = false,
            BadDataFound = null,
            MissingFieldFound = null,
            DetectColumnCountChanges = false,
        };
        using var reader = new StringReader(text);
        using var parser = new CsvParser(reader, config);
        string[]? headers = null;
        var rows = new List<GuestListRow>();
        var number = 0;
        while (parser.Read())
        {
            number++;
            var record = parser.Record ?? [];
            if (record.All(string.IsNullOrWhiteSpace)) continue;
            if (headers is null) { headers = record.Select(h => h.Trim()).ToArray(); continue; }
            rows.Add(new GuestListRow(number, record));
        }
        if (headers is null) throw new GuestListFileException("The file has no header row.");
        return new GuestListTable("csv", headers, rows);
    }

    private static GuestListTable ReadXlsx(byte[] content)
    {
        XLWorkbook workbook;
        try { workbook = new XLWorkbook(new MemoryStream(content)); }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            throw new GuestListFileException("The file looks like an Excel workbook but cannot be opened: " + e.Message);
        }
        using (workbook)
        {
            var sheet = workbook.Worksheets.FirstOrDefault() ?? throw new GuestListFileException("The workbook has no sheet.");
            var used = sheet.RangeUsed() ?? throw new GuestListFileException("The first sheet is empty.");
            var firstColumn = used.FirstColumn().ColumnNumber();
            var lastColumn = used.LastColumn().ColumnNumber();
            string[]? headers = null;
            var rows = new List<GuestListRow>();
            foreach (var row in sheet.Rows(used.FirstRow().RowNumber(), used.LastRow().RowNumber()))
            {
                var cells = new string[lastColumn - firstColumn + 1];
                for (var c = firstColumn; c <= lastColumn; c++)
                    cells[c - firstColumn] = CellText(row.Cell(c));
                if (cells.All(string.IsNullOrWhiteSpace)) continue;
                if (headers is null) { headers = cells.Select(h => h.Trim()).ToArray(); continue; }
                rows.Add(new GuestListRow(row.RowNumber(), cells));
            }
            if (headers is null) throw new GuestListFileException("The first sheet has no header row.");
            return new GuestListTable("xlsx", headers, rows);
        }
    }

    private static string CellText(IXLCell cell) =>
        cell.DataType switch
        {
            XLDataType.Number => cell.GetDouble().ToString(CultureInfo.InvariantCulture),
            XLDataType.Boolean => cell.GetBoolean() ? "yes" : "no",
            _ => cell.GetString(),
        };
}
