using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace ParticipantBot.Tests.Support;

public static class Json
{
    public static async Task<JsonNode> ReadJsonAsync(this HttpResponseMessage response, System.Net.HttpStatusCode expected)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"Expected {(int)expected} but got {(int)response.StatusCode}: {body}");
        return JsonNode.Parse(body.Length == 0 ? "null" : body) ?? new JsonObject();
    }

    public static async Task<JsonNode> PostJsonAsync(this HttpClient client, string url, object body, System.Net.HttpStatusCode expected) =>
        await (await client.PostAsJsonAsync(url, body)).ReadJsonAsync(expected);

    public static async Task<JsonNode> GetJsonAsync(this HttpClient client, string url, System.Net.HttpStatusCode expected = System.Net.HttpStatusCode.OK) =>
        await (await client.GetAsync(url)).ReadJsonAsync(expected);

    public static async Task<JsonNode> PatchJsonAsync(this HttpClient client, string url, object body, System.Net.HttpStatusCode expected = System.Net.HttpStatusCode.OK) =>
        await (await client.PatchAsJsonAsync(url, body)).ReadJsonAsync(expected);

    public static string Str(this JsonNode? node, string property) => node?[property]?.GetValue<string>() ?? throw new InvalidOperationException($"no {property} in {node}");
}
