using Microsoft.Extensions.DependencyInjection;
using ParticipantBot.Demo;
using ParticipantBot.Tests.Support;

namespace ParticipantBot.Tests.Demo;

public sealed class DemoServiceFactory : ServiceFactory
{
    public DemoServiceFactory() => Settings["Demo:Seed"] = "true";
}

/// <summary>The Tangier demo, as a newcomer sees it through the API.</summary>
public sealed class DemoDataTests(DemoServiceFactory service) : IClassFixture<DemoServiceFactory>
{
    private readonly HttpClient _client = service.CreateClient();
    private static readonly string Campaign = DemoSeeder.CampaignId.ToString();

    [Fact]
    public async Task Demo_HasOneCampaign_ThreeSessionsNextMonth_And72Participants()
    {
        var campaign = await _client.GetJsonAsync($"/api/campaigns/{Campaign}");
        var sessions = campaign["sessions"]!.AsArray();
        Assert.Equal(["Gouvernance", "Réponse opérationnelle", "Inclusion et résilience collective"], sessions.Select(s => s.Str("title")));
        var nextMonth = service.Clock.GetUtcNow().AddMonths(1);
        Assert.All(sessions, s => Assert.Equal((nextMonth.Year, nextMonth.Month), (DateTimeOffset.Parse(s.Str("start")).Year, DateTimeOffset.Parse(s.Str("start")).Month)));
        Assert.Equal(["00000000-0000-0000-0000-0000000000020"], campaign["organisers"]!.AsArray().Select(o => o!.GetValue<string>()));

        var people = (await _client.GetJsonAsync($"/api/campaigns/{Campaign}/participants")).AsArray();
        Assert.Equal(72, people.Count);
        Assert.True(people.Select(p => p.Str("group")).Distinct().Count() >= 6);
        Assert.Equal(["female", "male", "notStated"], people.Select(p => p.Str("sex")).Distinct().Order());
        Assert.Equal(["ar", "en", "fr"], people.Select(p => p.Str("language")).Distinct().Order());
    }

    [Fact]
    public async Task Demo_IncludesThePlaygroundUsers_WithTheirIdsAndEmails()
    {
        var people = (await _client.GetJsonAsync($"/api/campaigns/{Campaign}/participants")).AsArray();
        var alex = people.Single(p => p.Str("fullName") == "Alex Wilber");
        Assert.Equal("00000000-0000-0000-0000-0000000000020", alex.Str("teamsObjectId"));
        Assert.Equal("alexw@example.com", alex.Str("email"));
        var isaiah = people.Single(p => p.Str("fullName") == "Isaiah Langer");
        Assert.Equal("isaiah@example.com", isaiah.Str("teamsUpn"));
        Assert.Equal("isaiahl@example.com", isaiah.Str("email"));
        Assert.Equal(6, people.Count(p => p!["teamsObjectId"] is not null));
    }

    [Fact]
    public async Task Demo_Session1HasNoInvitations_Sessions2And3HaveMixedStates()
    {
        Assert.Empty((await _client.GetJsonAsync($"/api/sessions/{DemoSeeder.SessionId(1)}/invitations")).AsArray());
        var second = (await _client.GetJsonAsync($"/api/sessions/{DemoSeeder.SessionId(2)}/invitations")).AsArray();
        Assert.Equal(["accepted", "declined", "invited", "tentative"], second.Select(i => i.Str("status")).Distinct().Order());
        var third = await _client.GetJsonAsync($"/api/sessions/{DemoSeeder.SessionId(3)}");
        foreach (var status in new[] { "accepted", "declined", "waitlisted", "offered", "invited" })
            Assert.True(third["counts"]![status]!.GetValue<int>() > 0, status);
        Assert.Equal(0, third["seatsLeft"]!.GetValue<int>());
    }

    [Fact]
    public async Task Demo_SeededAgain_ChangesNothing()
    {
        var before = (await _client.GetJsonAsync($"/api/campaigns/{Campaign}/participants")).ToJsonString();
        await using var scope = service.Services.CreateAsyncScope();
        Assert.False(await scope.ServiceProvider.GetRequiredService<DemoSeeder>().SeedAsync());
        Assert.Equal(before, (await _client.GetJsonAsync($"/api/campaigns/{Campaign}/participants")).ToJsonString());
        Assert.Single((await _client.GetJsonAsync("/api/campaigns")).AsArray());
    }
}
