using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ParticipantBot.Persistence;
using ParticipantBot.Tests.Support;

namespace ParticipantBot.Tests.Teams;

/// <summary>/api/messages fed what a hostile or broken client sends: never a server error, never a failed turn for a duplicate install.</summary>
public sealed class BotInputTests : IAsyncLifetime
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

    /// <summary>A loopback port nothing listens on: connections to it are refused at once.</summary>
    private static string DeadServiceUrl()
    {
        var listener = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return $"http://127.0.0.1:{port}/";
    }

    [Theory]
    [InlineData("message")]
    [InlineData("installationUpdate")]
    [InlineData("conversationUpdate")]
    [InlineData("invoke")]
    public async Task Activity_WhoseServiceUrlDoesNotAnswer_GetsNoServerError(string type)
    {
        var url = DeadServiceUrl();
        var activity = type switch
        {
            "message" => BotActivities.Message(url, "oid-dead-1", "29:dead-1", "help"),
            "installationUpdate" => BotActivities.Install(url, "oid-dead-2", "29:dead-2"),
            "invoke" => BotActivities.CardAction(url, "oid-dead-3", "29:dead-3", "rsvp.accept", "x", "y"),
            _ => Retyped(BotActivities.Install(url, "oid-dead-4", "29:dead-4"), "conversationUpdate"),
        };
        var response = await BotActivities.PostAsync(_client, activity);
        Assert.True((int)response.StatusCode < 500, $"{type} to a dead service URL answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
    }

    private static JsonObject Retyped(JsonObject activity, string type)
    {
        activity["type"] = type;
        activity.Remove("action");
        activity["membersAdded"] = new JsonArray(new JsonObject { ["id"] = activity["from"]!["id"]!.GetValue<string>() });
        return activity;
    }

    /// <summary>Card data as no card of ours sends it: other JSON types where strings are expected, arrays, nesting, nothing.</summary>
    public static TheoryData<string> WrongShapes() => new()
    {
        """{"action": {"type": "Action.Execute", "verb": "rsvp.accept", "data": {"i": {"x": 1}, "s": [1, 2]}}}""",
        """{"action": {"type": "Action.Execute", "verb": "rsvp.needs", "data": {"i": 5, "s": true, "diet": {"a": "b"}, "consent": [true]}}}""",
        """{"action": {"type": "Action.Execute", "verb": "rsvp.accept", "data": [1, 2, 3]}}""",
        """{"action": {"type": "Action.Execute", "verb": "rsvp.accept", "data": "text"}}""",
        """{"action": {"type": "Action.Execute", "verb": {"x": 1}, "data": {}}}""",
        """{"action": {"type": "Action.Execute", "verb": ["survey.submit"], "data": {}}}""",
        """{"action": {"type": "Action.Execute", "verb": "survey.submit", "data": {"t": {"x": 1}, "q1": [1]}}}""",
        """{"action": {"type": "Action.Execute", "verb": "organiser.remind", "data": {"session": [1], "for": {"a": 1}}}}""",
        """{"action": "text"}""",
        """{"action": [1, 2]}""",
        """[1, 2]""",
        "\"text\"",
        "null",
        "{}",
    };

    [Theory]
    [MemberData(nameof(WrongShapes))]
    public async Task CardAction_WithDataOfTheWrongJsonShape_GetsNoServerError(string value)
    {
        var activity = BotActivities.CardAction(_connector.Url, "oid-shape", "29:shape", "rsvp.accept", "x", "y");
        activity["value"] = JsonNode.Parse(value);
        var response = await BotActivities.PostAsync(_client, activity);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True((int)response.StatusCode < 500, $"{value} answered {(int)response.StatusCode}: {body}");
    }

    [Fact]
    public async Task CardAction_WithStringsWhereObjectsBelong_GetsTheTamperedCard()
    {
        var activity = BotActivities.CardAction(_connector.Url, "oid-shape-2", "29:shape-2", "rsvp.accept", "x", "y");
        activity["value"]!["action"]!["data"] = new JsonObject { ["i"] = new JsonObject { ["x"] = 1 }, ["s"] = new JsonArray(1, 2) };
        var card = await BotActivities.CardAsync(await BotActivities.PostAsync(_client, activity));
        Assert.Contains("modifi", BotActivities.Text(card), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task InstallationUpdateAndConversationUpdate_ArrivingTogether_KeepOneInstallation_AndBothTurnsSucceed()
    {
        // The Agents Playground and Teams send both at once at every install: the same row, two turns.
        for (var n = 0; n < 8; n++)
        {
            var objectId = $"oid-twice-{n}";
            var userId = $"29:twice-{n}";
            _connector.Members[userId] = new JsonObject { ["id"] = userId, ["aadObjectId"] = objectId, ["name"] = "User" };
            var install = BotActivities.Install(_connector.Url, objectId, userId);
            var update = Retyped(BotActivities.Install(_connector.Url, objectId, userId), "conversationUpdate");
            var answers = await Task.WhenAll(BotActivities.PostAsync(_client, install), BotActivities.PostAsync(_client, update));
            foreach (var answer in answers)
                Assert.True(answer.IsSuccessStatusCode, $"{(int)answer.StatusCode}: {await answer.Content.ReadAsStringAsync()}");
        }
        await using var scope = _service.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        for (var n = 0; n < 8; n++)
            Assert.Equal(1, await db.TeamsInstallations.CountAsync(i => i.UserObjectId == $"oid-twice-{n}"));
    }
}
