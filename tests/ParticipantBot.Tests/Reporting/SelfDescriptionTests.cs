using System.Net;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ParticipantBot.Persistence;
using ParticipantBot.Rsvp;
using ParticipantBot.Tests.Support;

namespace ParticipantBot.Tests.Reporting;

/// <summary>Age group and the Washington Group Short Set: self-reported, optional, kept only with consent, exported and erased with the person.</summary>
public sealed class SelfDescriptionTests(ServiceFactory service) : IClassFixture<ServiceFactory>
{
    private readonly HttpClient _client = service.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    private async Task<(string Campaign, string Session)> CampaignAsync()
    {
        var s = new Scenario(_client);
        var campaign = await s.CampaignAsync();
        return (campaign, (await s.SessionAsync(campaign, start: "2026-12-15T09:30", end: "2026-12-15T13:00")).Str("id"));
    }

    private async Task<string> LinkAsync(string session, string person)
    {
        await new Scenario(_client).InviteAsync(session, person);
        var invitation = (await _client.GetJsonAsync($"/api/sessions/{session}/invitations")).AsArray().Single(i => i.Str("participantId") == person)!;
        using var scope = service.Services.CreateScope();
        return "/rsvp/" + scope.ServiceProvider.GetRequiredService<RsvpLinks>().Token(Guid.Parse(invitation.Str("id")), Guid.Parse(person), service.Clock.GetUtcNow().AddDays(30));
    }

    private async Task<JsonNode?> AboutAsync(string campaign, string person) =>
        (await _client.GetJsonAsync($"/api/campaigns/{campaign}/participants/{person}/export"))["aboutThemselves"];

    private static (string, string)[] Answers(bool consent, string ageBand) =>
    [
        ("answer", "accept"), ("consent", consent ? "true" : "false"), ("ageBand", ageBand),
        ("seeing", "NoDifficulty"), ("hearing", ""), ("walking", "ALot"), ("remembering", "Some"), ("selfCare", "NoDifficulty"), ("communicating", "NoDifficulty"),
    ];

    [Fact]
    public async Task RsvpPage_KeepsAgeAndShortSet_OnlyWithConsent()
    {
        var (campaign, session) = await CampaignAsync();
        var s = new Scenario(_client);
        var amina = await s.ParticipantAsync(campaign, "Amina Tazi", "amina@example.org");
        var karim = await s.ParticipantAsync(campaign, "Karim Idrissi", "karim@example.org", sex: "male");

        // The page asks after consent, each question skippable, in the person's language (Arabic: the Short Set's wording).
        var aminaLink = await LinkAsync(session, amina);
        var form = await RsvpForm.LoadAsync(_client, aminaLink);
        Assert.Contains("id=\"about\"", form.Html);
        Assert.True(form.Html.IndexOf("consent-statement", StringComparison.Ordinal) < form.Html.IndexOf("id=\"about\"", StringComparison.Ordinal));
        Assert.Contains("Avez-vous des difficultés à marcher ou à monter des marches ?", WebUtility.HtmlDecode(form.Html));
        var arabic = WebUtility.HtmlDecode(await _client.GetStringAsync(aminaLink + "?lang=ar"));
        Assert.Contains("هل تواجه صعوبة في المشي أو صعود السلالم؟", arabic);
        Assert.Contains("لا أستطيع أبداً", arabic);

        Assert.Equal(HttpStatusCode.Redirect, (await RsvpForm.PostAsync(_client, form, Answers(consent: true, "18-24"))).StatusCode);
        var about = await AboutAsync(campaign, amina);
        Assert.Equal("18-24", about.Str("ageBand"));
        Assert.Equal("withDisability", about.Str("disability"));
        Assert.Equal("aLot", about!["washingtonGroupShortSet"]!["walking"]!.GetValue<string>());
        Assert.Null(about["washingtonGroupShortSet"]!["hearing"]);

        // Without consent nothing of it is kept.
        var karimForm = await RsvpForm.LoadAsync(_client, await LinkAsync(session, karim));
        Assert.Equal(HttpStatusCode.Redirect, (await RsvpForm.PostAsync(_client, karimForm, Answers(consent: false, "25-34"))).StatusCode);
        Assert.Null(await AboutAsync(campaign, karim));
        await using var scope = service.Services.CreateAsyncScope();
        var row = await scope.ServiceProvider.GetRequiredService<AppDbContext>().Participants.AsNoTracking().SingleAsync(p => p.Id == Guid.Parse(karim));
        Assert.Equal((null, false), (row.AgeBand, row.Functioning.Any));

        // The dashboard counts her by age band and disability.
        var board = (await _client.GetJsonAsync($"/api/campaigns/{campaign}/dashboard"))["sessions"]![0]!["participation"]!;
        Assert.Equal(1, (int)board["byAgeBand"]!.AsArray().Single(b => b.Str("value") == "18-24")!["confirmed"]!["female"]!);
        Assert.Equal(1, (int)board["byDisability"]!.AsArray().Single(b => b.Str("value") == "withDisability")!["confirmed"]!["female"]!);
        Assert.Equal(1, (int)board["shares"]![1]!["youth"]!);
    }

