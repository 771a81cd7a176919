namespace ParticipantBot.Api;

/// <summary>
/// CSV cells that a spreadsheet would run as a formula, neutralised as OWASP recommends ("CSV
/// injection"): a cell that starts with =, +, -, @, a tab or a carriage return (after any single quotes)
/// gets one more single quote in front, so that Excel and LibreOffice show it as text. The guest list
/// import takes that quote off again, so an exported "+212 6 12 34 56 78" imported again comes back
/// unchanged; <see cref="Restore"/>(<see cref="Protect"/>(s)) is s for every s.
/// </summary>
public static class CsvCells
{
    public static bool IsFormulaTrigger(char c) => c is '=' or '+' or '-' or '@' or '\t' or '\r';

    public static string Protect(string? value)
    {
        if (string.IsNullOrEmpty(value)) return value ?? "";
        var i = 0;
        while (i < value.Length && value[i] == '\'') i++;
        return i < value.Length && IsFormulaTrigger(value[i]) ? "'" + value : value;
    }

    public static string Restore(string value)
    {
        if (value.Length < 2 || value[0] != '\'') return value;
        var i = 1;
        while (i < value.Length && value[i] == '\'') i++;
        return i < value.Length && IsFormulaTrigger(value[i]) ? value[1..] : value;
    }
}
