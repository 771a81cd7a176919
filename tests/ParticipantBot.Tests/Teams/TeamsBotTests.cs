using System.Net;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ParticipantBot.Persistence;
using ParticipantBot.Teams.Cards;
using ParticipantBot.Tests.Support;

namespace ParticipantBot.Tests.Teams;

/// <summary>The bot behind /api/messages, fed the activities Teams sends, talking back to a fake Bot Connector.</summary>
public sealed class TeamsBotTests : IAsyncLifetime
{
    private readonly ServiceFactory _service = new();
    private FakeBotConnector _connector = null!;
    private HttpClient _client = null!;

    public async Task InitializeAsync()
    {
        _connector = await FakeBotConnector.StartAsync();
        _client = _service.CreateClient();
    }

    public async Task DisposeAsync()
    {
        await _connector.DisposeAsync();
        await _service.DisposeAsync();
    }

    private async Task<(string Campaign, string Session, string Participant)> InvitedAsync(string objectId, int capacity = 10, string channel = "teams", string? email = null)
    {
        var s = new Scenario(_client);
        var campaign = await s.CampaignAsync();
        var session = (await s.SessionAsync(campaign, capacity: capacity, start: "2027-03-20T09:30", end: "2027-03-20T12:00")).Str("id");
        var person = (await _client.PostJsonAsync($"/api/campaigns/{campaign}/participants",
            new { fullName = "Youssef " + objectId, teamsObjectId = objectId, email, group = "youth", sex = "male", language = "fr", channel }, HttpStatusCode.Created))["participant"].Str("id");
        return (campaign, session, person);
    }

    private async Task InstallAsync(string objectId, string userId, string? email = null)
    {
        _connector.Members[userId] = new JsonObject { ["id"] = userId, ["aadObjectId"] = objectId, ["userPrincipalName"] = email, ["email"] = email, ["name"] = "User" };
        var response = await BotActivities.PostAsync(_client, BotActivities.Install(_connector.Url, objectId, userId));
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
    }

    private Task<(string Invitation, string Signature)> SignedAsync(string session, string participant) =>
        ChatUser.SignedAsync(_service.Services, session, participant);

    private async Task<JsonNode> InvitationAsync(string session, string participant) =>
        (await _client.GetJsonAsync($"/api/sessions/{session}/invitations")).AsArray().Single(i => i.Str("participantId") == participant)!;

    [Fact]
    public async Task Install_StoresTheReference_AndLinksTheParticipantFoundByEmail()
    {
        var s = new Scenario(_client);
        var campaign = await s.CampaignAsync();
        var person = (await _client.PostJsonAsync($"/api/campaigns/{campaign}/participants",
            new { fullName = "Adele Vance", email = "adele.link@example.com", group = "youth", channel = "teams" }, HttpStatusCode.Created))["participant"].Str("id");
        await InstallAsync("oid-adele", "29:adele", "adele.link@example.com");
        var linked = await _client.GetJsonAsync($"/api/campaigns/{campaign}/participants/{person}");
        Assert.Equal("oid-adele", linked.Str("teamsObjectId"));

        await using var scope = _service.Services.CreateAsyncScope();
        var installation = await scope.ServiceProvider.GetRequiredService<AppDbContext>().TeamsInstallations.SingleAsync(i => i.UserObjectId == "oid-adele");
        Assert.Equal((_connector.Url, "a:29:adele", BotActivities.Tenant, true), (installation.ServiceUrl, installation.ConversationId, installation.TenantId, installation.Active));
    }

