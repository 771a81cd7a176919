using System.Net;
using System.Text.Json.Nodes;
using ParticipantBot.Tests.Support;

namespace ParticipantBot.Tests.Teams;

/// <summary>"status" and "remind" typed by organisers in Teams, under the same access rule as the organiser API.</summary>
public sealed class OrganiserCommandsTests : IAsyncLifetime
{
    private readonly ServiceFactory _service = new();
    private FakeBotConnector _connector = null!;

    public async Task InitializeAsync() => _connector = await FakeBotConnector.StartAsync();

    public async Task DisposeAsync()
    {
        await _connector.DisposeAsync();
        await _service.DisposeAsync();
    }

    /// <summary>A campaign of this organiser with one session, two people invited and one of them accepted.</summary>
    private async Task<(string Campaign, string Session)> CampaignOfAsync(string organiser, string title)
    {
        var client = _service.ClientAs(organiser);
        var s = new Scenario(client);
        var campaign = await s.CampaignAsync("Campagne " + title);
        var session = (await client.PostJsonAsync($"/api/campaigns/{campaign}/sessions",
            new { title, start = "2027-04-20T09:30", end = "2027-04-20T12:00", capacity = 20 }, HttpStatusCode.Created)).Str("id");
        var amina = await s.ParticipantAsync(campaign, "Amina " + title, sex: "female");
        var yassine = await s.ParticipantAsync(campaign, "Yassine " + title, sex: "male", group: "civilSociety");
        await s.InviteAsync(session, amina, yassine);
        await s.AnswerAsync(session, amina, "accepted");
        // Only those whose invitation went out can be reminded: wait for the outbox to send it.
        await s.SentAsync(session, yassine);
        return (campaign, session);
    }

    /// <summary>Types a command in the personal chat and returns the card the bot answered with.</summary>
    private async Task<JsonObject> SayAsync(string objectId, string text)
    {
        var before = _connector.Sent.Select(a => a.Activity).ToHashSet();
        var response = await BotActivities.PostAsync(_service.CreateClient(), BotActivities.Message(_connector.Url, objectId, "29:" + objectId, text));
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        var reply = Assert.Single(_connector.Sent, a => a.ConversationId == "a:29:" + objectId && !before.Contains(a.Activity)).Activity;
        return reply["attachments"]![0]!["content"]!.AsObject();
    }

    private async Task<JsonObject> PressAsync(string objectId, JsonObject card, int button)
    {
        var action = card["actions"]![button]!;
        var data = action["data"]!.AsObject();
        return await BotActivities.CardAsync(await BotActivities.PostAsync(_service.CreateClient(),
            BotActivities.CardAction(_connector.Url, objectId, "29:" + objectId, action.Str("verb"), null, null,
                new JsonObject { ["session"] = data["session"]!.DeepClone(), ["for"] = data["for"]!.DeepClone() })));
    }

    /// <summary>Reminders planned beyond the policy's own (those are planned at invitation time).</summary>
    private async Task<int> RemindersPlannedAsync(string organiser, string session) =>
        (await _service.ClientAs(organiser).GetJsonAsync($"/api/sessions/{session}/messages")).AsArray()
            .Count(m => m.Str("kind") == "reminder" && m!["sequence"]!.GetValue<int>() >= 1000);

    [Fact]
    public async Task Status_ShowsOnlyTheSessionsOfTheTeamsUsersOwnCampaigns()
    {
        await CampaignOfAsync("oid-org-status", "Gouvernance");
        await CampaignOfAsync("oid-org-other", "Migrations secrètes");

        var card = BotActivities.Text(await SayAsync("oid-org-status", "statut"));
        Assert.Contains("1. Gouvernance", card);
        Assert.DoesNotContain("Migrations secrètes", card);
        Assert.Contains("Sans réponse", card);

        var detail = BotActivities.Text(await SayAsync("oid-org-status", "statut 1"));
        Assert.True(detail.Contains("Acceptés, par groupe et par sexe"), detail);
        Assert.Contains("\"title\":\"Femme", detail);
        Assert.Contains("100 %", detail);

        var nobody = BotActivities.Text(await SayAsync("oid-not-an-organiser", "status"));
        Assert.DoesNotContain("Gouvernance", nobody);
    }

