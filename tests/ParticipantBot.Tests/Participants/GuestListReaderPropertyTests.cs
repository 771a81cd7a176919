using System.Text;
using ClosedXML.Excel;
using CsCheck;
using ParticipantBot.Api;
using ParticipantBot.Configuration;
using ParticipantBot.Domain.Common;
using ParticipantBot.Participants.Import;
using ParticipantBot.Tests.Support;

namespace ParticipantBot.Tests.Participants;

/// <summary>The guest list reader and parser fed anything: a file problem or rows with their errors, never an exception of another kind.</summary>
public sealed class GuestListReaderPropertyTests
{
    private static readonly string[] Headers = ["name", "email", "phone", "organisation", "group", "sex", "timeZone", "diet"];

    /// <summary>Reads and parses; a file that cannot be read is a <see cref="GuestListFileException"/> with a code, anything else fails the property.</summary>
    private static void ReadAndParse(byte[] content, string fileName)
    {
        GuestListTable table;
        try { table = GuestListReader.Read(content, fileName); }
        catch (GuestListFileException e) { Assert.StartsWith("import.", e.Code); return; }
        var (rows, fileErrors, _) = new GuestListParser(new AppOptions(), Language.Fr).Parse(table);
        Assert.All(fileErrors, e => Assert.Equal(1, e.Row));
        foreach (var row in rows)
        {
            Assert.True(row.Row >= 1);
            Assert.All(row.Errors, e => Assert.True(e.Row == row.Row && (e.Column is not null || e.Field is not null), $"An error without its place: {e}"));
            if (row.Errors.Count == 0) Assert.Empty(row.Details!.Problems());
        }
    }

    [Fact]
    public void AnyBytes_GiveAFileProblemOrRows_NeverAnotherException()
    {
        Seeded.Check(Gen.Byte.Array[0, 600], bytes => ReadAndParse(bytes, "guests.csv"), iterations: 1500, print: b => Convert.ToBase64String(b));
    }

    [Fact]
    public void AnyZipLikeBytes_GiveAFileProblem_NeverAnotherException()
    {
        var zipHeaded = Gen.Byte.Array[0, 400].Select(b => (byte[])[(byte)'P', (byte)'K', 3, 4, .. b]);
        Seeded.Check(zipHeaded, bytes => ReadAndParse(bytes, "guests.xlsx"), iterations: 800, print: b => Convert.ToBase64String(b));
    }

    [Fact]
    public void AnyCsvText_GivesAFileProblemOrRowsWithTheirPlace()
    {
        var csv = HostileText.Any.Array[1, 8].Array[1, 6]
            .Select(rows => string.Join("\n", new[] { string.Join(";", Headers) }.Concat(rows.Select(r => string.Join(";", r)))));
        Seeded.Check(csv, text => ReadAndParse(Encoding.UTF8.GetBytes(text), "guests.csv"), iterations: 1500);
    }

    /// <summary>An organiser's export opened and imported again: every value comes back as it was, "+212 6..." and "=x" included.</summary>
    [Fact]
    public void CellsExportedAsCsv_AndImportedAgain_ComeBackUnchanged()
    {
        var cells = HostileText.Storable.Array[Headers.Length];
        Seeded.Check(cells.Array[1, 5], rows =>
        {
            var csv = Downloads.Csv([Headers, .. rows]);
            var table = GuestListReader.Read(csv, "export.csv");
            var expected = rows.Where(r => r.Any(c => c.Length > 0)).ToList();
            Assert.Equal(expected.Count, table.Rows.Count);
            for (var r = 0; r < expected.Count; r++)
                for (var c = 0; c < Headers.Length; c++)
                    Assert.Equal(expected[r][c], table.Rows[r].Cell(c));
        }, iterations: 1000);
    }

    [Fact]
    public void CellsWrittenToAnXlsx_AreReadBackUnchanged()
    {
        var cells = HostileText.Storable.Array[3];
        Seeded.Check(cells.Array[1, 4], rows =>
        {
            using var book = new XLWorkbook();
            var sheet = book.AddWorksheet("Invités");
            string[][] all = [["name", "phone", "organisation"], .. rows];
            for (var r = 0; r < all.Length; r++)
                for (var c = 0; c < 3; c++)
                    sheet.Cell(r + 1, c + 1).SetValue(all[r][c]);
            using var stream = new MemoryStream();
            book.SaveAs(stream);
            var table = GuestListReader.Read(stream.ToArray(), "guests.xlsx");
            var expected = rows.Where(r => r.Any(c => c.Trim().Length > 0)).ToList();
            Assert.Equal(expected.Count, table.Rows.Count);
            for (var r = 0; r < expected.Count; r++)
                for (var c = 0; c < 3; c++)
                    Assert.Equal(expected[r][c].Trim(), table.Rows[r].Cell(c));
        }, iterations: 150);
    }
}