    [Fact]
    public async Task Import_KeepsAFormsAnswers_OnlyOnRowsWithConsent()
    {
        var (campaign, _) = await CampaignAsync();
        var csv = "nom;email;groupe;sexe;consentement;âge;tranche d'âge;vue;ouïe;marche;mémoire;soins personnels;communication\n" +
                  "Salma Bennani;salma@example.org;jeunes;F;oui;19;;1;1;3;1;1;1\n" +
                  "Youssef Alaoui;youssef@example.org;migrants;M;oui;;25–34 ans;aucune difficulté;;;;;\n" +
                  "Omar Fassi;omar@example.org;migrants;M;non;40;;;;;;;\n";
        var refused = await _client.PostAsync($"/api/campaigns/{campaign}/participants/import", Uploads.Csv(csv));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        var problem = await refused.Content.ReadAsStringAsync();
        Assert.Contains("\"row\":4", problem);
        Assert.Contains("consentement", problem);

        var imported = await _client.PostAsync($"/api/campaigns/{campaign}/participants/import?skipInvalid=true", Uploads.Csv(csv));
        Assert.Equal(HttpStatusCode.OK, imported.StatusCode);
        var people = (await _client.GetJsonAsync($"/api/campaigns/{campaign}/participants")).AsArray();
        string Id(string name) => people.Single(p => p.Str("fullName") == name)!.Str("id");
        var salma = await AboutAsync(campaign, Id("Salma Bennani"));
        Assert.Equal(("18-24", "withDisability"), (salma.Str("ageBand"), salma.Str("disability")));
        var youssef = await AboutAsync(campaign, Id("Youssef Alaoui"));
        Assert.Equal(("25-34", "notStated"), (youssef.Str("ageBand"), youssef.Str("disability")));
        Assert.DoesNotContain(people, p => p.Str("fullName") == "Omar Fassi");

        var badAnswer = await _client.PostAsync($"/api/campaigns/{campaign}/participants/import?dryRun=true",
            Uploads.Csv("name;group;consent;walking;ageBand\nNadia;youth;yes;sometimes;\nHajar;youth;yes;;16-20\n"));
        var text = await badAnswer.Content.ReadAsStringAsync();
        Assert.Contains("Washington Group Short Set", text);
        Assert.Contains("Unknown age band", text);
    }

    [Fact]
    public async Task Export_IncludesAgeAndShortSet_AndErasureRemovesThem()
    {
        var (campaign, session) = await CampaignAsync();
        var person = await new Scenario(_client).ParticipantAsync(campaign, "Hajar El Fassi", "hajar@example.org");
        var form = await RsvpForm.LoadAsync(_client, await LinkAsync(session, person));
        Assert.Equal(HttpStatusCode.Redirect, (await RsvpForm.PostAsync(_client, form, Answers(consent: true, "65+"))).StatusCode);
        Assert.Equal("65+", (await AboutAsync(campaign, person)).Str("ageBand"));
        var html = WebUtility.HtmlDecode(await _client.GetStringAsync($"/api/campaigns/{campaign}/participants/{person}/export?format=html"));
        Assert.Contains("À propos de vous", html);
        Assert.Contains("washingtonGroupShortSet", html);

        Assert.Equal(HttpStatusCode.NoContent, (await _client.DeleteAsync($"/api/campaigns/{campaign}/participants/{person}")).StatusCode);
        await using var scope = service.Services.CreateAsyncScope();
        Assert.False(await scope.ServiceProvider.GetRequiredService<AppDbContext>().Participants.AnyAsync(p => p.Id == Guid.Parse(person)));
        var board = (await _client.GetJsonAsync($"/api/campaigns/{campaign}/dashboard"))["sessions"]![0]!["participation"]!;
        Assert.All(board["byAgeBand"]!.AsArray(), b => Assert.Equal(0, (int)b!["invited"]!["female"]!));
    }
}
