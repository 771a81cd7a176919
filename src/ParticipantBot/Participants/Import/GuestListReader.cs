using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Xml;
using CsvHelper;
using CsvHelper.Configuration;
using static ParticipantBot.Participants.Import.GuestListLimits;

namespace ParticipantBot.Participants.Import;

/// <summary>
/// Reads CSV (UTF-8 with or without BOM, ';', ',' or tab) and Excel .xlsx guest lists into rows of text,
/// within <see cref="GuestListLimits"/>: the size of the file, of what an .xlsx unpacks to, its declared
/// dimension, the rows, the columns and each cell are checked before or while they are read, never after
/// something of their size was allocated. An .xlsx is read as a stream of XML (no DTD, no workbook model),
/// the first sheet only.
/// </summary>
public static class GuestListReader
{
    public const long MaxBytes = MaxFileBytes;

    public static GuestListTable Read(byte[] content, string? fileName)
    {
        if (content.Length == 0) throw new GuestListFileException("The file is empty.", "import.empty");
        if (content.Length > MaxFileBytes)
            throw new GuestListFileException($"The file is larger than {MaxFileBytes / 1024 / 1024} MB.", "import.fileTooLarge", Max(MaxFileBytes));
        var isZip = content.Length > 4 && content[0] == 'P' && content[1] == 'K' && content[2] == 3 && content[3] == 4;
        if (isZip) return ReadXlsx(content);
        var isOleCompound = content.Length > 8 && content.AsSpan(0, 8).SequenceEqual(new byte[] { 0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1 });
        if (isOleCompound || fileName?.EndsWith(".xls", StringComparison.OrdinalIgnoreCase) == true)
            throw new GuestListFileException("Old Excel .xls files are not read: save the sheet as .xlsx or CSV UTF-8.", "import.xlsNotSupported");
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
            throw new GuestListFileException("The file is not UTF-8 text. In Excel, save it as 'CSV UTF-8 (comma delimited)'.", "import.notUtf8");
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
            var count = parser.Count;
            if (count > MaxColumns) throw TooManyColumns(number);
            var record = new string[count];
            for (var i = 0; i < count; i++)
            {
                record[i] = parser[i] ?? "";
                if (record[i].Length > MaxCellLength) throw CellTooLong(number, ColumnName(headers, i));
            }
            if (record.All(string.IsNullOrWhiteSpace)) continue;
            // A cell an export protected against spreadsheet formulas ("'=...") comes back as it was written.
            for (var i = 0; i < count; i++) record[i] = Api.CsvCells.Restore(record[i]);
            if (headers is null) { headers = record.Select(h => h.Trim()).ToArray(); continue; }
            if (rows.Count >= MaxRows) throw TooManyRows();
            rows.Add(new GuestListRow(number, record));
        }
        if (headers is null) throw new GuestListFileException("The file has no header row.", "import.noHeader");
        return new GuestListTable("csv", headers, rows);
    }

    private static GuestListTable ReadXlsx(byte[] content)
    {
        try
        {
            using var zip = new ZipArchive(new MemoryStream(content, writable: false), ZipArchiveMode.Read);
            if (zip.Entries.Count > MaxZipEntries)
                throw new GuestListFileException($"The workbook holds more than {MaxZipEntries} parts.", "import.tooManyParts", Max(MaxZipEntries));
            var budget = new Budget();
            var workbookPath = MainPart(zip, budget) ?? "xl/workbook.xml";
            var (sheetPath, sharedPath) = SheetAndStrings(zip, workbookPath, budget);
            var shared = sharedPath is null || Find(zip, sharedPath) is not { } sharedEntry ? [] : SharedStrings(sharedEntry, budget);
            var sheet = Find(zip, sheetPath) ?? throw new GuestListFileException("The workbook has no sheet.", "import.noSheet");
            return Sheet(sheet, shared, budget);
        }
        catch (Exception e) when (e is InvalidDataException or XmlException or IOException)
        {
            throw new GuestListFileException("The file looks like an Excel workbook but cannot be opened: " + e.Message.Split('\n')[0], "import.unreadable");
        }
    }

    /// <summary>How much of the archive may still be unpacked; each part's declared size is charged before it is opened, and what it really gives while it is read.</summary>
    private sealed class Budget
    {
        public long Left { get; private set; } = MaxUncompressedBytes;

        public Stream Open(ZipArchiveEntry entry)
        {
            if (entry.Length > Left) throw TooLarge();
            return new LimitedStream(entry.Open(), this);
        }

        public void Spend(int bytes)
        {
            Left -= bytes;
            if (Left < 0) throw TooLarge();
        }

        private static GuestListFileException TooLarge() =>
            new($"The workbook unpacks to more than {MaxUncompressedBytes / 1024 / 1024} MB.", "import.uncompressedTooLarge", Max(MaxUncompressedBytes));
    }

    /// <summary>A part's stream that stops the read as soon as the archive's budget is spent, whatever size the part declared.</summary>
    private sealed class LimitedStream(Stream inner, Budget budget) : Stream
    {
        public override int Read(byte[] buffer, int offset, int count)
        {
            var read = inner.Read(buffer, offset, count);
            budget.Spend(read);
            return read;
        }

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        protected override void Dispose(bool disposing) { if (disposing) inner.Dispose(); base.Dispose(disposing); }
    }

    private static XmlReader Xml(Stream stream) => XmlReader.Create(stream, new XmlReaderSettings
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        IgnoreComments = true,
        IgnoreProcessingInstructions = true,
        CloseInput = true,
    });

    private static ZipArchiveEntry? Find(ZipArchive zip, string path)
    {
        var wanted = path.TrimStart('/');
        return zip.Entries.FirstOrDefault(e => string.Equals(e.FullName, wanted, StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>The workbook part named by the package's relations (xl/workbook.xml in every file Excel writes).</summary>
    private static string? MainPart(ZipArchive zip, Budget budget)
    {
        if (Find(zip, "_rels/.rels") is not { } rels) return null;
        return Relations(rels, budget).FirstOrDefault(r => r.Type.EndsWith("/officeDocument", StringComparison.Ordinal)).Target?.TrimStart('/');
    }

    private static List<(string Id, string Type, string Target)> Relations(ZipArchiveEntry entry, Budget budget)
    {
        var list = new List<(string, string, string)>();
        using var xml = Xml(budget.Open(entry));
        while (xml.Read())
            if (xml.NodeType == XmlNodeType.Element && xml.LocalName == "Relationship" && list.Count < MaxZipEntries)
                list.Add((xml.GetAttribute("Id") ?? "", xml.GetAttribute("Type") ?? "", xml.GetAttribute("Target") ?? ""));
        return list;
    }

    /// <summary>The first sheet's part and the shared strings' part, from the workbook and its relations.</summary>
    private static (string Sheet, string? SharedStrings) SheetAndStrings(ZipArchive zip, string workbookPath, Budget budget)
    {
        var folder = workbookPath.Contains('/') ? workbookPath[..(workbookPath.LastIndexOf('/') + 1)] : "";
        string? firstSheetId = null;
        if (Find(zip, workbookPath) is { } workbook)
        {
            using var xml = Xml(budget.Open(workbook));
            while (firstSheetId is null && xml.Read())
                if (xml.NodeType == XmlNodeType.Element && xml.LocalName == "sheet")
                    for (var i = 0; i < xml.AttributeCount; i++)
                    {
                        xml.MoveToAttribute(i);
                        if (xml.LocalName == "id" && xml.NamespaceURI.Contains("relationships", StringComparison.Ordinal)) firstSheetId = xml.Value;
                    }
        }
        var relations = Find(zip, $"{folder}_rels/{workbookPath[folder.Length..]}.rels") is { } rels ? Relations(rels, budget) : [];
        string Resolve(string target) => target.StartsWith('/') ? target.TrimStart('/') : folder + target;
        var sheet = relations.FirstOrDefault(r => r.Id == firstSheetId).Target is { Length: > 0 } t ? Resolve(t) : folder + "worksheets/sheet1.xml";
        var strings = relations.FirstOrDefault(r => r.Type.EndsWith("/sharedStrings", StringComparison.Ordinal)).Target is { Length: > 0 } s
            ? Resolve(s) : folder + "sharedStrings.xml";
        return (sheet, strings);
    }

    /// <summary>The shared strings, each kept to one character past the cell limit (a longer one is refused where a cell uses it).</summary>
    private static List<string> SharedStrings(ZipArchiveEntry entry, Budget budget)
    {
        var strings = new List<string>();
        using var xml = Xml(budget.Open(entry));
        xml.MoveToContent();
        while (!xml.EOF)
        {
            if (xml.NodeType == XmlNodeType.Element && xml.LocalName == "si")
            {
                if (strings.Count >= MaxRows * MaxColumns + MaxColumns)
                    throw new GuestListFileException("The workbook holds more texts than a guest list of its limits can.", "import.tooManyStrings", Max(MaxRows * MaxColumns));
                var text = InlineText(xml);
                strings.Add(text.Length > MaxCellLength ? text[..(MaxCellLength + 1)] : text);
                continue;
            }
            xml.Read();
        }
        return strings;
    }

    /// <summary>The text of an &lt;si&gt; or &lt;is&gt; element: its &lt;t&gt; runs, without phonetic guides; the reader ends past the element.</summary>
    private static string InlineText(XmlReader xml)
    {
        if (xml.IsEmptyElement) { xml.Read(); return ""; }
        var depth = xml.Depth;
        var sb = new StringBuilder();
        xml.Read();
        while (!xml.EOF && xml.Depth > depth)
        {
            if (xml.NodeType == XmlNodeType.Element && xml.LocalName == "rPh") { xml.Skip(); continue; }
            if (xml.NodeType == XmlNodeType.Element && xml.LocalName == "t")
            {
                sb.Append(Unescape(xml.ReadElementContentAsString()));
                if (sb.Length > MaxCellLength) sb.Length = MaxCellLength + 1;
                continue;
            }
            xml.Read();
        }
        if (xml.NodeType == XmlNodeType.EndElement) xml.Read();
        return sb.ToString();
    }

    private static GuestListTable Sheet(ZipArchiveEntry entry, List<string> shared, Budget budget)
    {
        using var xml = Xml(budget.Open(entry));
        var rows = new List<(int Number, string?[] Cells)>();
        var rowNumber = 0;
        var firstColumn = int.MaxValue;
        xml.MoveToContent();
        while (!xml.EOF)
        {
            if (xml.NodeType != XmlNodeType.Element) { xml.Read(); continue; }
            switch (xml.LocalName)
            {
                case "dimension":
                    CheckDimension(xml.GetAttribute("ref"));
                    xml.Read();
                    break;
                case "row":
                    rowNumber = xml.GetAttribute("r") is { } r && int.TryParse(r, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : rowNumber + 1;
                    if (rowNumber > MaxRows + 1 || rowNumber < 1) throw TooManyRows();
                    var cells = Row(xml, rowNumber, shared);
                    if (cells.Any(c => !string.IsNullOrWhiteSpace(c)))
                    {
                        if (rows.Count > MaxRows) throw TooManyRows();
                        rows.Add((rowNumber, cells));
                        firstColumn = Math.Min(firstColumn, Array.FindIndex(cells, c => !string.IsNullOrWhiteSpace(c)));
                    }
                    break;
                default:
                    xml.Read();
                    break;
            }
        }
        if (rows.Count == 0) throw new GuestListFileException("The first sheet is empty.", "import.emptySheet");
        // Columns count from the first one used, as the sheet shows them.
        var table = rows.OrderBy(r => r.Number).Select(r => (r.Number, Cells: r.Cells.Skip(firstColumn).Select(c => c ?? "").ToArray())).ToList();
        var headers = table[0].Cells.Select(h => h.Trim()).ToArray();
        return new GuestListTable("xlsx", headers, table.Skip(1).Select(r => new GuestListRow(r.Number, r.Cells)).ToList());
    }

    /// <summary>A row's cells by column (0 = A); the reader ends past the row.</summary>
    private static string?[] Row(XmlReader xml, int rowNumber, List<string> shared)
    {
        var cells = new string?[MaxColumns];
        var used = 0;
        if (xml.IsEmptyElement) { xml.Read(); return []; }
        var depth = xml.Depth;
        var column = -1;
        xml.Read();
        while (!xml.EOF && xml.Depth > depth)
        {
            if (xml.NodeType != XmlNodeType.Element || xml.LocalName != "c") { xml.Read(); continue; }
            column = xml.GetAttribute("r") is { } reference && ColumnIndex(reference) is { } index ? index : column + 1;
            if (column >= MaxColumns) throw TooManyColumns(rowNumber);
            var type = xml.GetAttribute("t");
            var text = Cell(xml, type, shared, rowNumber, column);
            if (text.Length > MaxCellLength) throw CellTooLong(rowNumber, ColumnLetters(column));
            cells[column] = text;
            used = Math.Max(used, column + 1);
        }
        if (xml.NodeType == XmlNodeType.EndElement) xml.Read();
        return cells[..used];
    }

    /// <summary>A cell's value as text; the reader ends past the cell.</summary>
    private static string Cell(XmlReader xml, string? type, List<string> shared, int rowNumber, int column)
    {
        if (xml.IsEmptyElement) { xml.Read(); return ""; }
        var depth = xml.Depth;
        string? value = null, inline = null;
        xml.Read();
        while (!xml.EOF && xml.Depth > depth)
        {
            if (xml.NodeType == XmlNodeType.Element && xml.LocalName == "v") { value = xml.ReadElementContentAsString(); continue; }
            if (xml.NodeType == XmlNodeType.Element && xml.LocalName == "is") { inline = InlineText(xml); continue; }
            if (xml.NodeType == XmlNodeType.Element) { xml.Skip(); continue; }
            xml.Read();
        }
        if (xml.NodeType == XmlNodeType.EndElement) xml.Read();
        switch (type)
        {
            case "s":
                if (!int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var index) || index >= shared.Count)
                    throw new GuestListFileException($"Cell {ColumnLetters(column)}{rowNumber} names a text the workbook does not hold.", "import.unreadable",
                        row: rowNumber, column: ColumnLetters(column));
                return shared[index];
            case "inlineStr":
                return inline ?? "";
            case "b":
                return value?.Trim() switch { "1" => "yes", "0" => "no", _ => value ?? "" };
            case "str" or "e" or "d":
                return value ?? "";
            default:
                // Numbers as Excel keeps them, written without exponent or grouping (a phone typed as a number stays its digits).
                return value is not null && double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number)
                    ? number.ToString(CultureInfo.InvariantCulture) : value ?? "";
        }
    }

    /// <summary>
    /// Decodes OOXML's escapes of characters in text (ST_Xstring, "_xHHHH_"): what some writers use for
    /// control characters and characters outside the BMP ("_xD83D__xDE00_" is an emoji; "_x005F_" an underscore).
    /// </summary>
    internal static string Unescape(string text)
    {
        if (!text.Contains("_x", StringComparison.Ordinal)) return text;
        var sb = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '_' && i + 6 < text.Length && text[i + 1] == 'x' && text[i + 6] == '_'
                && int.TryParse(text.AsSpan(i + 2, 4), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var code))
            {
                sb.Append((char)code);
                i += 6;
                continue;
            }
            sb.Append(text[i]);
        }
        return sb.ToString();
    }

    /// <summary>Refuses a sheet that declares more rows or columns than a guest list may have ("A1:XFD1048576").</summary>
    private static void CheckDimension(string? reference)
    {
        if (string.IsNullOrEmpty(reference)) return;
        var last = reference.Contains(':') ? reference[(reference.IndexOf(':') + 1)..] : reference;
        var column = ColumnIndex(last);
        var digits = new string(last.SkipWhile(char.IsAsciiLetter).ToArray());
        var row = int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var r) ? r : 0;
        if (row > MaxRows + 1 || column >= MaxColumns)
            throw new GuestListFileException(
                $"The sheet declares {reference}: a guest list has at most {MaxRows} rows under its header and {MaxColumns} columns.",
                "import.dimensionTooLarge", new Dictionary<string, object?> { ["dimension"] = reference.Length > 30 ? reference[..30] : reference, ["maxRows"] = MaxRows, ["maxColumns"] = MaxColumns });
    }

    /// <summary>The 0-based column of a cell reference ("B7" is 1); null when it has no letters. Stops counting past the limit.</summary>
    private static int? ColumnIndex(string reference)
    {
        var index = 0;
        var letters = 0;
        foreach (var c in reference)
        {
            if (!char.IsAsciiLetter(c)) break;
            letters++;
            if (letters > 3) return int.MaxValue;
            index = index * 26 + (char.ToUpperInvariant(c) - 'A' + 1);
        }
        return letters == 0 ? null : index - 1;
    }

    private static string ColumnLetters(int index)
    {
        var sb = new StringBuilder();
        for (var n = index + 1; n > 0; n = (n - 1) / 26) sb.Insert(0, (char)('A' + (n - 1) % 26));
        return sb.ToString();
    }

    private static string ColumnName(string[]? headers, int index) =>
        headers is not null && index < headers.Length && headers[index].Length > 0 ? headers[index] : ColumnLetters(index);

    private static GuestListFileException TooManyRows() =>
        new($"The guest list has more than {MaxRows} rows under its header: split it.", "import.tooManyRows", Max(MaxRows));

    private static GuestListFileException TooManyColumns(int row) =>
        new($"Row {row} has more than {MaxColumns} columns.", "import.tooManyColumns", Max(MaxColumns), row);

    private static GuestListFileException CellTooLong(int row, string column) =>
        new($"The cell of row {row}, column {column} has more than {MaxCellLength} characters.", "import.cellTooLong", Max(MaxCellLength), row, column);
}