    [Fact]
    public async Task Remind_AsksFirst_ThenRemindsTheNonResponders_AndTheAuditLogSaysWho()
    {
        var (campaign, session) = await CampaignOfAsync("oid-org-remind", "Jeunesse");
        var ask = await SayAsync("oid-org-remind", "relancer Jeunesse");
        Assert.Contains("1 personne(s) invitée(s)", BotActivities.Text(ask));
        Assert.Equal(0, await RemindersPlannedAsync("oid-org-remind", session));

        var done = BotActivities.Text(await PressAsync("oid-org-remind", ask, 0));
        Assert.Contains("1 relance(s) prévue(s)", done);
        Assert.Equal(1, await RemindersPlannedAsync("oid-org-remind", session));
        var entry = (await _service.ClientAs("oid-org-remind").GetJsonAsync($"/api/campaigns/{campaign}/audit")).AsArray().First()!;
        Assert.Equal(("remindersSent", "oid-org-remind"), (entry.Str("action"), entry.Str("actor")));
    }

    [Fact]
    public async Task Remind_Cancelled_SendsNothing()
    {
        var (_, session) = await CampaignOfAsync("oid-org-drop", "Société civile");
        var ask = await SayAsync("oid-org-drop", "remind 1");
        Assert.Contains("Rien n'a été envoyé", BotActivities.Text(await PressAsync("oid-org-drop", ask, 1)));
        Assert.Equal(0, await RemindersPlannedAsync("oid-org-drop", session));
    }

    [Fact]
    public async Task RemindOfAnotherOrganisersSession_IsAnsweredAsUnknown_AndTheirCardDoesNothingForSomeoneElse()
    {
        var (_, session) = await CampaignOfAsync("oid-org-owner", "Institutions");
        var stranger = BotActivities.Text(await SayAsync("oid-org-stranger", "remind Institutions"));
        Assert.Contains("Aucune de vos sessions ne correspond", stranger);

        var ask = await SayAsync("oid-org-owner", "remind Institutions");
        var forwarded = BotActivities.Text(await PressAsync("oid-org-stranger", ask, 0));
        Assert.DoesNotContain("relance(s) prévue(s)", forwarded);
        Assert.Equal(0, await RemindersPlannedAsync("oid-org-owner", session));

        // Removed from the campaign after the card was sent: the button no longer acts.
        await _service.ClientAs("oid-org-owner").PutAsync($"/api/campaigns/{(await _service.ClientAs("oid-org-owner").GetJsonAsync($"/api/sessions/{session}")).Str("campaignId")}/organisers",
            System.Net.Http.Json.JsonContent.Create(new { organisers = new[] { "oid-org-successor" } }));
        Assert.DoesNotContain("relance(s) prévue(s)", BotActivities.Text(await PressAsync("oid-org-owner", ask, 0)));
        Assert.Equal(0, await RemindersPlannedAsync("oid-org-successor", session));
    }

    [Fact]
    public async Task Status_InATeamChannel_IsAnsweredOnlyInThePersonalChat()
    {
        await CampaignOfAsync("oid-org-channel", "Migrants");
        var activity = BotActivities.Message(_connector.Url, "oid-org-channel", "29:oid-org-channel", "status");
        activity["conversation"] = new JsonObject { ["id"] = "19:channel@thread.tacv2", ["conversationType"] = "channel", ["tenantId"] = BotActivities.Tenant };
        var response = await BotActivities.PostAsync(_service.CreateClient(), activity);
        Assert.True(response.IsSuccessStatusCode);
        var reply = BotActivities.Text(Assert.Single(_connector.Sent, a => a.ConversationId == "19:channel@thread.tacv2").Activity);
        Assert.Contains("conversation personnelle", reply);
        Assert.DoesNotContain("Migrants", reply);
    }
}
