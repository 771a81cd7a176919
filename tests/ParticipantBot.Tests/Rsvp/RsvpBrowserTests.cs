using System.Net;
using Microsoft.Playwright;
using ParticipantBot.Tests.Support;

namespace ParticipantBot.Tests.Rsvp;

/// <summary>The RSVP page as a participant uses it: the link from their email, opened in headless Chromium on a phone-sized screen.</summary>
[Collection("Browser")]
public sealed class RsvpBrowserTests(BrowserFixture browser)
{
    private static async Task<(HttpClient Api, string Session, string Person, Uri Link)> InvitedByEmailAsync(
        KestrelServiceFactory service, string name, string language, int capacity = 10, string start = "2026-12-15T09:30", string end = "2026-12-15T13:00")
    {
        var api = service.RealClient();
        var s = new Scenario(api);
        var campaign = await s.CampaignAsync("Consultations Oriental");
        var session = (await s.SessionAsync(campaign, capacity: capacity, start: start, end: end)).Str("id");
        var email = $"{Guid.NewGuid():N}@example.org";
        var person = (await api.PostJsonAsync($"/api/campaigns/{campaign}/participants",
            new { fullName = name, email, group = "migrant", sex = "female", language, channel = "email" }, HttpStatusCode.Created))["participant"].Str("id");
        await s.InviteAsync(session, person);
        var mail = await Eventually.WaitAsync(() => Task.FromResult(new MailFolder(Path.Combine(service.Folder, "outbox")).To(email)), l => l.Count == 1, "the invitation email");
        return (api, session, person, MailFolder.RsvpLink(mail[0]));
    }

    [Fact]
    public async Task French_AcceptWithNeedsAndConsent_IsSavedAndVisibleThroughTheApi()
    {
        var service = new KestrelServiceFactory();
        await using var _ = service;
        var (api, session, person, link) = await InvitedByEmailAsync(service, "Aïcha Diallo", "fr");
        var page = await browser.PhoneAsync();
        await page.GotoAsync(link.ToString());
        Assert.Equal("fr", await page.GetAttributeAsync("html", "lang"));
        Assert.Equal("ltr", await page.GetAttributeAsync("html", "dir"));

        await page.GetByLabel("Je viendrai").CheckAsync();
        await page.GetByLabel("J'ai besoin d'un transport").CheckAsync();
        await page.GetByLabel("Régime alimentaire (ex. végétarien, allergies)").FillAsync("végétarien");
        await page.GetByLabel("Sexe").SelectOptionAsync("notStated");
        await page.GetByLabel("Votre groupe d'acteurs (sert seulement aux décomptes anonymes)").SelectOptionAsync("civilSociety");
        await page.GetByLabel("J'accepte que mes réponses et besoins soient conservés comme décrit ci-dessus.").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Envoyer ma réponse" }).ClickAsync();
        await page.Locator("#notice").WaitForAsync();
        Assert.Equal("Merci, votre réponse est enregistrée.", (await page.Locator("#notice").TextContentAsync())?.Trim());
        await BrowserFixture.ScreenshotAsync(page, "rsvp-fr-accepted");

        var invitation = (await api.GetJsonAsync($"/api/sessions/{session}/invitations")).AsArray().Single();
        Assert.Equal("accepted", invitation.Str("status"));
        Assert.Equal("web", invitation.Str("channel"));
        var participant = await api.GetJsonAsync($"/api/campaigns/{(await api.GetJsonAsync($"/api/sessions/{session}")).Str("campaignId")}/participants/{person}");
        Assert.True(participant["needs"]!["transport"]!.GetValue<bool>());
        Assert.Equal("végétarien", participant["needs"].Str("diet"));
        Assert.Equal("notStated", participant.Str("sex"));
        Assert.Equal("civilSociety", participant.Str("group"));
        Assert.Equal("web", participant["consent"].Str("channel"));
    }

    [Fact]
    public async Task Arabic_RightToLeft_DeclineIsSaved()
    {
        var service = new KestrelServiceFactory();
        await using var _ = service;
        var (api, session, _, link) = await InvitedByEmailAsync(service, "خديجة بنعلي", "ar");
        var page = await browser.PhoneAsync();
        await page.GotoAsync(link.ToString());
        Assert.Equal("ar", await page.GetAttributeAsync("html", "lang"));
        Assert.Equal("rtl", await page.GetAttributeAsync("html", "dir"));
        Assert.Equal("rtl", await page.EvaluateAsync<string>("getComputedStyle(document.body).direction"));
        await BrowserFixture.ScreenshotAsync(page, "rsvp-ar-form");

        await page.GetByLabel("لن أتمكن من الحضور").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "إرسال ردّي" }).ClickAsync();
        await page.Locator("#notice").WaitForAsync();
        Assert.Equal("شكراً، تم تسجيل ردّكم.", (await page.Locator("#notice").TextContentAsync())?.Trim());
        Assert.Contains("لن تتمكنوا من الحضور", await page.Locator("#current-answer").TextContentAsync());
        await BrowserFixture.ScreenshotAsync(page, "rsvp-ar-declined");

        var invitation = (await api.GetJsonAsync($"/api/sessions/{session}/invitations")).AsArray().Single();
        Assert.Equal("declined", invitation.Str("status"));
        Assert.Equal("web", invitation.Str("channel"));
    }

    [Fact]
    public async Task LanguageSwitch_TurnsThePageToArabic_AndTimesStayRightAcrossRamadan()
    {
        var service = new KestrelServiceFactory();
        await using var _ = service;
        var (_, _, _, link) = await InvitedByEmailAsync(service, "Grace Okafor", "en", start: "2027-02-10T10:00", end: "2027-02-10T12:00");
        var page = await browser.PhoneAsync();
        await page.GotoAsync(link.ToString());
        Assert.Equal("Wednesday 10 February 2027, 10:00 – 12:00 (Morocco time)", (await page.Locator("#session-when").TextContentAsync())?.Trim());
        await page.GetByRole(AriaRole.Link, new() { Name = "العربية" }).ClickAsync();
        await page.WaitForURLAsync("**lang=ar");
        Assert.Equal("rtl", await page.GetAttributeAsync("html", "dir"));
        Assert.Contains("10:00", await page.Locator("#session-when").TextContentAsync());
        await BrowserFixture.ScreenshotAsync(page, "rsvp-ar-ramadan");
    }

    [Fact]
    public async Task AcceptingAFullSession_PutsThePersonOnTheWaitingList_AndSaysSo()
    {
        var service = new KestrelServiceFactory();
        await using var _ = service;
        var (api, session, _, link) = await InvitedByEmailAsync(service, "Nadia Amrani", "fr", capacity: 1);
        var campaign = (await api.GetJsonAsync($"/api/sessions/{session}")).Str("campaignId");
        var first = await new Scenario(api).ParticipantAsync(campaign, "Karim Mansouri");
        await new Scenario(api).InviteAsync(session, first);
        await new Scenario(api).AnswerAsync(session, first, "accepted");

        var page = await browser.PhoneAsync();
        await page.GotoAsync(link.ToString());
        await page.GetByLabel("Je viendrai").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Envoyer ma réponse" }).ClickAsync();
        await page.Locator("#notice").WaitForAsync();
        Assert.Contains("liste d'attente", await page.Locator("#notice").TextContentAsync());
        await BrowserFixture.ScreenshotAsync(page, "rsvp-fr-waitlisted");
        Assert.Contains((await api.GetJsonAsync($"/api/sessions/{session}/invitations")).AsArray(), i => i.Str("status") == "waitlisted");
    }
}
