using System.Diagnostics;
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
/// Imports a generated guest list of N rows into a new campaign on a fresh SQLite file, through
/// the service's own reader, validation and importer, then imports it again (every row an update).
/// </summary>
internal static class ImportBenchmark
{
    public static async Task RunAsync(int rows, int iterations)
    {
        var csv = Generate(rows);
        var folder = Directory.CreateTempSubdirectory("participantbot-bench-").FullName;
        try
        {
            var options = new DbContextOptionsBuilder<SqliteAppDbContext>().UseSqlite($"Data Source={Path.Combine(folder, "bench.db")}").Options;
            await using (var setup = new SqliteAppDbContext(options)) await setup.Database.MigrateAsync();

            // One warm-up so that JIT and EF's model building are not counted.
            await ImportOnceAsync(options, Generate(200), reimport: false);

            var first = new List<double>();
            var again = new List<double>();
            long peak = 0;
            for (var i = 0; i < iterations; i++)
            {
                var (created, updated) = await ImportOnceAsync(options, csv, reimport: true);
                first.Add(created);
                again.Add(updated);
                peak = Math.Max(peak, Process.GetCurrentProcess().PeakWorkingSet64);
            }
            var result = new
            {
                benchmark = "import",
                rows,
                iterations,
                fileBytes = csv.Length,
                firstImportMsMedian = Median(first),
                firstImportMsMin = first.Min(),
                reimportMsMedian = Median(again),
                rowsPerSecond = Math.Round(rows / (Median(first) / 1000)),
                peakWorkingSetMb = peak / 1024 / 1024,
            };
            Console.WriteLine(JsonSerializer.Serialize(result));
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }

    private static async Task<(double FirstMs, double ReimportMs)> ImportOnceAsync(DbContextOptions<SqliteAppDbContext> options, byte[] csv, bool reimport)
    {
        Guid campaignId;
        await using (var db = new SqliteAppDbContext(options))
        {
            var campaign = Campaign.Create("Bench", "bench", DateTimeOffset.UtcNow);
            db.Campaigns.Add(campaign);
            await db.SaveChangesAsync();
            campaignId = campaign.Id;
        }
        var first = await TimeAsync(options, campaignId, csv);
        var second = reimport ? await TimeAsync(options, campaignId, csv) : 0;
        return (first, second);
    }

    private static async Task<double> TimeAsync(DbContextOptions<SqliteAppDbContext> options, Guid campaignId, byte[] csv)
    {
        var watch = Stopwatch.StartNew();
        await using var db = new SqliteAppDbContext(options);
        var campaign = await db.Campaigns.SingleAsync(c => c.Id == campaignId);
        var importer = new GuestListImporter(db, TimeProvider.System, Options.Create(new AppOptions()));
        var report = await importer.ImportAsync(campaign, GuestListReader.Read(csv, "guests.csv"), dryRun: false, skipInvalid: false, CancellationToken.None);
        watch.Stop();
        if (!report.Written || report.Errors.Count > 0) throw new InvalidOperationException("The generated file did not import: " + report.Errors.FirstOrDefault()?.Message);
        return watch.Elapsed.TotalMilliseconds;
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        return Math.Round(sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2, 1);
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
              .Append("p").Append(i).Append("@example.org;")
              .Append("+2126").Append((10_000_000 + i).ToString()).Append(';')
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
