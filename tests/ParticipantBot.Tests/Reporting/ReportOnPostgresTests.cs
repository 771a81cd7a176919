using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using ParticipantBot.Demo;
using ParticipantBot.Privacy;
using ParticipantBot.Tests.Support;

namespace ParticipantBot.Tests.Reporting;

/// <summary>The report's counting on PostgreSQL: the dashboard's grouped query, the report's per-person one, retention's aggregates.</summary>
public sealed class ReportOnPostgresTests : IAsyncLifetime
{
    private static readonly string Campaign = DemoSeeder.CampaignId.ToString();
    private readonly PostgresServiceFactory _service = new();
    private HttpClient _api = null!;

    public Task InitializeAsync()
    {
        _service.Settings["Demo:Seed"] = "true";
        _api = _service.CreateClient();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _service.DisposeAsync();

    [Fact]
    public async Task Report_OnPostgres_EqualsTheDashboard_AndSurvivesRetention()
    {
        var board = await _api.GetJsonAsync($"/api/campaigns/{Campaign}/dashboard");
        var session = board["sessions"]![1]!;
        var report = await _api.GetJsonAsync($"/api/sessions/{session.Str("id")}/report?format=json");
        var ages = report["sections"]!.AsArray().SelectMany(s => s!["tables"]!.AsArray()).Single(t => t.Str("id") == "ageBand-confirmed")!;
        foreach (var row in ages["rows"]!.AsArray().Where(r => !(bool)r!["isTotal"]!))
        {
            var confirmed = session["participation"]!["byAgeBand"]!.AsArray().Single(b => b.Str("value") == row.Str("key"))!["confirmed"]!;
            var total = (int)confirmed["female"]! + (int)confirmed["male"]! + (int)confirmed["notStated"]!;
            var cell = row!["cells"]![3]!;
            Assert.Equal(total is > 0 and < 5 ? "<5" : cell.Str("state") == "shown" ? total.ToString() : "x", cell.Str("text"));
        }
        Assert.True((await _api.GetByteArrayAsync($"/api/campaigns/{Campaign}/report")).Length > 10_000);

        var before = (await _api.GetJsonAsync($"/api/campaigns/{Campaign}/report?format=json"))["sections"]!.AsArray().SelectMany(s => s!["tables"]!.AsArray()).Select(t => t!.ToJsonString()).ToList();
        await using var scope = _service.Services.CreateAsyncScope();
        _service.Clock.Advance(TimeSpan.FromDays(500));
        Assert.Equal(1, await scope.ServiceProvider.GetRequiredService<ParticipantBot.Privacy.RetentionSweep>().RunOnceAsync(CancellationToken.None));
        var after = (await _api.GetJsonAsync($"/api/campaigns/{Campaign}/report?format=json"))["sections"]!.AsArray().SelectMany(s => s!["tables"]!.AsArray()).Select(t => t!.ToJsonString()).ToList();
        Assert.Equal(before, after);
    }
}
