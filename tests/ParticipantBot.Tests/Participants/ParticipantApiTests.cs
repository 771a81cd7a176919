using System.Net;
using ParticipantBot.Tests.Support;

namespace ParticipantBot.Tests.Participants;

public abstract class ParticipantApiTests(ServiceFactory service)
{
    private readonly HttpClient _client = service.CreateClient();

    [Fact]
    public async Task SamePersonTwice_IsRefused_ButASharedAddressIsOnlyAWarning()
    {
        var campaign = await new Scenario(_client).CampaignAsync();
        var url = $"/api/campaigns/{campaign}/participants";
        await _client.PostJsonAsync(url, new { fullName = "Awa Ndiaye", email = "desk@ngo.example", group = "migrant", sex = "female" }, HttpStatusCode.Created);
        await _client.PostJsonAsync(url, new { fullName = "awa ndiaye", email = "DESK@ngo.example", group = "migrant" }, HttpStatusCode.Conflict);
        var second = await _client.PostJsonAsync(url, new { fullName = "Moussa Koné", email = "desk@ngo.example", group = "migrant", sex = "male" }, HttpStatusCode.Created);
        Assert.Contains("desk@ngo.example", second["warnings"]![0]!.GetValue<string>());
    }

    [Fact]
    public async Task Patch_ChangesOnlyWhatItNames()
    {
        var campaign = await new Scenario(_client).CampaignAsync();
        var id = await new Scenario(_client).ParticipantAsync(campaign, "Meryem Alaoui", "meryem@example.org");
        var patched = await _client.PatchJsonAsync($"/api/campaigns/{campaign}/participants/{id}",
            new { sex = "notStated", language = "ar", needs = new { transport = true, diet = "halal" } });
        Assert.Equal("notStated", patched.Str("sex"));
        Assert.Equal("ar", patched.Str("language"));
        Assert.Equal("meryem@example.org", patched.Str("email"));
        Assert.True(patched["needs"]!["transport"]!.GetValue<bool>());
        Assert.Equal("halal", patched["needs"].Str("diet"));
    }

    [Fact]
    public async Task InvalidParticipant_GetsEveryProblemByField()
    {
        var campaign = await new Scenario(_client).CampaignAsync();
        var problem = await _client.PostJsonAsync($"/api/campaigns/{campaign}/participants",
            new { fullName = "", email = "nope", group = "astronauts", channel = "email" }, HttpStatusCode.BadRequest);
        var fields = problem["errors"]!.AsArray().Select(e => e.Str("field")).ToList();
        Assert.Contains("fullName", fields);
        Assert.Contains("email", fields);
        Assert.Contains("group", fields);
    }

    [Fact]
    public async Task Delete_RemovesThePersonAndTheirInvitations()
    {
        var s = new Scenario(_client);
        var campaign = await s.CampaignAsync();
        var session = (await s.SessionAsync(campaign)).Str("id");
        var id = await s.ParticipantAsync(campaign, "Hicham Filali");
        await s.InviteAsync(session, id);
        Assert.Equal(HttpStatusCode.NoContent, (await _client.DeleteAsync($"/api/campaigns/{campaign}/participants/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await _client.GetAsync($"/api/campaigns/{campaign}/participants/{id}")).StatusCode);
        Assert.Empty((await _client.GetJsonAsync($"/api/sessions/{session}/invitations")).AsArray());
    }
}

public sealed class ParticipantApiOnSqliteTests(ServiceFactory service) : ParticipantApiTests(service), IClassFixture<ServiceFactory>;

public sealed class ParticipantApiOnPostgresTests(PostgresServiceFactory service) : ParticipantApiTests(service), IClassFixture<PostgresServiceFactory>;
