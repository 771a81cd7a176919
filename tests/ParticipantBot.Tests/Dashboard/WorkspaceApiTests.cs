using System.Collections;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using ParticipantBot.Resources;
using ParticipantBot.Tests.Support;

namespace ParticipantBot.Tests.Dashboard;

/// <summary>The routes the workspace page relies on, and the texts it shows every API problem with.</summary>
public sealed class WorkspaceApiTests(ServiceFactory service) : IClassFixture<ServiceFactory>
{
    private static Dictionary<string, string> Texts(string culture) =>
        ParticipantBot.Resources.Texts.Resources.GetResourceSet(CultureInfo.GetCultureInfo(culture), createIfNotExists: true, tryParents: false)!
            .Cast<DictionaryEntry>().ToDictionary(e => (string)e.Key, e => (string)e.Value!);

    /// <summary>Error codes as the source writes them: a literal "area.rule" given to a problem, a refusal or an exception.</summary>
    private static IEnumerable<string> CodesInTheSource()
    {
        var literal = new Regex("\"([a-z][a-zA-Z]*\\.[a-z][a-zA-Z]*)\"");
        foreach (var file in Directory.EnumerateFiles(RepositoryPaths.Combine("src"), "*.cs", SearchOption.AllDirectories)
                     .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}Migrations{Path.DirectorySeparatorChar}") && !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}")))
            foreach (var line in File.ReadLines(file))
            {
                // Card verbs, keys of a batch's context and resource names are literals of the same shape, and no codes.
                if (line.Contains("Button(") || line.Contains("case \"") || line.Contains("Key = \"") || line.Contains("verb", StringComparison.OrdinalIgnoreCase)
                    || line.Contains("Texts.") || line.Contains("ManifestResource") || line.Contains(".json\"")) continue;
                foreach (Match m in literal.Matches(line)) yield return m.Groups[1].Value;
            }
    }

    [Fact]
    public void EveryErrorCodeOfTheSource_IsSaidInFrenchArabicAndEnglish_WithTheSameArguments()
    {
        var english = Texts(CultureInfo.InvariantCulture.Name);
        // The areas of the codes (text, date, import, session...): a literal of the same shape in another area is no code (a span's attribute, a file name).
        var areas = english.Keys.Where(k => k.StartsWith("Error.", StringComparison.Ordinal)).Select(k => k.Split('.')[1]).Where(a => a != "status").ToHashSet();
        var codes = CodesInTheSource().Distinct().Where(c => areas.Contains(c.Split('.')[0]) || c.StartsWith("status.", StringComparison.Ordinal)).ToList();
        Assert.Contains("text.tooLong", codes);
        Assert.Contains("import.duplicateRow", codes);
        var missing = codes.Where(c => !english.ContainsKey("Error." + c)).ToList();
        Assert.True(missing.Count == 0, "No text for: " + string.Join(", ", missing));
        static string Names(string s) => string.Join(",", Regex.Matches(s, @"\{([a-zA-Z]\w*)\}").Select(m => m.Value).Order());
        foreach (var culture in new[] { "fr", "ar" })
            foreach (var (key, text) in Texts(culture).Where(kv => kv.Key.StartsWith("Error.", StringComparison.Ordinal)))
                Assert.True(Names(english[key]) == Names(text), $"{culture} {key}: {text}");
    }

    [Fact]
    public async Task AProblemOfTheApi_CarriesItsCodeAndArguments()
    {
        var client = service.CreateClient();
        var campaign = await new Scenario(client).CampaignAsync();
        var session = await client.PostAsJsonAsync($"/api/campaigns/{campaign}/sessions",
            new { title = "Gouvernance", start = "2026-12-08T13:00", end = "2026-12-08T09:30", capacity = 24 });
        var problem = await session.ReadJsonAsync(HttpStatusCode.BadRequest);
        Assert.Equal("session.endBeforeStart", problem["errors"]![0].Str("code"));
        var tooLong = await client.PatchAsJsonAsync($"/api/campaigns/{campaign}", new { retentionMonths = 500 });
        var error = (await tooLong.ReadJsonAsync(HttpStatusCode.BadRequest))["errors"]![0]!;
        Assert.Equal("campaign.retention", error.Str("code"));
        Assert.Equal(120, error["args"]!["max"]!.GetValue<int>());
    }

    [Theory]
    [InlineData("fr")]
    [InlineData("ar")]
    [InlineData("en")]
    public async Task Template_InEachLanguage_ImportsWithoutAnUnknownColumn(string language)
    {
        var client = service.CreateClient();
        var campaign = await new Scenario(client).CampaignAsync("Modèle " + language);
        var template = await client.GetByteArrayAsync($"/api/campaigns/{campaign}/participants/import/template?language={language}&format=csv");
        var header = System.Text.Encoding.UTF8.GetString(template).TrimStart('\uFEFF').Trim();
        var columns = header.Split(',').Length;
        var row = string.Join(",", Enumerable.Range(0, columns).Select(i => i switch { 0 => "Awa Ndiaye", 2 => "awa@example.org", 5 => "migrant", _ => "" }));
        var response = await client.PostAsync($"/api/campaigns/{campaign}/participants/import?dryRun=true", Uploads.Csv(header + "\n" + row + "\n"));
        var report = await response.ReadJsonAsync(HttpStatusCode.OK);
        Assert.Empty(report["warnings"]!.AsArray());
        Assert.Empty(report["errors"]!.AsArray());
        Assert.Equal(1, report["valid"]!.GetValue<int>());
        var xlsx = await client.GetAsync($"/api/campaigns/{campaign}/participants/import/template?language={language}");
        Assert.Equal(ParticipantBot.Api.Downloads.XlsxType, xlsx.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task InvitePreview_SaysWhatTheInviteThenDoes_AndTheMessagePreviewIsTheEmailThatIsSent()
    {
        var client = service.CreateClient();
        var scenario = new Scenario(client);
        var campaign = await scenario.CampaignAsync("Aperçu");
        var session = (await scenario.SessionAsync(campaign)).Str("id");
        var salma = await scenario.ParticipantAsync(campaign, "Salma Tazi", "salma.preview@example.org");
        await scenario.ParticipantAsync(campaign, "Omar El Khatib", "omar.preview@example.org", group: "migrant");
        var noAddress = await client.PostJsonAsync($"/api/campaigns/{campaign}/participants",
            new { fullName = "Karim Mansouri", group = "youth", channel = "teams", teamsUpn = "karim@example.org" }, HttpStatusCode.Created);

        var preview = await client.PostJsonAsync($"/api/sessions/{session}/invitations/preview", new { group = "youth" }, HttpStatusCode.OK);
        Assert.Equal(2, preview["new"]!.GetValue<int>());
        Assert.Equal(1, preview["byEmail"]!.GetValue<int>());
        Assert.Equal(1, preview["unreachable"]!.GetValue<int>());
        var karim = preview["people"]!.AsArray().Single(p => p.Str("participantId") == noAddress["participant"].Str("id"))!;
        Assert.Equal("reach.none", karim["unreachable"].Str("code"));
        Assert.Equal("teams.noIdentity", karim["teamsProblem"].Str("code"));

        var message = await client.GetJsonAsync($"/api/sessions/{session}/invitations/{salma}/preview?kind=invitation&language=ar");
        Assert.Contains("dir=\"rtl\"", message["email"].Str("html"));
        Assert.Contains("/rsvp/preview", message["email"].Str("text"));
        Assert.Equal("AdaptiveCard", message["card"].Str("type"));

        var invited = await client.PostJsonAsync($"/api/sessions/{session}/invitations", new { group = "youth" }, HttpStatusCode.Accepted);
        Assert.Equal(2, invited["created"]!.GetValue<int>());
        Assert.Equal(1, invited["handedToChannels"]!.GetValue<int>());
        var again = await client.PostJsonAsync($"/api/sessions/{session}/invitations/preview", new { group = "youth" }, HttpStatusCode.OK);
        Assert.Equal(2, again["alreadyInvited"]!.GetValue<int>());
        Assert.Equal(0, again["new"]!.GetValue<int>());
        var sent = await Eventually.WaitAsync(() => client.GetJsonAsync($"/api/sessions/{session}/messages/summary"),
            s => s["byKind"]!.AsArray().Any(k => k.Str("kind") == "invitation" && k!["sent"]!.GetValue<int>() == 1), "the invitation to go");
        var mail = new MailFolder(Path.Combine(service.Folder, "outbox")).To("salma.preview@example.org");
        // The preview in the person's own language has the subject of the email they got.
        var french = await client.GetJsonAsync($"/api/sessions/{session}/invitations/{salma}/preview?kind=invitation");
        Assert.Equal(mail.Single().Subject, french["email"].Str("subject"));
        Assert.NotEmpty((await client.GetJsonAsync($"/api/sessions/{session}/invitations/{salma}/messages")).AsArray());
        Assert.True(sent["sent"]!.GetValue<int>() >= 1);
    }

    [Fact]
    public async Task DemoPeople_EachHaveANameOfTheirOwn()
    {
        using var demo = new ServiceFactory();
        demo.Settings["Demo:Seed"] = "true";
        var people = (await demo.CreateClient().GetJsonAsync($"/api/campaigns/{ParticipantBot.Demo.DemoSeeder.CampaignId}/participants")).AsArray();
        var names = people.Select(p => p.Str("fullName")).ToList();
        Assert.Equal(72, names.Count);
        Assert.Equal(names.Count, names.Distinct().Count());
        Assert.DoesNotContain(names, n => Regex.IsMatch(n, @"\s\d+$"));
    }
}
