using System.Globalization;
using System.Text;
using CsCheck;
using CsvHelper;
using ParticipantBot.Api;
using ParticipantBot.Domain.Common;
using ParticipantBot.Tests.Support;

namespace ParticipantBot.Tests.Api;

/// <summary>The CSV writer of every export: whatever a cell holds, it comes out as text a spreadsheet will not run, and reads back as it was.</summary>
public sealed class CsvWriterPropertyTests
{
    private static List<string[]> ReadBack(byte[] csv)
    {
        using var reader = new StringReader(new UTF8Encoding(false).GetString(csv).TrimStart('\uFEFF'));
        using var parser = new CsvParser(reader, CultureInfo.InvariantCulture);
        var rows = new List<string[]>();
        while (parser.Read()) rows.Add(parser.Record!);
        return rows;
    }

    [Fact]
    public void AnyCell_IsWrittenWithoutALiveFormula_AndReadsBackAsItsPrintableText()
    {
        Seeded.Check(HostileText.Any.Array[1, 6], cells =>
        {
            var rows = ReadBack(Downloads.Csv([cells]));
            // A line of one empty cell is a blank line, which a CSV reader skips.
            if (cells.Length == 1 && Text.Printable(cells[0], keepLines: true).Length == 0) { Assert.Empty(rows); return; }
            var row = Assert.Single(rows);
            Assert.Equal(cells.Length, row.Length);
            for (var i = 0; i < cells.Length; i++)
            {
                Assert.False(row[i].Length > 0 && CsvCells.IsFormulaTrigger(row[i][0]), $"Cell {i} starts with a formula character: {Seeded.Escape(row[i])}");
                Assert.Equal(Text.Printable(cells[i], keepLines: true), CsvCells.Restore(row[i]));
                Assert.Null(Text.Check(row[i], new TextRule("cell", int.MaxValue, MultiLine: true)));
            }
        }, iterations: 2000);
    }

    [Fact]
    public void ProtectThenRestore_GivesBackEveryString()
    {
        Seeded.Check(HostileText.Any, s => Assert.Equal(s, CsvCells.Restore(CsvCells.Protect(s))), iterations: 5000);
    }

    [Theory]
    [InlineData("=HYPERLINK(\"http://evil.example\",\"click\")", "'=HYPERLINK(\"http://evil.example\",\"click\")")]
    [InlineData("+212 6 12 34 56 78", "'+212 6 12 34 56 78")]
    [InlineData("-2+3", "'-2+3")]
    [InlineData("@SUM(A1)", "'@SUM(A1)")]
    [InlineData("\t=1", "'\t=1")]
    [InlineData("'=1", "''=1")]
    [InlineData("Fatima", "Fatima")]
    [InlineData("'quoted", "'quoted")]
    public void FormulaLeadingCells_GetOneQuoteInFront(string cell, string written)
    {
        Assert.Equal(written, CsvCells.Protect(cell));
        Assert.Equal(written, ReadBack(Downloads.Csv([[cell]]))[0][0]);
    }

    [Fact]
    public void ACellLongerThanExcelTakes_IsCutAtItsLimit()
    {
        var rows = ReadBack(Downloads.Csv([[new string('x', 1_000_000)]]));
        Assert.Equal(Downloads.MaxCellLength, rows[0][0].Length);
    }
}