    [Fact]
    public async Task Uninstall_MarksTheReferenceDead_AndLaterMessagesGoByEmail()
    {
        var (_, session, person) = await InvitedAsync("oid-gone", channel: "teams", email: "gone@example.org");
        await InstallAsync("oid-gone", "29:gone");
        await BotActivities.PostAsync(_client, BotActivities.Install(_connector.Url, "oid-gone", "29:gone", "remove"));
        await new Scenario(_client).InviteAsync(session, person);
        var messages = await Eventually.WaitAsync(() => _client.GetJsonAsync($"/api/sessions/{session}/messages"),
            m => m.AsArray().Any(x => x.Str("channel") == "email" && x.Str("kind") == "invitation" && x.Str("status") == "sent"), "the email instead of the card");
        var teams = messages.AsArray().Single(x => x.Str("channel") == "teams" && x.Str("kind") == "invitation");
        Assert.Equal("skipped", teams.Str("status"));
        Assert.Contains("not installed", teams.Str("reason"));
        // The organiser sees it on the invitation itself, with the reason.
        var delivery = (await InvitationAsync(session, person))["delivery"]!.AsArray();
        Assert.Contains(delivery, d => d.Str("channel") == "teams" && d.Str("status") == "skipped" && d.Str("reason").Contains("not installed"));
        Assert.Contains(delivery, d => d.Str("channel") == "email" && d.Str("status") == "sent");
        Assert.DoesNotContain(_connector.Sent, a => a.ConversationId == "a:29:gone" && BotActivities.Text(a.Activity).Contains("rsvp.accept"));
    }

    [Fact]
    public async Task Invitation_IsSentAsACard_AndAcceptRecordsTeamsAsTheChannel_OnceOnly()
    {
        var (_, session, person) = await InvitedAsync("oid-youssef");
        await InstallAsync("oid-youssef", "29:youssef");
        await new Scenario(_client).InviteAsync(session, person);
        var sent = await Eventually.WaitAsync(() => Task.FromResult(_connector.Sent.Where(a => BotActivities.Text(a.Activity).Contains("rsvp.accept")).ToList()), l => l.Count == 1, "the invitation card");
        var card = sent[0].Activity["attachments"]![0]!["content"]!;
        Assert.Equal("29:youssef", card["refresh"]!["userIds"]![0]!.GetValue<string>());
        var accept = card["actions"]!.AsArray().Single(a => a!["verb"]!.GetValue<string>() == "rsvp.accept")!;

        for (var click = 0; click < 2; click++)
        {
            var answered = await BotActivities.CardAsync(await BotActivities.PostAsync(_client, BotActivities.CardAction(_connector.Url, "oid-youssef", "29:youssef", "rsvp.accept",
                accept["data"]!["i"]!.GetValue<string>(), accept["data"]!["s"]!.GetValue<string>())));
            Assert.Contains("Votre réponse : vous viendrez", BotActivities.Text(answered));
        }
        var invitation = await InvitationAsync(session, person);
        Assert.Equal("accepted", invitation.Str("status"));
        Assert.Equal("teams", invitation.Str("channel"));
        var detail = await _client.GetJsonAsync($"/api/sessions/{session}/invitations/{person}");
        Assert.Single(detail["history"]!.AsArray(), h => h.Str("to") == "accepted");
    }

    [Fact]
    public async Task ForwardedCard_ClickedBySomeoneElse_CannotAnswerForItsAddressee()
    {
        var (_, session, person) = await InvitedAsync("oid-owner");
        await new Scenario(_client).InviteAsync(session, person);
        var (invitation, signature) = await SignedAsync(session, person);
        var card = await BotActivities.CardAsync(await BotActivities.PostAsync(_client,
            BotActivities.CardAction(_connector.Url, "oid-intruder", "29:intruder", "rsvp.decline", invitation, signature)));
        Assert.Contains("Cette invitation ne vous est pas destinée", BotActivities.Text(card));
        Assert.DoesNotContain("Gouvernance", BotActivities.Text(card));
        Assert.NotEqual("declined", (await InvitationAsync(session, person)).Str("status"));
    }

