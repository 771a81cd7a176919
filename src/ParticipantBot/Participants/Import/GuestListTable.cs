namespace ParticipantBot.Participants.Import;

/// <summary>A file's cells as text: the header names and each data row with its row number as a spreadsheet shows it.</summary>
public sealed record GuestListTable(string FileType, IReadOnlyList<string> Headers, IReadOnlyList<GuestListRow> Rows);

public sealed record GuestListRow(int Number, IReadOnlyList<string> Cells)
{
    public string Cell(int index) => index < Cells.Count ? Cells[index].Trim() : string.Empty;
}

/// <summary>The file as a whole cannot be read; the message says why.</summary>
public sealed class GuestListFileException(string message) : Exception(message);
