using System.Net;
using Microsoft.Extensions.DependencyInjection;
using ParticipantBot.Rsvp;
using ParticipantBot.Tests.Support;

namespace ParticipantBot.Tests.Rsvp;

/// <summary>The signed RSVP link over HTTP: what an altered, expired, reused or forged request gets.</summary>
public sealed class RsvpPageTests(ServiceFactory service) : IClassFixture<ServiceFactory>
{
    private readonly HttpClient _client = service.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    private async Task<(string Session, string Participant, string InvitationId)> InvitedAsync(string start = "2026-12-15T09:30", string end = "2026-12-15T13:00", int capacity = 10)
    {
        var s = new Scenario(_client);
        var campaign = await s.CampaignAsync();
        var session = (await s.SessionAsync(campaign, capacity: capacity, start: start, end: end)).Str("id");
        var person = await s.ParticipantAsync(campaign, "Hajar El Fassi");
        await s.InviteAsync(session, person);
        var invitation = (await _client.GetJsonAsync($"/api/sessions/{session}/invitations")).AsArray().Single();
        return (session, person, invitation.Str("id"));
    }

    private string Link(string invitation, string participant, DateTimeOffset? expires = null)
    {
        using var scope = service.Services.CreateScope();
        var links = scope.ServiceProvider.GetRequiredService<RsvpLinks>();
        return "/rsvp/" + links.Token(Guid.Parse(invitation), Guid.Parse(participant), expires ?? service.Clock.GetUtcNow().AddDays(30));
    }

    [Fact]
    public async Task ValidLink_ShowsTheSessionInThePersonsLanguage()
    {
        var (_, person, invitation) = await InvitedAsync();
        var html = WebUtility.HtmlDecode(await _client.GetStringAsync(Link(invitation, person)));
        Assert.Contains("<html lang=\"fr\" dir=\"ltr\">", html);
        Assert.Contains("Gouvernance", html);
        Assert.Contains("mardi 15 décembre 2026 à 09:30", html);
        Assert.Contains("__RequestVerificationToken", html);
        var arabic = await _client.GetStringAsync(Link(invitation, person) + "?lang=ar");
        Assert.Contains("<html lang=\"ar\" dir=\"rtl\">", arabic);
        Assert.Contains("هل ستشاركون؟", arabic);
    }

    [Fact]
    public async Task AlteredLink_RevealsNothing_AndSaysWhomToContact()
    {
        var (_, person, invitation) = await InvitedAsync();
        var link = Link(invitation, person);
        var altered = link[..^6] + (link[^6] == 'A' ? 'B' : 'A') + link[^5..];
        var response = await _client.GetAsync(altered);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Contains("Ce lien n'est pas valide", html);
        Assert.Contains("participantbot@localhost.localdomain", html);
        Assert.DoesNotContain("Gouvernance", html);
        Assert.DoesNotContain("Hajar", html);
        Assert.Equal(HttpStatusCode.NotFound, (await _client.GetAsync("/rsvp/" + Guid.NewGuid().ToString("N"))).StatusCode);
    }

    [Fact]
    public async Task ExpiredLink_Gets410_NamingTheSessionAndTheContact()
    {
        var (_, person, invitation) = await InvitedAsync();
        var response = await _client.GetAsync(Link(invitation, person, service.Clock.GetUtcNow().AddMinutes(-1)));
        Assert.Equal(HttpStatusCode.Gone, response.StatusCode);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Contains("Ce lien a expiré", html);
        Assert.Contains("Gouvernance", html);
        Assert.Contains("participantbot@localhost.localdomain", html);
    }

    [Fact]
    public async Task PostWithoutTheAntiforgeryToken_IsRefused_AndChangesNothing()
    {
        var (session, person, invitation) = await InvitedAsync();
        var response = await _client.PostAsync(Link(invitation, person), new FormUrlEncodedContent(new Dictionary<string, string> { ["answer"] = "decline" }));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.NotEqual("declined", await StatusAsync(session, person));
    }

    [Fact]
    public async Task PostWithTheFormsToken_RecordsTheAnswerWithChannelWeb()
    {
        var (session, person, invitation) = await InvitedAsync();
        await PostAnswerAsync(Link(invitation, person), "decline");
        Assert.Equal("declined", await StatusAsync(session, person));
        var listed = (await _client.GetJsonAsync($"/api/sessions/{session}/invitations")).AsArray().Single();
        Assert.Equal("web", listed.Str("channel"));
        Assert.Equal($"participant:{person}", listed!["lastChange"].Str("by"));
    }

    [Fact]
    public async Task LinkOfAReplacedPerson_NoLongerAnswersForTheInvitation()
    {
        var (session, person, invitation) = await InvitedAsync();
        var link = Link(invitation, person);
        var campaign = (await _client.GetJsonAsync($"/api/sessions/{session}")).Str("campaignId");
        var deputy = await new Scenario(_client).ParticipantAsync(campaign, "Latifa Berrada");
        await _client.PostJsonAsync($"/api/sessions/{session}/invitations/{person}/substitute", new { delegateParticipantId = deputy }, HttpStatusCode.OK);
        Assert.Equal(HttpStatusCode.NotFound, (await _client.GetAsync(link)).StatusCode);
    }

    [Fact]
    public async Task OnceTheSessionHasStarted_AnswersAreClosed()
    {
        var start = service.Clock.GetUtcNow().AddHours(-3).ToOffset(TimeSpan.FromHours(1));
        var (session, person, invitation) = await InvitedAsync(start.ToString("yyyy-MM-ddTHH:mm"), start.AddHours(6).ToString("yyyy-MM-ddTHH:mm"));
        var link = Link(invitation, person);
        var html = WebUtility.HtmlDecode(await _client.GetStringAsync(link));
        Assert.Contains("La session a commencé", html);
        Assert.DoesNotContain("name=\"answer\"", html);
    }

    private async Task PostAnswerAsync(string link, string answer) =>
        Assert.Equal(HttpStatusCode.Redirect, (await RsvpForm.PostAsync(_client, link, answer)).StatusCode);

    private async Task<string> StatusAsync(string session, string person) =>
        (await _client.GetJsonAsync($"/api/sessions/{session}/invitations")).AsArray().Single(i => i.Str("participantId") == person).Str("status");
}
