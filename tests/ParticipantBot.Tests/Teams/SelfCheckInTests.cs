using System.Net;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ParticipantBot.Persistence;
using ParticipantBot.Teams.Cards;
using ParticipantBot.Tests.Delivery;
using ParticipantBot.Tests.Support;

namespace ParticipantBot.Tests.Teams;


/// <summary>
/// Participants saying "I'm here" in chat, by text or with the card's button: only during the session's
/// window (30 minutes before the start to the end), only when its organisers allow it, only for themselves.
/// </summary>
public sealed class SelfCheckInTests : IAsyncLifetime
{
    private readonly ClockedServiceFactory _service = new();
    private FakeBotConnector _connector = null!;
    private HttpClient _api = null!;
    private string _session = "";

    // 2026-12-16 09:30–13:00 in Tangier (UTC+1): 08:30–12:00 UTC.
    private static readonly DateTimeOffset Start = new(2026, 12, 16, 8, 30, 0, TimeSpan.Zero);

    public async Task InitializeAsync()
    {
        _connector = await FakeBotConnector.StartAsync();
        _api = _service.CreateClient();
        var s = new Scenario(_api);
        var campaign = await s.CampaignAsync();
        _session = (await s.SessionAsync(campaign, capacity: 10, start: "2026-12-16T09:30", end: "2026-12-16T13:00")).Str("id");
    }

    public async Task DisposeAsync()
    {
        await _connector.DisposeAsync();
        await _service.DisposeAsync();
    }

    private async Task<string> AcceptedAsync(string objectId)
    {
        var campaign = (await _api.GetJsonAsync($"/api/sessions/{_session}")).Str("campaignId");
        var person = (await _api.PostJsonAsync($"/api/campaigns/{campaign}/participants",
            new { fullName = "Salma " + objectId, teamsObjectId = objectId, group = "youth", sex = "female", language = "fr", channel = "teams" }, HttpStatusCode.Created))["participant"].Str("id");
        await User(objectId).InstallAsync();
        await new Scenario(_api).InviteAsync(_session, person);
        await new Scenario(_api).AnswerAsync(_session, person, "accepted");
        return person;
    }

    private ChatUser User(string objectId) => new(_api, _connector, objectId);

    private Task SayAsync(string objectId, string text, string expected) => User(objectId).SayAsync(text, expected);

    private async Task<string> StatusAsync(string person) =>
        (await _api.GetJsonAsync($"/api/sessions/{_session}/invitations/{person}"))["invitation"].Str("status");

    [Fact]
    public async Task HereInChat_DuringTheWindow_WhenAllowed_RecordsAttendance_Once()
    {
        var person = await AcceptedAsync("oid-here");
        await _api.PatchJsonAsync($"/api/sessions/{_session}", new { selfCheckIn = true });
        _service.Clock.SetUtcNow(Start.AddMinutes(-20));

        await SayAsync("oid-here", "Je suis là", "est enregistrée");
        Assert.Equal("attended", await StatusAsync(person));
        var invitation = await _api.GetJsonAsync($"/api/sessions/{_session}/invitations/{person}");
        Assert.Equal("teams", invitation["invitation"].Str("channel"));

        await SayAsync("oid-here", "je suis la", "déjà enregistrée");
        var board = (await _api.GetJsonAsync($"/api/campaigns/{(await _api.GetJsonAsync($"/api/sessions/{_session}")).Str("campaignId")}/dashboard"))["sessions"]![0]!;
        Assert.Equal(1, board["counts"]!["attended"]!.GetValue<int>());
    }