    [Fact]
    public async Task AlteredCardData_IsRefused_AndChangesNothing()
    {
        var (_, session, person) = await InvitedAsync("oid-alter");
        var (_, otherSession, otherPerson) = await InvitedAsync("oid-other");
        await new Scenario(_client).InviteAsync(session, person);
        await new Scenario(_client).InviteAsync(otherSession, otherPerson);
        var (invitation, signature) = await SignedAsync(session, person);
        var (otherInvitation, _) = await SignedAsync(otherSession, otherPerson);

        var garbage = await BotActivities.CardAsync(await BotActivities.PostAsync(_client, BotActivities.CardAction(_connector.Url, "oid-alter", "29:alter", "rsvp.decline", invitation, signature[..^4] + "AAAA")));
        Assert.Contains("Ce bouton ne peut pas être utilisé", BotActivities.Text(garbage));
        var swapped = await BotActivities.CardAsync(await BotActivities.PostAsync(_client, BotActivities.CardAction(_connector.Url, "oid-alter", "29:alter", "rsvp.decline", otherInvitation, signature)));
        Assert.Contains("Ce bouton ne peut pas être utilisé", BotActivities.Text(swapped));
        var missing = await BotActivities.CardAsync(await BotActivities.PostAsync(_client, BotActivities.CardAction(_connector.Url, "oid-alter", "29:alter", "rsvp.decline", null, null)));
        Assert.Contains("Ce bouton ne peut pas être utilisé", BotActivities.Text(missing));
        Assert.NotEqual("declined", (await InvitationAsync(session, person)).Str("status"));
        Assert.NotEqual("declined", (await InvitationAsync(otherSession, otherPerson)).Str("status"));
    }

    [Fact]
    public async Task StaleCard_AfterTheSessionMoved_ShowsTheSessionAsItIsNow_WithoutAnswering()
    {
        var (_, session, person) = await InvitedAsync("oid-stale");
        await new Scenario(_client).InviteAsync(session, person);
        var (invitation, signature) = await SignedAsync(session, person);
        await _client.PatchJsonAsync($"/api/sessions/{session}", new { venue = "Nouvelle salle" });
        var card = await BotActivities.CardAsync(await BotActivities.PostAsync(_client, BotActivities.CardAction(_connector.Url, "oid-stale", "29:stale", "rsvp.accept", invitation, signature)));
        Assert.Contains("Cette carte n'était plus à jour", BotActivities.Text(card));
        Assert.Contains("Nouvelle salle", BotActivities.Text(card));
        Assert.NotEqual("accepted", (await InvitationAsync(session, person)).Str("status"));
    }

    [Fact]
    public async Task AcceptOnAFullSession_Waitlists_AndADeclineOffersTheSeatWithACard()
    {
        var (campaign, session, first) = await InvitedAsync("oid-first", capacity: 1);
        var second = (await _client.PostJsonAsync($"/api/campaigns/{campaign}/participants",
            new { fullName = "Imane", teamsObjectId = "oid-second", group = "youth", sex = "female", channel = "teams" }, HttpStatusCode.Created))["participant"].Str("id");
        await InstallAsync("oid-first", "29:first");
        await InstallAsync("oid-second", "29:second");
        await new Scenario(_client).InviteAsync(session, first, second);
        var (i1, s1) = await SignedAsync(session, first);
        var (i2, s2) = await SignedAsync(session, second);
        await BotActivities.CardAsync(await BotActivities.PostAsync(_client, BotActivities.CardAction(_connector.Url, "oid-first", "29:first", "rsvp.accept", i1, s1)));
        var waiting = await BotActivities.CardAsync(await BotActivities.PostAsync(_client, BotActivities.CardAction(_connector.Url, "oid-second", "29:second", "rsvp.accept", i2, s2)));
        Assert.Contains("liste d'attente", BotActivities.Text(waiting));

        await BotActivities.CardAsync(await BotActivities.PostAsync(_client, BotActivities.CardAction(_connector.Url, "oid-first", "29:first", "rsvp.decline", i1, s1)));
        Assert.Equal("offered", (await InvitationAsync(session, second)).Str("status"));
        await Eventually.WaitAsync(() => Task.FromResult(_connector.Sent.Where(a => a.ConversationId == "a:29:second" && BotActivities.Text(a.Activity).Contains("Une place pour vous")).ToList()),
            l => l.Count == 1, "the seat offered card");
    }

