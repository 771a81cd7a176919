using ParticipantBot.Demo;
using ParticipantBot.Tests.Support;

namespace ParticipantBot.Tests.Reporting;

/// <summary>
/// The report as a person opens it: the demo campaign's .docx in French and in Arabic, converted to PDF by Debian's
/// LibreOffice Writer (installed by the test script, scripts/install-office.sh), read back with pdftotext, and its
/// first pages kept as PNG pictures under TestResults/report/.
/// </summary>
public sealed class ReportRenderingTests : IAsyncLifetime
{
    private static readonly string Campaign = DemoSeeder.CampaignId.ToString();
    private readonly ServiceFactory _service = new();
    private HttpClient _api = null!;
    private readonly string _work = Path.Combine(Path.GetTempPath(), "participantbot-report-" + Guid.NewGuid().ToString("N"));

    public Task InitializeAsync()
    {
        _service.Settings["Demo:Seed"] = "true";
        _api = _service.CreateClient();
        Directory.CreateDirectory(_work);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await _service.DisposeAsync();
        try { Directory.Delete(_work, recursive: true); } catch (IOException) { }
    }

    /// <summary>The .docx converted to PDF by LibreOffice, its text (pdftotext, layout kept) and its first two pages as PNGs.</summary>
    private (string Text, string[] Pictures) Render(byte[] docx, string name)
    {
        var file = Path.Combine(_work, name + ".docx");
        File.WriteAllBytes(file, docx);
        // A profile of its own: no dialog, no lock shared with another LibreOffice.
        var profile = "file://" + Path.Combine(_work, "profile-" + name);
        var (code, output) = ProcessRunner.Run("soffice", $"-env:UserInstallation={profile} --headless --norestore --convert-to pdf --outdir {_work} {file}",
            timeout: TimeSpan.FromMinutes(3));
        var pdf = Path.ChangeExtension(file, ".pdf");
        Assert.True(code == 0 && File.Exists(pdf), $"LibreOffice could not convert {name}: {output}");
        var (textCode, _) = ProcessRunner.Run("pdftotext", $"-layout {pdf} {pdf}.txt");
        Assert.Equal(0, textCode);
        var pictures = RepositoryPaths.Combine("TestResults", "report");
        Directory.CreateDirectory(pictures);
        var (pngCode, pngOutput) = ProcessRunner.Run("pdftoppm", $"-png -r 70 -f 1 -l 2 {pdf} {Path.Combine(pictures, name)}");
        Assert.True(pngCode == 0, pngOutput);
        return (File.ReadAllText(pdf + ".txt"), Directory.GetFiles(pictures, name + "-*.png"));
    }

    [Fact]
    public async Task FrenchAndArabicReports_OpenInLibreOffice_WithTheirTextAndPictures()
    {
        var french = Render(await _api.GetByteArrayAsync($"/api/campaigns/{Campaign}/report"), "report-fr");
        Assert.Contains("Rapport de consultation", french.Text);
        Assert.Contains("Consultations sectorielles", french.Text);
        Assert.Contains("Par tranche d'âge et par sexe", french.Text);
        Assert.Contains("Groupe de Washington", french.Text);
        Assert.Contains("<5", french.Text);
        Assert.Contains("Note de méthode", french.Text);
        Assert.Equal(2, french.Pictures.Length);
        Assert.All(french.Pictures, p => Assert.True(new FileInfo(p).Length > 10_000));

        await _api.PatchJsonAsync($"/api/campaigns/{Campaign}", new { defaultLanguage = "ar" });
        var arabic = Render(await _api.GetByteArrayAsync($"/api/campaigns/{Campaign}/report"), "report-ar");
        // pdftotext gives Arabic in logical order, its letters joined: the words as they are written.
        Assert.Contains("تقرير الاستشارة", arabic.Text);
        Assert.Contains("حسب الفئة العمرية والجنس", arabic.Text);
        Assert.Contains("ملاحظة منهجية", arabic.Text);
        Assert.Contains("<5", arabic.Text);
        // Right to left: the title line ends at the right margin, so it starts with spaces in the layout text.
        var title = arabic.Text.Split('\n').First(l => l.Contains("تقرير الاستشارة"));
        Assert.StartsWith("      ", title);
        Assert.Equal(2, arabic.Pictures.Length);
    }
}
