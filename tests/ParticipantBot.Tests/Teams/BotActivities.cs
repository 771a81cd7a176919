using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace ParticipantBot.Tests.Teams;

/// <summary>Activities as the Bot Connector posts them to /api/messages.</summary>
public static class BotActivities
{
    public const string Tenant = "tenant-1";

    private static JsonObject Base(string type, string serviceUrl, string objectId, string userId) => new()
    {
        ["type"] = type,
        ["id"] = Guid.NewGuid().ToString(),
        ["channelId"] = "msteams",
        ["serviceUrl"] = serviceUrl,
        ["timestamp"] = DateTimeOffset.UtcNow.ToString("O"),
        ["from"] = new JsonObject { ["id"] = userId, ["name"] = "User", ["aadObjectId"] = objectId },
        ["recipient"] = new JsonObject { ["id"] = "28:bot", ["name"] = "ParticipantBot" },
        ["conversation"] = new JsonObject { ["id"] = "a:" + userId, ["conversationType"] = "personal", ["tenantId"] = Tenant },
        ["channelData"] = new JsonObject { ["tenant"] = new JsonObject { ["id"] = Tenant } },
    };

    public static JsonObject Install(string serviceUrl, string objectId, string userId, string action = "add")
    {
        var activity = Base("installationUpdate", serviceUrl, objectId, userId);
        activity["action"] = action;
        return activity;
    }

    public static JsonObject Message(string serviceUrl, string objectId, string userId, string text)
    {
        var activity = Base("message", serviceUrl, objectId, userId);
        activity["text"] = text;
        return activity;
    }

    public static JsonObject CardAction(string serviceUrl, string objectId, string userId, string verb, string? invitation, string? signature, JsonObject? inputs = null)
    {
        var activity = Base("invoke", serviceUrl, objectId, userId);
        activity["name"] = "adaptiveCard/action";
        var data = new JsonObject { ["i"] = invitation, ["s"] = signature };
        foreach (var (key, value) in inputs ?? []) data[key] = value?.DeepClone();
        activity["value"] = new JsonObject { ["action"] = new JsonObject { ["type"] = "Action.Execute", ["verb"] = verb, ["data"] = data }, ["trigger"] = "manual" };
        return activity;
    }

    public static async Task<HttpResponseMessage> PostAsync(HttpClient client, JsonObject activity) =>
        await client.PostAsync("/api/messages", JsonContent.Create(activity));

    /// <summary>The card an invoke answered with.</summary>
    public static async Task<JsonObject> CardAsync(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{(int)response.StatusCode}: {body}");
        var invoke = JsonNode.Parse(body)!;
        Assert.Equal("application/vnd.microsoft.card.adaptive", invoke["type"]!.GetValue<string>());
        return invoke["value"]!.AsObject();
    }

    private static readonly System.Text.Json.JsonSerializerOptions Readable = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>A card or activity as text, with its accents and Arabic letters as they are.</summary>
    public static string Text(JsonNode card) => card.ToJsonString(Readable);
}
