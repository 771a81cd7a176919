using System.Net;
using ParticipantBot.Tests.Support;

namespace ParticipantBot.Tests.Invitations;

public abstract class InvitationApiTests(ServiceFactory service)
{
    private readonly HttpClient _client = service.CreateClient();

    [Fact]
    public async Task Invite_CreatesOneInvitationPerPerson_AndNeverTwice()
    {
        var s = new Scenario(_client);
        var campaign = await s.CampaignAsync();
        var session = (await s.SessionAsync(campaign)).Str("id");
        var a = await s.ParticipantAsync(campaign, "Youssef Bennani", group: "youth");
        var b = await s.ParticipantAsync(campaign, "Nadia Amrani", group: "migrant");

        var first = await _client.PostJsonAsync($"/api/sessions/{session}/invitations", new { group = "youth" }, HttpStatusCode.Accepted);
        Assert.Equal(1, first["created"]!.GetValue<int>());
        var second = await _client.PostJsonAsync($"/api/sessions/{session}/invitations", new { all = true }, HttpStatusCode.Accepted);
        Assert.Equal(1, second["created"]!.GetValue<int>());
        Assert.Equal(1, second["alreadyInvited"]!.GetValue<int>());

        var list = (await _client.GetJsonAsync($"/api/sessions/{session}/invitations")).AsArray();
        Assert.Equal(2, list.Count);
        Assert.All(list, i => Assert.Contains(i.Str("status"), new[] { "notSent", "invited" })); // the email channel sends them meanwhile
        Assert.Contains(list, i => i.Str("participantId") == a && i.Str("name") == "Youssef Bennani");
        Assert.Contains(list, i => i.Str("participantId") == b);
    }

    [Fact]
    public async Task Invite_WithAnUnknownParticipant_NamesIt_AndCreatesNothing()
    {
        var s = new Scenario(_client);
        var campaign = await s.CampaignAsync();
        var session = (await s.SessionAsync(campaign)).Str("id");
        var known = await s.ParticipantAsync(campaign, "Karim Mansouri");
        var unknown = Guid.NewGuid().ToString();
        var problem = await _client.PostJsonAsync($"/api/sessions/{session}/invitations", new { participantIds = new[] { known, unknown } }, HttpStatusCode.BadRequest);
        Assert.Contains(unknown, problem["errors"]![0]!.Str("message"));
        Assert.Empty((await _client.GetJsonAsync($"/api/sessions/{session}/invitations")).AsArray());
    }

    [Fact]
    public async Task AnswerByPhone_IsRecordedWithItsChannelAndAuthor()
    {
        var s = new Scenario(_client);
        var campaign = await s.CampaignAsync();
        var session = (await s.SessionAsync(campaign)).Str("id");
        var person = await s.ParticipantAsync(campaign, "Hajar El Fassi");
        await s.InviteAsync(session, person);

        var result = await s.AnswerAsync(session, person, "accepted", "phone");
        Assert.Equal("accepted", result["invitation"].Str("status"));
        Assert.Equal("phone", result["invitation"].Str("channel"));
        var change = result["history"]!.AsArray()[^1]!;
        Assert.Contains(change.Str("from"), new[] { "notSent", "invited" });
        Assert.Equal("accepted", change.Str("to"));
        Assert.Equal("00000000-0000-0000-0000-0000000000020", change.Str("by"));

        var listed = (await _client.GetJsonAsync($"/api/sessions/{session}/invitations")).AsArray().Single();
        Assert.Equal("accepted", listed.Str("status"));
        Assert.Equal("phone", listed!["lastChange"].Str("channel"));
    }