    [Fact]
    public async Task NeedsFromTheCard_AreKeptOnlyWithConsent()
    {
        var (campaign, session, person) = await InvitedAsync("oid-needs");
        await new Scenario(_client).InviteAsync(session, person);
        var (invitation, signature) = await SignedAsync(session, person);
        var inputs = new JsonObject { ["transport"] = "true", ["diet"] = "halal", ["consent"] = "false" };
        var refused = await BotActivities.CardAsync(await BotActivities.PostAsync(_client, BotActivities.CardAction(_connector.Url, "oid-needs", "29:needs", "rsvp.needs", invitation, signature, inputs)));
        Assert.Contains("n'ont pas été conservés", BotActivities.Text(refused));
        Assert.False((await _client.GetJsonAsync($"/api/campaigns/{campaign}/participants/{person}"))["needs"]!["transport"]!.GetValue<bool>());
        inputs["consent"] = "true";
        var saved = await BotActivities.CardAsync(await BotActivities.PostAsync(_client, BotActivities.CardAction(_connector.Url, "oid-needs", "29:needs", "rsvp.needs", invitation, signature, inputs)));
        Assert.Contains("Vos besoins sont enregistrés", BotActivities.Text(saved));
        var participant = await _client.GetJsonAsync($"/api/campaigns/{campaign}/participants/{person}");
        Assert.True(participant["needs"]!["transport"]!.GetValue<bool>());
        Assert.Equal("halal", participant["needs"].Str("diet"));
        Assert.Equal("teams", participant["consent"].Str("channel"));
    }

    [Fact]
    public async Task AgeAndShortSetFromTheCard_AreAskedAfterConsent_AndKeptOnlyWithIt()
    {
        var (campaign, session, person) = await InvitedAsync("oid-about");
        await new Scenario(_client).InviteAsync(session, person);
        var (invitation, signature) = await SignedAsync(session, person);
        var accepted = await BotActivities.CardAsync(await BotActivities.PostAsync(_client, BotActivities.CardAction(_connector.Url, "oid-about", "29:about", "rsvp.accept", invitation, signature, new JsonObject())));
        // After Accept the card asks, below the consent, for the age group and the six questions, each skippable.
        var card = accepted.ToJsonString();
        Assert.True(card.IndexOf("\"consent\"", StringComparison.Ordinal) < card.IndexOf("\"ageBand\"", StringComparison.Ordinal));
        foreach (var domain in ParticipantBot.Domain.Participants.Functioning.Domains) Assert.Contains($"\"id\":\"{domain}\"", card);
        Assert.Contains("Avez-vous des difficult", BotActivities.Text(accepted));

        var inputs = new JsonObject { ["consent"] = "false", ["ageBand"] = "25-34", ["walking"] = "CannotDoAtAll", ["seeing"] = "NoDifficulty" };
        await BotActivities.PostAsync(_client, BotActivities.CardAction(_connector.Url, "oid-about", "29:about", "rsvp.needs", invitation, signature, inputs));
        Assert.Null((await _client.GetJsonAsync($"/api/campaigns/{campaign}/participants/{person}/export"))["aboutThemselves"]);
        inputs["consent"] = "true";
        inputs["hearing"] = "not an answer"; // card data of any shape: read as skipped
        await BotActivities.PostAsync(_client, BotActivities.CardAction(_connector.Url, "oid-about", "29:about", "rsvp.needs", invitation, signature, inputs));
        var about = (await _client.GetJsonAsync($"/api/campaigns/{campaign}/participants/{person}/export"))["aboutThemselves"]!;
        Assert.Equal(("25-34", "withDisability"), (about.Str("ageBand"), about.Str("disability")));
        Assert.Null(about["washingtonGroupShortSet"]!["hearing"]);
    }

