using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using ParticipantBot.Surveys;
using ParticipantBot.Tests.Delivery;
using ParticipantBot.Tests.Support;
using ParticipantBot.Tests.Teams;

namespace ParticipantBot.Tests.Surveys;

/// <summary>The survey card in Teams, against a Bot Connector of the tests' own: delivered, answered, refused for anyone else.</summary>
public sealed class SurveyCardTests : IAsyncLifetime
{
    private readonly ClockedServiceFactory _service = new();
    private FakeBotConnector _connector = null!;
    private HttpClient _api = null!;
    private string _session = "", _person = "";

    public async Task InitializeAsync()
    {
        _connector = await FakeBotConnector.StartAsync();
        _api = _service.CreateClient();
        var s = new Scenario(_api);
        var campaign = await s.CampaignAsync();
        _session = (await s.SessionAsync(campaign, start: "2026-12-16T09:30", end: "2026-12-16T13:00")).Str("id");
        _person = (await _api.PostJsonAsync($"/api/campaigns/{campaign}/participants",
            new { fullName = "Salma Teams", teamsObjectId = "oid-survey", group = "youth", sex = "female", language = "fr", channel = "teams" }, HttpStatusCode.Created))["participant"].Str("id");
        await new ChatUser(_api, _connector, "oid-survey", "Salma").InstallAsync();
        await s.InviteAsync(_session, _person);
        await s.AnswerAsync(_session, _person, "attended");
        await _api.PostJsonAsync($"/api/sessions/{_session}/survey/open", new { }, HttpStatusCode.Accepted);
        await _service.DispatchAsync();
    }

    public async Task DisposeAsync()
    {
        await _connector.DisposeAsync();
        await _service.DisposeAsync();
    }

    private string Token()
    {
        using var scope = _service.Services.CreateScope();
        return scope.ServiceProvider.GetRequiredService<SurveyLinks>().Token(Guid.Parse(_session), Guid.Parse(_person));
    }

    private static JsonObject Inputs(string satisfaction = "4") => new()
    {
        ["satisfaction"] = satisfaction, ["usefulness"] = "5", ["priorities.1"] = "health", ["priorities.2"] = "housing", ["priorities.3"] = "education",
        ["comment"] = "Merci",
    };

    private async Task<JsonObject> SubmitAsync(string objectId, string token, JsonObject inputs)
    {
        var activity = BotActivities.CardAction(_connector.Url, objectId, "29:" + objectId, "survey.submit", null, null, inputs);
        activity["value"]!["action"]!["data"] = new JsonObject { ["t"] = token };
        foreach (var (key, value) in inputs) activity["value"]!["action"]!["data"]![key] = value?.DeepClone();
        return await BotActivities.CardAsync(await BotActivities.PostAsync(_api, activity));
    }

    [Fact]
    public async Task SurveyCard_ArrivesInTheirLanguage_WithEveryQuestion()
    {
        var sent = _connector.Sent.Select(a => BotActivities.Text(a.Activity)).Single(t => t.Contains("survey.submit"));
        Assert.Contains("Votre avis sur « Gouvernance »", sent);
        Assert.Contains("\"id\":\"priorities.3\"", sent);
        Assert.Contains("\"id\":\"satisfaction\"", sent);
    }

    [Fact]
    public async Task Submit_TurnsTheCardIntoThanks_AndShowsInTheResults()
    {
        var card = await SubmitAsync("oid-survey", Token(), Inputs());
        Assert.Contains("Merci !", BotActivities.Text(card));
        Assert.DoesNotContain("survey.submit", card.ToJsonString());
        var results = await _api.GetJsonAsync($"/api/sessions/{_session}/survey/results");
        Assert.Equal(1, results["responses"]!.GetValue<int>());
        Assert.Equal(["Merci"], results["questions"]![4]!["comments"]!.AsArray().Select(c => c!.GetValue<string>()));

        var replay = await SubmitAsync("oid-survey", Token(), Inputs("1"));
        Assert.Contains("déjà répondu", BotActivities.Text(replay));
        Assert.Equal(4.0, (await _api.GetJsonAsync($"/api/sessions/{_session}/survey/results"))["questions"]![0]!["average"]!.GetValue<double>());
    }

    [Fact]
    public async Task Submit_WithAMissingAnswer_ComesBackWithTheProblem_AndWhatWasGiven()
    {
        var inputs = Inputs();
        inputs.Remove("usefulness");
        inputs["priorities.2"] = "health";
        var card = await SubmitAsync("oid-survey", Token(), inputs);
        var text = BotActivities.Text(card);
        Assert.Contains("Merci de vérifier vos réponses", text);
        Assert.Contains("demande une réponse", text);
        Assert.Contains("choisissez trois priorités différentes", text);
        Assert.Contains("\"value\":\"4\"", card.ToJsonString());   // the rating given is kept in the card
        Assert.Equal(0, (await _api.GetJsonAsync($"/api/sessions/{_session}/survey/results"))["responses"]!.GetValue<int>());
    }

    [Fact]
    public async Task SomeoneElse_PressingTheCard_OrAForgedToken_ChangesNothing()
    {
        var stranger = await SubmitAsync("oid-someone-else", Token(), Inputs());
        Assert.Contains("ne vous est pas destinée", BotActivities.Text(stranger));
        var forged = await SubmitAsync("oid-survey", Token()[..^3] + "abc", Inputs());
        Assert.DoesNotContain("Merci !", BotActivities.Text(forged));
        Assert.Equal(0, (await _api.GetJsonAsync($"/api/sessions/{_session}/survey/results"))["responses"]!.GetValue<int>());
    }
}