    [Fact]
    public async Task Decline_AfterAccept_FreesSeatForWaitlist()
    {
        var s = new Scenario(_client);
        var campaign = await s.CampaignAsync();
        var session = (await s.SessionAsync(campaign, capacity: 1)).Str("id");
        var first = await s.ParticipantAsync(campaign, "Imane Bouzid");
        var second = await s.ParticipantAsync(campaign, "Omar El Khatib", sex: "male");
        await s.InviteAsync(session, first, second);

        await s.AnswerAsync(session, first, "accepted");
        var waiting = await s.AnswerAsync(session, second, "accepted");
        Assert.Equal("waitlisted", waiting["invitation"].Str("status"));

        var declined = await s.AnswerAsync(session, first, "declined");
        Assert.Equal(second, declined["seatOfferedTo"]!.Str("participantId"));
        Assert.Equal("offered", declined["seatOfferedTo"].Str("status"));
        var sessionNow = await _client.GetJsonAsync($"/api/sessions/{session}");
        Assert.Equal(0, sessionNow["seatsLeft"]!.GetValue<int>());
    }

    [Fact]
    public async Task IllegalMove_IsRefusedWithItsReason()
    {
        var s = new Scenario(_client);
        var campaign = await s.CampaignAsync();
        var session = (await s.SessionAsync(campaign)).Str("id");
        var person = await s.ParticipantAsync(campaign, "Said Ziani", sex: "male");
        await s.InviteAsync(session, person);
        var problem = await s.AnswerAsync(session, person, "noShow", expected: HttpStatusCode.Conflict);
        Assert.Contains("no-show", problem.Str("title"));

        var bad = await s.AnswerAsync(session, person, "offered", expected: HttpStatusCode.BadRequest);
        Assert.Equal("status", bad["errors"]![0]!.Str("field"));
    }

    [Fact]
    public async Task Withdraw_ThenSubstitute_KeepsTheHistory()
    {
        var s = new Scenario(_client);
        var campaign = await s.CampaignAsync();
        var session = (await s.SessionAsync(campaign)).Str("id");
        var director = await s.ParticipantAsync(campaign, "Rachid Tahiri", group: "publicInstitution", sex: "male");
        var deputy = await s.ParticipantAsync(campaign, "Latifa Berrada", group: "publicInstitution");
        await s.InviteAsync(session, director);
        await s.AnswerAsync(session, director, "accepted", "email");

        var substituted = await _client.PostJsonAsync($"/api/sessions/{session}/invitations/{director}/substitute", new { delegateParticipantId = deputy }, HttpStatusCode.OK);
        Assert.Equal(deputy, substituted["invitation"].Str("participantId"));
        Assert.Equal("accepted", substituted["invitation"].Str("status"));
        Assert.Contains(director, substituted["history"]!.AsArray()[^1].Str("note"));

        var withdrawn = await _client.PostJsonAsync($"/api/sessions/{session}/invitations/{deputy}/withdraw", new { }, HttpStatusCode.OK);
        Assert.Equal("withdrawn", withdrawn["invitation"].Str("status"));
        var history = withdrawn["history"]!.AsArray();
        Assert.Equal(["accepted", "accepted", "withdrawn"], history.TakeLast(3).Select(h => h.Str("to")));
        Assert.Contains(history, h => h?["note"]?.GetValue<string>().Contains("substituted") == true);
    }

    [Fact]
    public async Task AnotherOrganiser_CannotTouchTheInvitations()
    {
        var s = new Scenario(_client);
        var campaign = await s.CampaignAsync();
        var session = (await s.SessionAsync(campaign)).Str("id");
        var person = await s.ParticipantAsync(campaign, "Zineb Lahlou");
        await s.InviteAsync(session, person);
        var stranger = service.ClientAs("organiser-of-another-campaign");
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync($"/api/sessions/{session}/invitations")).StatusCode);
        var response = await stranger.PostAsync($"/api/sessions/{session}/invitations/{person}/answer",
            System.Net.Http.Json.JsonContent.Create(new { status = "declined" }));
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var still = (await _client.GetJsonAsync($"/api/sessions/{session}/invitations")).AsArray().Single();
        Assert.NotEqual("declined", still.Str("status"));
    }
}

public sealed class InvitationApiOnSqliteTests(ServiceFactory service) : InvitationApiTests(service), IClassFixture<ServiceFactory>;

public sealed class InvitationApiOnPostgresTests(PostgresServiceFactory service) : InvitationApiTests(service), IClassFixture<PostgresServiceFactory>;