    [Fact]
    public async Task ConnectorAnswering404_MarksThePersonUnreachable_AndTheEmailTakesOverOnce()
    {
        var (_, session, person) = await InvitedAsync("oid-404", channel: "teams", email: "fallback@example.org");
        await InstallAsync("oid-404", "29:404");
        _connector.AnswerNext(404);
        await new Scenario(_client).InviteAsync(session, person);
        var messages = await Eventually.WaitAsync(() => _client.GetJsonAsync($"/api/sessions/{session}/messages"),
            m => m.AsArray().Any(x => x.Str("channel") == "email" && x.Str("kind") == "invitation" && x.Str("status") == "sent"), "the email fallback");
        var teams = messages.AsArray().Single(x => x.Str("channel") == "teams" && x.Str("kind") == "invitation");
        Assert.Equal("failed", teams.Str("status"));
        Assert.Contains("404", teams.Str("reason"));
        Assert.Single(messages.AsArray(), x => x.Str("channel") == "email" && x.Str("kind") == "invitation");
        await using var scope = _service.Services.CreateAsyncScope();
        Assert.False((await scope.ServiceProvider.GetRequiredService<AppDbContext>().TeamsInstallations.SingleAsync(i => i.UserObjectId == "oid-404")).Active);
    }

    [Fact]
    public async Task ConnectorAnswering429_IsRetriedAfterItsRetryAfter_AndThenDelivered()
    {
        var (_, session, person) = await InvitedAsync("oid-429");
        await InstallAsync("oid-429", "29:429");
        _connector.AnswerNext(429, "1");
        await new Scenario(_client).InviteAsync(session, person);
        var messages = await Eventually.WaitAsync(() => _client.GetJsonAsync($"/api/sessions/{session}/messages"),
            m => m.AsArray().Any(x => x.Str("channel") == "teams" && x.Str("kind") == "invitation" && x.Str("status") == "sent"), "the retried card");
        var teams = messages.AsArray().Single(x => x.Str("channel") == "teams" && x.Str("kind") == "invitation");
        Assert.Equal(2, teams!["attempts"]!.GetValue<int>());
    }

    [Fact]
    public async Task ConnectorAnswering403_IsNotRetried()
    {
        var (_, session, person) = await InvitedAsync("oid-403");
        await InstallAsync("oid-403", "29:403");
        _connector.AnswerNext(403);
        await new Scenario(_client).InviteAsync(session, person);
        var messages = await Eventually.WaitAsync(() => _client.GetJsonAsync($"/api/sessions/{session}/messages"),
            m => m.AsArray().Any(x => x.Str("channel") == "teams" && x.Str("kind") == "invitation" && x.Str("status") == "failed"), "the refused card");
        var teams = messages.AsArray().Single(x => x.Str("channel") == "teams" && x.Str("kind") == "invitation");
        Assert.Equal(1, teams!["attempts"]!.GetValue<int>());
        Assert.Contains("403", teams.Str("reason"));
    }

    [Theory]
    [InlineData("aide", "Ce que je peux faire")]
    [InlineData("n'importe quoi", "Ce que je peux faire")]
    [InlineData("stop", "Plus de rappels")]
    [InlineData("langue en", "Language changed")]
    public async Task TextCommands_AreAnsweredInThePersonsLanguage(string text, string expected)
    {
        await InvitedAsync("oid-cmd-" + text.GetHashCode());
        var objectId = "oid-cmd-" + text.GetHashCode();
        await InstallAsync(objectId, "29:" + objectId);
        var before = _connector.Sent.Count;
        var response = await BotActivities.PostAsync(_client, BotActivities.Message(_connector.Url, objectId, "29:" + objectId, text));
        Assert.True(response.IsSuccessStatusCode);
        var replies = await Eventually.WaitAsync(() => Task.FromResult(_connector.Sent.Where(a => a.ConversationId == "a:29:" + objectId && BotActivities.Text(a.Activity).Contains(expected)).ToList()),
            l => l.Count >= 1, $"a reply with '{expected}'");
        Assert.NotEmpty(replies);
        Assert.True(_connector.Sent.Count > before);
    }
}
