using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ParticipantBot.Persistence;
using ParticipantBot.Tests.Support;

namespace ParticipantBot.Tests.Audit;

/// <summary>Who did what and when, per campaign, written with the change itself and never rewritten.</summary>
public sealed class AuditLogTests(ServiceFactory service) : IClassFixture<ServiceFactory>
{
    [Fact]
    public async Task SensitiveActions_AreLogged_WithTheActor_AndNoParticipantNameOrAddress()
    {
        var client = service.ClientAs("auditor-1");
        var s = new Scenario(client);
        var campaign = await s.CampaignAsync("Audit");
        var session = (await s.SessionAsync(campaign, start: "2027-06-10T09:30", end: "2027-06-10T12:00")).Str("id");
        var nadia = await s.ParticipantAsync(campaign, "Nadia Bennani", "nadia.bennani@example.org");
        var karim = await s.ParticipantAsync(campaign, "Karim Alaoui", "karim.alaoui@example.org", sex: "male");
        await s.InviteAsync(session, nadia, karim);
        await s.AnswerAsync(session, nadia, "accepted");
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsync($"/api/sessions/{session}/invitations/{karim}/withdraw", null)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.PutAsJsonAsync($"/api/campaigns/{campaign}/organisers", new { organisers = new[] { "auditor-1", "auditor-2" } })).StatusCode);
        var import = await client.PostAsync($"/api/campaigns/{campaign}/participants/import",
            Uploads.Csv("name,email,group,sex\nOmar Tazi,omar.tazi@example.org,youth,M\n"));
        Assert.Equal(HttpStatusCode.OK, import.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await client.DeleteAsync($"/api/campaigns/{campaign}/participants/{karim}")).StatusCode);

        var log = (await client.GetJsonAsync($"/api/campaigns/{campaign}/audit")).AsArray();
        var actions = log.Select(e => e.Str("action")).Reverse().ToList();
        Assert.Equal(["campaignCreated", "sessionCreated", "participantAdded", "participantAdded", "invitationsSent", "answerRecorded",
            "invitationWithdrawn", "organisersChanged", "participantsImported", "participantErased"], actions);
        Assert.All(log, e => Assert.Equal("auditor-1", e.Str("actor")));
        var answer = log.Single(e => e.Str("action") == "answerRecorded");
        Assert.Equal((session, nadia), (answer.Str("sessionId"), answer.Str("participantId")));
        Assert.Contains("accepted", answer.Str("details"));
        Assert.Contains("auditor-2", log.Single(e => e.Str("action") == "organisersChanged").Str("details"));
        var text = log.ToJsonString();
        foreach (var personal in new[] { "Nadia", "Bennani", "nadia.bennani", "Karim", "karim.alaoui", "Omar", "omar.tazi" })
            Assert.DoesNotContain(personal, text);
    }

    [Fact]
    public async Task RemindNow_IsLogged_AndTheLogOfAnotherCampaignIsNotFound()
    {
        var client = service.ClientAs("auditor-3");
        var s = new Scenario(client);
        var campaign = await s.CampaignAsync("Relances");
        var session = (await s.SessionAsync(campaign, start: "2027-06-10T09:30", end: "2027-06-10T12:00")).Str("id");
        var hind = await s.ParticipantAsync(campaign, "Hind Idrissi");
        await s.InviteAsync(session, hind);
        await s.SentAsync(session, hind);
        await client.PostJsonAsync($"/api/sessions/{session}/reminders/send", new { }, HttpStatusCode.Accepted);

        var log = (await client.GetJsonAsync($"/api/campaigns/{campaign}/audit")).AsArray();
        Assert.Contains("1 reminder(s) planned for 1 person(s)", log.First()!.Str("details"));
        Assert.Equal("remindersSent", log.First()!.Str("action"));
        Assert.Equal(HttpStatusCode.NotFound, (await service.ClientAs("auditor-4").GetAsync($"/api/campaigns/{campaign}/audit")).StatusCode);
    }

    [Fact]
    public void AuditLog_HasNoRouteThatChangesIt()
    {
        service.CreateClient().Dispose();
        var routes = service.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText!.Contains("audit", StringComparison.OrdinalIgnoreCase))
            .SelectMany(e => e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["*"]).ToList();
        Assert.Equal(["GET"], routes);
    }

    [Fact]
    public async Task AuditEntries_CannotBeChangedOrDeleted_EvenByTheServiceItself()
    {
        var campaign = await new Scenario(service.ClientAs("auditor-5")).CampaignAsync("Immuable");
        await using var scope = service.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var entry = await db.AuditEntries.SingleAsync(a => a.CampaignId == Guid.Parse(campaign));
        db.Entry(entry).Property(e => e.Actor).CurrentValue = "someone-else";
        await Assert.ThrowsAsync<InvalidOperationException>(() => db.SaveChangesAsync());
        db.ChangeTracker.Clear();
        db.AuditEntries.Remove(await db.AuditEntries.SingleAsync(a => a.CampaignId == Guid.Parse(campaign)));
        await Assert.ThrowsAsync<InvalidOperationException>(() => db.SaveChangesAsync());
        db.ChangeTracker.Clear();
        Assert.Equal("auditor-5", (await db.AuditEntries.AsNoTracking().SingleAsync(a => a.CampaignId == Guid.Parse(campaign))).Actor);
    }
}