    [Theory]
    [InlineData(false, -20)]   // the organisers take attendance themselves
    [InlineData(true, -45)]    // too early: the window opens 30 minutes before
    [InlineData(true, 215)]    // after the end (12:00 UTC)
    public async Task HereInChat_OutsideTheWindowOrNotAllowed_ChangesNothing(bool allowed, int minutesFromStart)
    {
        var objectId = $"oid-no-{allowed}-{minutesFromStart}";
        var person = await AcceptedAsync(objectId);
        await _api.PatchJsonAsync($"/api/sessions/{_session}", new { selfCheckIn = allowed });
        _service.Clock.SetUtcNow(Start.AddMinutes(minutesFromStart));
        await SayAsync(objectId, "أنا هنا", "Aucune de vos sessions");
        Assert.Equal("accepted", await StatusAsync(person));
    }

    [Fact]
    public async Task ImHereButton_OnTheCard_DuringTheWindow_ChecksInItsOwner_AndNobodyElse()
    {
        var person = await AcceptedAsync("oid-card");
        await _api.PatchJsonAsync($"/api/sessions/{_session}", new { selfCheckIn = true });
        _service.Clock.SetUtcNow(Start.AddMinutes(10));
        var (invitation, signature) = await ChatUser.SignedAsync(_service.Services, _session, person);

        var refresh = await BotActivities.CardAsync(await BotActivities.PostAsync(_api,
            BotActivities.CardAction(_connector.Url, "oid-card", "29:oid-card", "rsvp.refresh", invitation, signature)));
        Assert.Contains("\"verb\":\"rsvp.checkin\"", refresh.ToJsonString());
        Assert.Contains("Je suis là", BotActivities.Text(refresh));

        var stranger = await BotActivities.CardAsync(await BotActivities.PostAsync(_api,
            BotActivities.CardAction(_connector.Url, "oid-someone-else", "29:else", "rsvp.checkin", invitation, signature)));
        Assert.DoesNotContain("Bienvenue", BotActivities.Text(stranger));
        Assert.Equal("accepted", await StatusAsync(person));

        var card = await BotActivities.CardAsync(await BotActivities.PostAsync(_api,
            BotActivities.CardAction(_connector.Url, "oid-card", "29:oid-card", "rsvp.checkin", invitation, signature)));
        Assert.Contains("Bienvenue", BotActivities.Text(card));
        Assert.DoesNotContain("\"verb\":\"rsvp.checkin\"", card.ToJsonString());
        Assert.Equal("attended", await StatusAsync(person));
    }

    [Fact]
    public async Task SwitchingSelfCheckInOn_SendsAnImHereCard_InTeams_WhenTheWindowOpens_AndOffDropsIt()
    {
        var person = await AcceptedAsync("oid-card-planned");
        await _api.PatchJsonAsync($"/api/sessions/{_session}", new { selfCheckIn = true });
        JsonNode CheckInOf(JsonNode messages) => messages.AsArray().Single(m => m.Str("participantId") == person && m.Str("kind") == "checkIn")!;
        var planned = CheckInOf(await _api.GetJsonAsync($"/api/sessions/{_session}/messages"));
        Assert.Equal(("teams", "planned"), (planned.Str("channel"), planned.Str("status")));
        Assert.Equal(Start.AddMinutes(-30), DateTimeOffset.Parse(planned.Str("dueAt")));

        _service.Clock.SetUtcNow(Start.AddMinutes(-29));
        await _service.DispatchAsync();
        Assert.Equal("sent", CheckInOf(await _api.GetJsonAsync($"/api/sessions/{_session}/messages")).Str("status"));
        var card = _connector.Sent.Select(a => BotActivities.Text(a.Activity)).Single(t => t.Contains("commence bientôt"));
        Assert.Contains("\"verb\":\"rsvp.checkin\"", card);

        var other = await AcceptedAsync("oid-card-off");
        await _api.PatchJsonAsync($"/api/sessions/{_session}", new { selfCheckIn = false });
        var dropped = (await _api.GetJsonAsync($"/api/sessions/{_session}/messages")).AsArray().Single(m => m.Str("participantId") == other && m.Str("kind") == "checkIn")!;
        Assert.Equal(("skipped", "Self check-in was switched off."), (dropped.Str("status"), dropped.Str("reason")));
    }
}
