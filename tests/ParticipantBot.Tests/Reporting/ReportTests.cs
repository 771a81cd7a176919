using System.Net;
using System.Text.Json.Nodes;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using DocumentFormat.OpenXml.Wordprocessing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ParticipantBot.Demo;
using ParticipantBot.Persistence;
using ParticipantBot.Privacy;
using ParticipantBot.Reporting;
using ParticipantBot.Tests.Support;

namespace ParticipantBot.Tests.Reporting;

/// <summary>
/// The consultation report from the demo campaign, through the API: its figures equal the dashboard's, the .docx
/// holds exactly the API's tables and passes the Open XML SDK's validator, the Arabic one is right to left, small
/// cells are suppressed and cannot be worked out from the totals, and retention leaves the report as it was.
/// </summary>
public sealed class ReportTests : IAsyncLifetime
{
    private static readonly string Campaign = DemoSeeder.CampaignId.ToString();
    private static readonly string Session2 = DemoSeeder.SessionId(2).ToString();
    private static readonly string[] SexKeys = ["female", "male", "notStated"];
    private readonly ServiceFactory _service = new();
    private HttpClient _api = null!;

    public Task InitializeAsync()
    {
        _service.Settings["Demo:Seed"] = "true";
        _api = _service.CreateClient();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _service.DisposeAsync();

    private async Task<JsonNode> ReportAsync(string path) => await _api.GetJsonAsync($"{path}/report?format=json");

    private static JsonNode Table(JsonNode report, string id) =>
        report["sections"]!.AsArray().SelectMany(s => s!["tables"]!.AsArray()).Single(t => t.Str("id") == id)!;

    private static IEnumerable<JsonNode> Tables(JsonNode report) => report["sections"]!.AsArray().SelectMany(s => s!["tables"]!.AsArray())!;

    private static JsonNode Row(JsonNode table, string key) => table["rows"]!.AsArray().Single(r => r.Str("key") == key)!;

    private static int[,] TrueValues(JsonNode table, Func<string, int, int> value)
    {
        var rows = table["rows"]!.AsArray().Where(r => !(bool)r!["isTotal"]!).ToList();
        var cells = new int[rows.Count, 3];
        for (var r = 0; r < rows.Count; r++) for (var c = 0; c < 3; c++) cells[r, c] = value(rows[r].Str("key"), c);
        return cells;
    }

    private static ParticipantBot.Reporting.CellState[,] States(JsonNode table)
    {
        var rows = table["rows"]!.AsArray();
        var states = new ParticipantBot.Reporting.CellState[rows.Count, 4];
        for (var r = 0; r < rows.Count; r++)
            for (var c = 0; c < 4; c++) states[r, c] = Enum.Parse<ParticipantBot.Reporting.CellState>(rows[r]!["cells"]![c].Str("state"), ignoreCase: true);
        return states;
    }

    /// <summary>
    /// Every cell the report shows equals the dashboard's count; every true count of 1 to 4 shows "&lt;5"; and the
    /// attacker of <see cref="SuppressionTests"/>, given what the report publishes, recovers no small cell.
    /// </summary>
    private static void AssertTableMatches(JsonNode table, int[,] truth)
    {
        var full = Suppression.WithTotals(truth);
        var states = States(table);
        var rows = table["rows"]!.AsArray();
        Assert.Equal(full.GetLength(0), rows.Count);
        for (var r = 0; r < full.GetLength(0); r++)
            for (var c = 0; c < 4; c++)
            {
                var cell = rows[r]!["cells"]![c]!;
                if (full[r, c] is > 0 and < 5) Assert.Equal(("<5", "small"), (cell.Str("text"), cell.Str("state")));
                else if (states[r, c] == ParticipantBot.Reporting.CellState.Shown) Assert.Equal(full[r, c].ToString(), cell.Str("text"));
                else Assert.Equal("x", cell.Str("text"));
            }
        var recovered = SuppressionTests.Attacker.Recover(full, states);
        Assert.Empty(recovered);
    }

    [Fact]
    public async Task SessionReport_FiguresEqualTheDashboards_AndSmallCellsCannotBeRecoveredFromTotals()
    {
        var board = (await _api.GetJsonAsync($"/api/campaigns/{Campaign}/dashboard"))["sessions"]!.AsArray().Single(s => s.Str("id") == Session2)!;
        var report = await ReportAsync($"/api/sessions/{Session2}");
        Assert.Equal("session", report.Str("scope"));

        // Nobody is checked in yet (the sessions are next month): the tables count the people who confirmed.
        var byGroup = board["byGroup"]!.AsArray();
        var groups = Table(report, "group-confirmed");
        AssertTableMatches(groups, TrueValues(groups, (g, c) => (int)byGroup.Single(x => x.Str("group") == g)!["coming"]![SexKeys[c]]!));
        var participation = board["participation"]!;
        var ages = Table(report, "ageBand-confirmed");
        AssertTableMatches(ages, TrueValues(ages, (band, c) => (int)participation["byAgeBand"]!.AsArray().Single(x => x.Str("value") == band)!["confirmed"]![SexKeys[c]]!));
        var disability = Table(report, "disability-confirmed");
        AssertTableMatches(disability, TrueValues(disability, (d, c) => (int)participation["byDisability"]!.AsArray().Single(x => x.Str("value") == d)!["confirmed"]![SexKeys[c]]!));
        // The demo has real tables: some shown figures, some suppressed ones, people with a disability.
        Assert.Contains(States(ages).Cast<ParticipantBot.Reporting.CellState>(), s => s == ParticipantBot.Reporting.CellState.Small);
        Assert.True((int)participation["shares"]![1]!["withDisability"]! > 0);

        // Mobilisation: the dashboard's invited, confirmed (accepted + attended) and present.
        var counts = board["counts"]!;
        var total = Row(Table(report, "mobilisation"), "total")["cells"]!.AsArray();
        Assert.Equal(((int)counts["invited"]!).ToString(), total[0].Str("text"));
        Assert.Equal(((int)counts["accepted"]! + (int)counts["attended"]!).ToString(), total[2].Str("text"));
        Assert.Equal("0", total[3].Str("text"));
        // Shares: the dashboard's shares among those confirmed, as the report writes them, when the figures they are
        // made of are shown; "x" when one of them is hidden (a share would give it away).
        var totals = Row(groups, "total")["cells"]!.AsArray();
        var women = (double)participation["shares"]![1]!["womenShare"]!;
        var shown = totals[0].Str("state") == "shown" && totals[3].Str("state") == "shown";
        Assert.Equal(shown ? $"{Math.Round(women * 100, MidpointRounding.AwayFromZero)}\u202F%" : "x", Row(Table(report, "shares"), "women")["cells"]![1].Str("text"));
    }

    [Fact]
    public async Task CampaignReport_CountsEachPersonOnce_AndItsSharesAreMadeOfTheFiguresItShows()
    {
        var board = await _api.GetJsonAsync($"/api/campaigns/{Campaign}/dashboard");
        var report = await ReportAsync($"/api/campaigns/{Campaign}");
        var shares = Table(report, "shares");
        var groups = Table(report, "group-confirmed");
        var ages = Table(report, "ageBand-confirmed");
        var disability = Table(report, "disability-confirmed");
        // Each person once: the demo's sessions 2 and 3 invite different people, so the campaign is their sum.
        var sessions = board["sessions"]!.AsArray();
        int Sum(Func<JsonNode, int> of) => sessions.Sum(s => of(s!));
        var total = Row(Table(report, "mobilisation"), "total")["cells"]!.AsArray();
        Assert.Equal(Sum(s => (int)s["counts"]!["invited"]!).ToString(), total[0].Str("text"));
        Assert.Equal(Sum(s => (int)s["counts"]!["accepted"]! + (int)s["counts"]!["attended"]!).ToString(), total[2].Str("text"));
        int? Shown(JsonNode table, string row, int column) => Row(table, row)["cells"]![column]!["value"]?.GetValue<int>();
        string Share(params int?[] parts) => parts.Any(p => p is null) || Shown(groups, "total", 3) is not { } all ? "x"
            : $"{Math.Round((double)parts.Sum()!.Value / all * 100, MidpointRounding.AwayFromZero)}\u202F%";
        // Among those confirmed (the published tables): 16 women of 31 in the demo.
        Assert.Equal("52\u202F%", Row(shares, "women")["cells"]![1].Str("text"));
        Assert.Equal(Share(Shown(groups, "total", 0)), Row(shares, "women")["cells"]![1].Str("text"));
        Assert.Equal(Share(Shown(ages, "15-17", 3), Shown(ages, "18-24", 3)), Row(shares, "youth")["cells"]![1].Str("text"));
        Assert.Equal(Share(Shown(disability, "withDisability", 3)), Row(shares, "disability")["cells"]![1].Str("text"));
        // Nobody is present yet: no share.
        Assert.All(shares["rows"]!.AsArray(), r => Assert.Equal("–", r!["cells"]![2].Str("text")));
    }

    [Fact]
    public async Task CampaignReport_Docx_HoldsTheApisTables_AndPassesTheOpenXmlValidator()
    {
        var report = await ReportAsync($"/api/campaigns/{Campaign}");
        var response = await _api.GetAsync($"/api/campaigns/{Campaign}/report");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(ReportEndpoints.DocxType, response.Content.Headers.ContentType!.MediaType);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        using var doc = WordprocessingDocument.Open(new MemoryStream(bytes), false);
        var errors = new OpenXmlValidator(FileFormatVersions.Microsoft365).Validate(doc).ToList();
        Assert.True(errors.Count == 0, string.Join("\n", errors.Take(10).Select(e => $"{e.Path?.XPath}: {e.Description}")));

        var body = doc.MainDocumentPart!.Document!.Body!;
        var docxTables = body.Elements<Table>().ToList();
        var apiTables = Tables(report).ToList();
        Assert.Equal(apiTables.Count, docxTables.Count);
        foreach (var (api, docx) in apiTables.Zip(docxTables))
        {
            var rows = docx.Elements<TableRow>().ToList();
            Assert.Equal(api["columns"]!.AsArray().Select(c => c!.GetValue<string>()), rows[0].Elements<TableCell>().Select(c => c.InnerText));
            var apiRows = api["rows"]!.AsArray();
            Assert.Equal(apiRows.Count, rows.Count - 1);
            for (var r = 0; r < apiRows.Count; r++)
                Assert.Equal([apiRows[r].Str("label"), .. apiRows[r]!["cells"]!.AsArray().Select(c => c.Str("text"))],
                    rows[r + 1].Elements<TableCell>().Select(c => c.InnerText.Replace("\u200E", "")));
        }
        // Headings, the charts with their alt text, and the method note.
        Assert.Contains(body.Descendants<ParagraphStyleId>(), s => s.Val == "Heading1");
        var pictures = body.Descendants<DocumentFormat.OpenXml.Drawing.Wordprocessing.DocProperties>().ToList();
        Assert.Equal(2, pictures.Count);
        Assert.All(pictures, p => Assert.False(string.IsNullOrWhiteSpace(p.Description)));
        Assert.All(doc.MainDocumentPart.ImageParts, p => Assert.True(p.GetStream().Length > 5_000));
        Assert.Contains("Groupe de Washington", body.InnerText);
        Assert.Contains("Consultations sectorielles", body.InnerText);
        Assert.DoesNotContain(body.Descendants<BiDi>(), _ => true);
    }

    [Fact]
    public async Task ArabicReport_IsRightToLeft_InEveryParagraphRunAndTable()
    {
        await _api.PatchJsonAsync($"/api/campaigns/{Campaign}", new { defaultLanguage = "ar" });
        var bytes = await _api.GetByteArrayAsync($"/api/campaigns/{Campaign}/report?format=docx");
        using var doc = WordprocessingDocument.Open(new MemoryStream(bytes), false);
        Assert.Empty(new OpenXmlValidator(FileFormatVersions.Microsoft365).Validate(doc));
        var body = doc.MainDocumentPart!.Document!.Body!;
        Assert.NotNull(body.GetFirstChild<SectionProperties>()!.GetFirstChild<BiDi>());
        Assert.All(body.Descendants<Paragraph>(), p => Assert.NotNull(p.ParagraphProperties?.GetFirstChild<BiDi>()));
        Assert.All(body.Descendants<Run>().Where(r => r.GetFirstChild<Text>() is not null), r => Assert.NotNull(r.RunProperties?.GetFirstChild<RightToLeftText>()));
        Assert.All(body.Elements<Table>(), t => Assert.NotNull(t.GetFirstChild<TableProperties>()!.GetFirstChild<BiDiVisual>()));
        Assert.Equal("تقرير الاستشارة", body.Elements<Paragraph>().First().InnerText);
        Assert.Contains("المجموعة القصيرة لفريق واشنطن", body.InnerText);
        // "<5" keeps its reading order in right-to-left cells (a left-to-right mark before it).
        Assert.Contains(body.Descendants<Text>(), t => t.Text == "\u200E<5");
        var html = await _api.GetStringAsync($"/api/campaigns/{Campaign}/report?format=html");
        Assert.Contains("<html lang=\"ar\" dir=\"rtl\">", html);
    }

    [Fact]
    public async Task Retention_KeepsOnlyTheAggregates_AndTheReportStaysTheSame()
    {
        var before = await ReportAsync($"/api/campaigns/{Campaign}");
        var beforeSession = await ReportAsync($"/api/sessions/{Session2}");
        await using var scope = _service.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        Assert.Contains(await db.Participants.AsNoTracking().ToListAsync(), p => p.AgeBand is not null);
        _service.Clock.Advance(TimeSpan.FromDays(500));
        Assert.Equal(1, await scope.ServiceProvider.GetRequiredService<ParticipantBot.Privacy.RetentionSweep>().RunOnceAsync(CancellationToken.None));

        // The rows lost every age band and answer; only the aggregate table holds them, as counts.
        var people = await db.Participants.AsNoTracking().ToListAsync();
        Assert.All(people, p => Assert.Equal((null, false), (p.AgeBand, p.Functioning.Any)));
        Assert.NotEmpty(await db.ParticipationCounts.AsNoTracking().Where(c => c.Dimension == Dimensions.AgeBand).ToListAsync());

        var after = await ReportAsync($"/api/campaigns/{Campaign}");
        var afterSession = await ReportAsync($"/api/sessions/{Session2}");
        foreach (var (b, a) in new[] { (before, after), (beforeSession, afterSession) })
            Assert.Equal(string.Join("\n", Tables(b).Select(t => t!.ToJsonString())), string.Join("\n", Tables(a).Select(t => t!.ToJsonString())));
        Assert.Contains("effacées à la fin de leur durée de conservation", after.ToJsonString(new System.Text.Json.JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }));
    }

    [Fact]
    public async Task ReportRoutes_RefuseAnUnknownFormat_AndAnotherOrganisersCampaign()
    {
        var response = await _api.GetAsync($"/api/campaigns/{Campaign}/report?format=pdf");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("docx, html or json", await response.Content.ReadAsStringAsync());
        var stranger = new HttpRequestMessage(HttpMethod.Get, $"/api/sessions/{Session2}/report");
        stranger.Headers.Add("X-Dev-User", "someone-else");
        Assert.Equal(HttpStatusCode.NotFound, (await _api.SendAsync(stranger)).StatusCode);
    }
}
