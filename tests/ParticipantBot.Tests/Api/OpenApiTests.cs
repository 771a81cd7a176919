using ParticipantBot.Tests.Support;

namespace ParticipantBot.Tests.Api;

public sealed class OpenApiTests(ServiceFactory service) : IClassFixture<ServiceFactory>
{
    [Fact]
    public async Task OpenApiDocument_DescribesTheOrganiserRoutes()
    {
        var document = await service.CreateClient().GetJsonAsync("/openapi/v1.json");
        var paths = document["paths"]!.AsObject().Select(p => p.Key).ToList();
        foreach (var route in new[]
                 {
                     "/api/campaigns", "/api/campaigns/{id}", "/api/campaigns/{id}/sessions", "/api/sessions/{id}", "/api/sessions/{id}/cancel",
                     "/api/campaigns/{cid}/participants", "/api/campaigns/{cid}/participants/{pid}", "/api/campaigns/{cid}/participants/import",
                     "/api/sessions/{id}/invitations", "/api/sessions/{id}/invitations/{participantId}/answer", "/api/sessions/{id}/invitations/{participantId}/withdraw",
                 })
            Assert.Contains(route, paths);
    }
}
