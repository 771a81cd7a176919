namespace ParticipantBot.Participants.Import;

/// <summary>A file's cells as text: the header names and each data row with its row number as a spreadsheet shows it.</summary>
public sealed record GuestListTable(string FileType, IReadOnlyList<string> Headers, IReadOnlyList<GuestListRow> Rows);

public sealed record GuestListRow(int Number, IReadOnlyList<string> Cells)
{
    public string Cell(int index) => index < Cells.Count ? Cells[index].Trim() : string.Empty;
}

/// <summary>
/// The file as a whole cannot be read; the message says why, the code and its arguments say it for
/// machines ("import.tooManyRows" {max}), and row and column say where when one cell is the cause.
/// </summary>
public sealed class GuestListFileException(string message, string code = "import.unreadable", IReadOnlyDictionary<string, object?>? args = null,
    int? row = null, string? column = null) : Exception(message)
{
    public string Code { get; } = code;
    public IReadOnlyDictionary<string, object?>? Args { get; } = args;
    public int? Row { get; } = row;
    public string? Column { get; } = column;

    public Api.ApiError ToError() => new(Row, Column, "file", Message, Code, Args);
}
