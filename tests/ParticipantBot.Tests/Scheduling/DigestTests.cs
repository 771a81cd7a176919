using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using ParticipantBot.Scheduling;
using ParticipantBot.Tests.Support;
using ParticipantBot.Tests.Teams;

namespace ParticipantBot.Tests.Scheduling;

public sealed class DigestTests : IAsyncLifetime
{
    private readonly ServiceFactory _service = new();
    private FakeBotConnector _connector = null!;

    public async Task InitializeAsync() => _connector = await FakeBotConnector.StartAsync();

    public async Task DisposeAsync()
    {
        await _connector.DisposeAsync();
        await _service.DisposeAsync();
    }

    [Fact]
    public async Task Organiser_GetsOneDigestADay_InTeams_WithTheDeclinesAndNewNeeds()
    {
        var organiser = _service.ClientAs("oid-organiser");
        _connector.Members["29:organiser"] = new JsonObject { ["id"] = "29:organiser", ["aadObjectId"] = "oid-organiser" };
        Assert.True((await BotActivities.PostAsync(organiser, BotActivities.Install(_connector.Url, "oid-organiser", "29:organiser"))).IsSuccessStatusCode);

        var s = new Scenario(organiser);
        var campaign = await s.CampaignAsync("Souss-Massa");
        var session = (await s.SessionAsync(campaign, start: "2027-05-10T09:30", end: "2027-05-10T12:00")).Str("id");
        var omar = await s.ParticipantAsync(campaign, "Omar El Khatib", sex: "male");
        var salma = await s.ParticipantAsync(campaign, "Salma Tazi");
        await s.InviteAsync(session, omar, salma);
        await s.AnswerAsync(session, omar, "declined");
        await s.AnswerAsync(session, salma, "accepted");
        await organiser.PatchJsonAsync($"/api/campaigns/{campaign}/participants/{salma}", new { needs = new { transport = true } });

        for (var run = 0; run < 2; run++)
        {
            await using var scope = _service.Services.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<DigestJob>().RunAsync(CancellationToken.None);
        }
        var digests = _connector.Sent.Where(a => a.ConversationId == "a:29:organiser" && BotActivities.Text(a.Activity).Contains("Résumé du jour")).ToList();
        var digest = BotActivities.Text(Assert.Single(digests).Activity);
        Assert.Contains("Souss-Massa", digest);
        Assert.Contains("Nouveaux refus", digest);
        Assert.Contains("Omar El Khatib", digest);
        Assert.Contains("Nouveaux besoins pratiques", digest);
        Assert.Contains("Salma Tazi", digest);
    }
}
