namespace ParticipantBot.Participants.Import;

/// <summary>
/// What a guest list file may be, checked before anything large is read or allocated (README, "Limits").
/// </summary>
public static class GuestListLimits
{
    /// <summary>The file as uploaded (CSV or .xlsx).</summary>
    public const long MaxFileBytes = 20 * 1024 * 1024;
    /// <summary>An .xlsx's parts that are read (workbook, its relations, shared strings, the first sheet), uncompressed, together.</summary>
    public const long MaxUncompressedBytes = 40 * 1024 * 1024;
    /// <summary>Entries of the .xlsx zip archive.</summary>
    public const int MaxZipEntries = 1000;
    /// <summary>Data rows below the header row; an .xlsx row number may not pass this plus one either, nor the sheet's declared dimension.</summary>
    public const int MaxRows = 20_000;
    /// <summary>Columns of the header and of any row (and of the sheet's declared dimension).</summary>
    public const int MaxColumns = 50;
    /// <summary>Characters of one cell: more than the longest field takes (2,000).</summary>
    public const int MaxCellLength = 2_000;

    internal static Dictionary<string, object?> Max(long max) => new() { ["max"] = max };
}
