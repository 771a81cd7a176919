using System.Text.Json.Nodes;
using ParticipantBot.Tests.Support;

namespace ParticipantBot.Tests.Api;

public sealed class OpenApiTests(ServiceFactory service) : IClassFixture<ServiceFactory>
{
    private static readonly string[] Methods = ["get", "put", "post", "delete", "patch", "head", "options", "trace"];

    private Task<JsonNode> DocumentAsync() => service.CreateClient().GetJsonAsync("/openapi/v1.json");

    private static IEnumerable<(string Path, string Method, JsonNode Operation)> Operations(JsonNode document) =>
        document["paths"]!.AsObject().SelectMany(p => p.Value!.AsObject().Where(m => Methods.Contains(m.Key)).Select(m => (p.Key, m.Key, m.Value!)));

    [Fact]
    public async Task OpenApiDocument_DescribesTheOrganiserRoutes()
    {
        var document = await DocumentAsync();
        var paths = document["paths"]!.AsObject().Select(p => p.Key).ToList();
        foreach (var route in new[]
                 {
                     "/api/campaigns", "/api/campaigns/{id}", "/api/campaigns/{id}/sessions", "/api/sessions/{id}", "/api/sessions/{id}/cancel",
                     "/api/campaigns/{cid}/participants", "/api/campaigns/{cid}/participants/{pid}", "/api/campaigns/{cid}/participants/import",
                     "/api/sessions/{id}/invitations", "/api/sessions/{id}/invitations/{participantId}/answer", "/api/sessions/{id}/invitations/{participantId}/withdraw",
                 })
            Assert.Contains(route, paths);
    }

    [Fact]
    public async Task OpenApiDocument_DeclaresTheBearerScheme_AndEveryOperationHasASummaryAndAUniqueOperationIdFromTheTable()
    {
        var document = await DocumentAsync();
        var scheme = document["components"]!["securitySchemes"]![ParticipantBot.Api.OpenApiDescriptions.BearerScheme]!;
        Assert.Equal("http", scheme.Str("type"));
        Assert.Equal("bearer", scheme.Str("scheme"));
        Assert.NotNull(document["security"]![0]![ParticipantBot.Api.OpenApiDescriptions.BearerScheme]);
        var operations = Operations(document).ToList();
        Assert.True(operations.Count >= 40, $"Only {operations.Count} operations.");
        var ids = new HashSet<string>();
        foreach (var (path, method, operation) in operations)
        {
            var key = $"{method.ToUpperInvariant()} {path}";
            Assert.True(ParticipantBot.Api.OpenApiDescriptions.Operations.ContainsKey(key), $"{key} is not in OpenApiDescriptions.Operations: give it an operationId and a summary there.");
            Assert.False(string.IsNullOrWhiteSpace(operation["summary"]?.GetValue<string>()), $"{key} has no summary.");
            Assert.True(ids.Add(operation.Str("operationId")), $"{key}: operationId {operation.Str("operationId")} is used twice.");
        }
    }

    [Fact]
    public async Task OpenApiDocument_PassesRedoclysRecommendedRules_WithoutAnError()
    {
        var cli = RepositoryPaths.Combine("tests", "tools", "node_modules", "@redocly", "cli", "bin", "cli.js");
        Assert.True(File.Exists(cli), "Run tests/tools/install.sh: @redocly/cli is missing.");
        var file = Path.Combine(service.Folder, "openapi.json");
        await File.WriteAllTextAsync(file, (await DocumentAsync()).ToJsonString());
        var config = Path.Combine(service.Folder, "redocly.yaml");
        await File.WriteAllTextAsync(config, "extends:\n  - recommended\n");
        var (exit, output) = ProcessRunner.Run("node", $"\"{cli}\" lint \"{file}\" --config \"{config}\" --format stylish", timeout: TimeSpan.FromMinutes(3));
        // Redocly exits non-zero when any rule of the set reports an error (warnings are listed, and allowed).
        Assert.True(exit == 0, output);
    }

    [Fact]
    public async Task EveryResponse_SaysNoSniff()
    {
        var client = service.CreateClient();
        foreach (var url in new[] { "/openapi/v1.json", "/healthz", "/api/campaigns", "/no/such/route", "/dashboard" })
        {
            var response = await client.GetAsync(url);
            Assert.True(response.Headers.TryGetValues("X-Content-Type-Options", out var values), $"{url} ({(int)response.StatusCode}) has no X-Content-Type-Options.");
            Assert.Equal("nosniff", Assert.Single(values));
        }
    }
}
