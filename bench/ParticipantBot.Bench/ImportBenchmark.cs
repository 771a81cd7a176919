using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using ParticipantBot.Configuration;
using ParticipantBot.Domain.Campaigns;
using ParticipantBot.Participants.Import;
using ParticipantBot.Persistence;

namespace ParticipantBot.Bench;

/// <summary>
/// Imports a generated guest list of N rows (CSV, or the same rows as an .xlsx) into a new campaign on a
/// fresh SQLite file, through the service's own reader, validation and importer, then imports it again
/// (every row an update). Its floor, timed in turn with it: reading the same file with CsvHelper or
/// ClosedXML and nothing else. Between the two, the service's reader alone and a dry run (read, parse,
/// validate, match against the campaign, nothing written), so that the ratios say where the time goes.
/// </summary>
internal static class ImportBenchmark
{
    public static async Task<int> RunAsync(int rows, int iterations, string format)
    {
        var xlsx = format == "xlsx";
        var file = xlsx ? GenerateXlsx(rows) : Generate(rows);
        var fileName = xlsx ? "guests.xlsx" : "guests.csv";
        var folder = Directory.CreateTempSubdirectory("participantbot-bench-").FullName;
        try
        {
            var options = new DbContextOptionsBuilder<SqliteAppDbContext>().UseSqlite($"Data Source={Path.Combine(folder, "bench.db")}")
                .AddInterceptors(SqliteSecureDelete.Instance).Options;
            await using (var setup = new SqliteAppDbContext(options)) await setup.Database.MigrateAsync();

            // One warm-up so that JIT and EF's model building are not counted.
            var small = xlsx ? GenerateXlsx(200) : Generate(200);
            Floor(small, xlsx);
            await ImportOnceAsync(options, small, fileName, reimport: false);

            List<double> floor = [], read = [], dryRun = [], first = [], again = [];
            long peak = 0;
            var cells = 0;
            for (var i = 0; i < iterations; i++)
            {
                // The floor and the reader take milliseconds for a CSV: several of each per iteration, so that their medians hold on a busy machine.
                for (var k = 0; k < (xlsx ? 1 : 5); k++)
                {
                    var watch = Stopwatch.StartNew();
                    cells = Floor(file, xlsx);
                    floor.Add(watch.Elapsed.TotalMilliseconds);
                    watch.Restart();
                    GuestListReader.Read(file, fileName);
                    read.Add(watch.Elapsed.TotalMilliseconds);
                }
                dryRun.Add(await DryRunAsync(options, file, fileName));
                var (created, updated) = await ImportOnceAsync(options, file, fileName, reimport: true);
                first.Add(created);
                again.Add(updated);
                peak = Math.Max(peak, Process.GetCurrentProcess().PeakWorkingSet64);
            }
            double Times(List<double> what) => Math.Round(Median(what) / Median(floor), 2);
            var result = new Dictionary<string, object?>
            {
                ["benchmark"] = "import",
                ["format"] = xlsx ? "xlsx" : "csv",
                ["rows"] = rows,
                ["iterations"] = iterations,
                ["fileBytes"] = file.Length,
                ["firstImportMsMedian"] = Median(first),
                ["firstImportMsMin"] = Math.Round(first.Min(), 1),
                ["reimportMsMedian"] = Median(again),
                // The floor: the same file read with CsvHelper (or ClosedXML), every cell as text, nothing else.
                ["floorMsMedian"] = Median(floor),
                ["floorCells"] = cells,
                ["readMsMedian"] = Median(read),
                ["dryRunMsMedian"] = Median(dryRun),
                // Multiples of the floor: the import (the headline), the re-import, and on the way the reader alone and a dry run.
                ["importTimesFloor"] = Times(first),
                ["reimportTimesFloor"] = Times(again),
                ["readTimesFloor"] = Times(read),
                ["dryRunTimesFloor"] = Times(dryRun),
                ["rowsPerSecond"] = Math.Round(rows / (Median(first) / 1000)),
                ["peakWorkingSetMb"] = peak / 1024 / 1024,
                ["machine"] = BenchService.Machine(),
            };
            Console.WriteLine(JsonSerializer.Serialize(result));
            return 0;
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>The floor: every cell of the file read as text by CsvHelper (';', the BOM taken by the reader) or ClosedXML; returns the cells read.</summary>
    private static int Floor(byte[] file, bool xlsx)
    {
        var cells = 0;
        if (xlsx)
        {
            using var workbook = new ClosedXML.Excel.XLWorkbook(new MemoryStream(file, writable: false));
            foreach (var row in workbook.Worksheet(1).RowsUsed())
                foreach (var cell in row.CellsUsed())
                {
                    _ = cell.GetString();
                    cells++;
                }
            return cells;
        }
        using var reader = new StreamReader(new MemoryStream(file, writable: false), Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        using var parser = new CsvHelper.CsvParser(reader, new CsvHelper.Configuration.CsvConfiguration(CultureInfo.InvariantCulture) { Delimiter = ";", HasHeaderRecord = false });
        while (parser.Read())
            for (var i = 0; i < parser.Count; i++)
            {
                _ = parser[i];
                cells++;
            }
        return cells;
    }

    private static async Task<(double FirstMs, double ReimportMs)> ImportOnceAsync(DbContextOptions<SqliteAppDbContext> options, byte[] file, string fileName, bool reimport)
    {
        var campaignId = await NewCampaignAsync(options);
        var first = await TimeAsync(options, campaignId, file, fileName, dryRun: false);
        var second = reimport ? await TimeAsync(options, campaignId, file, fileName, dryRun: false) : 0;
        return (first, second);
    }

    private static async Task<double> DryRunAsync(DbContextOptions<SqliteAppDbContext> options, byte[] file, string fileName) =>
        await TimeAsync(options, await NewCampaignAsync(options), file, fileName, dryRun: true);

    private static async Task<Guid> NewCampaignAsync(DbContextOptions<SqliteAppDbContext> options)
    {
        await using var db = new SqliteAppDbContext(options);
        var campaign = Campaign.Create("Bench", "bench", DateTimeOffset.UtcNow);
        db.Campaigns.Add(campaign);
        await db.SaveChangesAsync();
        return campaign.Id;
    }

    private static async Task<double> TimeAsync(DbContextOptions<SqliteAppDbContext> options, Guid campaignId, byte[] file, string fileName, bool dryRun)
    {
        var watch = Stopwatch.StartNew();
        await using var db = new SqliteAppDbContext(options);
        var campaign = await db.Campaigns.SingleAsync(c => c.Id == campaignId);
        var importer = new GuestListImporter(db, TimeProvider.System, Options.Create(new AppOptions()));
        var report = await importer.ImportAsync(campaign, GuestListReader.Read(file, fileName), dryRun, skipInvalid: false, CancellationToken.None);
        watch.Stop();
        if (report.Written == dryRun || report.Errors.Count > 0) throw new InvalidOperationException("The generated file did not import: " + (report.Errors.Count > 0 ? report.Errors[0].Message : ""));
        return watch.Elapsed.TotalMilliseconds;
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        return Math.Round(sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2, 1);
    }

    /// <summary>The same rows as <see cref="Generate"/>, as the first sheet of an .xlsx (every cell text).</summary>
    public static byte[] GenerateXlsx(int rows)
    {
        using var workbook = new ClosedXML.Excel.XLWorkbook();
        var sheet = workbook.AddWorksheet("Invités");
        var text = Encoding.UTF8.GetString(Generate(rows)).TrimStart('\uFEFF');
        var r = 1;
        foreach (var line in text.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            var values = line.Split(';');
            for (var c = 0; c < values.Length; c++)
                if (values[c].Length > 0) sheet.Cell(r, c + 1).SetDataType(ClosedXML.Excel.XLDataType.Text).SetValue(values[c]);
            r++;
        }
        using var stream = new MemoryStream();
        workbook.SaveAs(stream);
        return stream.ToArray();
    }

    /// <summary>A French-Excel-style guest list (';', BOM) with Latin and Arabic names.</summary>
    public static byte[] Generate(int rows)
    {
        string[] groups = ["Institution publique", "Société civile", "Jeunes", "Migrants", "Communauté", "Experts"];
        string[] first = ["Fatima", "Youssef", "Khadija", "Omar", "Awa", "Moussa", "سلمى", "يوسف", "Grace", "Hamza"];
        string[] last = ["Benali", "El Idrissi", "Tazi", "Ndiaye", "Koné", "العمراني", "Okafor", "Bennani", "الفاسي", "Mensah"];
        var sb = new StringBuilder("nom;courriel;téléphone;organisation;groupe;sexe;langue;canal;transport;régime\n");
        for (var i = 0; i < rows; i++)
        {
            sb.Append(first[i % first.Length]).Append(' ').Append(last[i / first.Length % last.Length]).Append(' ').Append(i).Append(';')
              .Append('p').Append(i).Append("@example.org;")
              .Append("+2126").Append(10_000_000 + i).Append(';')
              .Append("Organisation ").Append(i % 50).Append(';')
              .Append(groups[i % groups.Length]).Append(';')
              .Append(i % 2 == 0 ? "F" : "M").Append(';')
              .Append((i % 3) switch { 0 => "fr", 1 => "ar", _ => "en" }).Append(';')
              .Append(i % 4 == 0 ? "both" : "email").Append(';')
              .Append(i % 5 == 0 ? "oui" : "non").Append(';')
              .Append(i % 7 == 0 ? "végétarien" : "").Append('\n');
        }
        return [.. Encoding.UTF8.Preamble, .. Encoding.UTF8.GetBytes(sb.ToString())];
    }
}
