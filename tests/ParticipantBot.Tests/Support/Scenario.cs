using System.Net;
using System.Text.Json.Nodes;

namespace ParticipantBot.Tests.Support;

/// <summary>Builds what a test needs through the public API, as an organiser would.</summary>
public sealed class Scenario(HttpClient client)
{
    public async Task<string> CampaignAsync(string name = "Consultation Oriental")
    {
        var campaign = await client.PostJsonAsync("/api/campaigns", new { name }, HttpStatusCode.Created);
        return campaign.Str("id");
    }

    public async Task<JsonNode> SessionAsync(string campaignId, int? capacity = 24, string start = "2026-12-08T09:30", string end = "2026-12-08T13:00") =>
        await client.PostJsonAsync($"/api/campaigns/{campaignId}/sessions",
            new { title = "Gouvernance", start, end, venue = "Hôtel, Oujda", capacity, languages = new[] { "fr", "ar" } }, HttpStatusCode.Created);

    public async Task<string> ParticipantAsync(string campaignId, string name, string? email = null, string group = "youth", string sex = "female")
    {
        var created = await client.PostJsonAsync($"/api/campaigns/{campaignId}/participants",
            new { fullName = name, email = email ?? $"{Guid.NewGuid():N}@example.org", group, sex, language = "fr", channel = "email" }, HttpStatusCode.Created);
        return created["participant"].Str("id");
    }

    public async Task InviteAsync(string sessionId, params string[] participantIds) =>
        await client.PostJsonAsync($"/api/sessions/{sessionId}/invitations", new { participantIds }, HttpStatusCode.Accepted);

    /// <summary>Waits until the person's invitation went out (the dispatcher works in the background).</summary>
    public Task<JsonNode> SentAsync(string sessionId, string participantId) =>
        Eventually.WaitAsync(() => client.GetJsonAsync($"/api/sessions/{sessionId}/invitations/{participantId}"),
            i => i["invitation"]?["status"]?.GetValue<string>() == "invited", "the invitation to be sent");

    public async Task<JsonNode> AnswerAsync(string sessionId, string participantId, string status, string channel = "phone", HttpStatusCode expected = HttpStatusCode.OK) =>
        await client.PostJsonAsync($"/api/sessions/{sessionId}/invitations/{participantId}/answer", new { status, channel }, expected);
}
