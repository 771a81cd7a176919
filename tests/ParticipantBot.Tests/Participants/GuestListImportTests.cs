using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using ParticipantBot.Tests.Support;

namespace ParticipantBot.Tests.Participants;

public abstract class GuestListImportTests(ServiceFactory service)
{
    private readonly HttpClient _client = service.CreateClient();

    private async Task<JsonNode> ImportAsync(string campaign, HttpContent file, string query, HttpStatusCode expected) =>
        await (await _client.PostAsync($"/api/campaigns/{campaign}/participants/import?{query}", file)).ReadJsonAsync(expected);

    private async Task<JsonArray> ParticipantsAsync(string campaign) =>
        (await _client.GetJsonAsync($"/api/campaigns/{campaign}/participants")).AsArray();

    private const string BadFile =
        "name,email,group,sex,language,channel,transport\n" +
        "Khadija Benali,khadija@example.org,civilSociety,F,fr,email,oui\n" +   // row 2: fine
        ",nobody@example.org,youth,F,fr,email,\n" +                              // row 3: no name
        "Mehdi Sqalli,mehdi-at-example.org,youth,M,fr,email,\n" +               // row 4: bad email
        "Souad Chraibi,souad@example.org,astronauts,F,fr,email,\n" +            // row 5: unknown group
        "Hamza Ouazzani,hamza@example.org,youth,M,tlh,email,\n" +               // row 6: unknown language
        "Khadija Benali,khadija@example.org,civilSociety,F,fr,email,\n";        // row 7: duplicate of row 2

    [Fact]
    public async Task BadFile_NamesEveryBadRow_AndWritesNothing()
    {
        var campaign = await new Scenario(_client).CampaignAsync();
        var problem = await ImportAsync(campaign, Uploads.Csv(BadFile), "dryRun=false", HttpStatusCode.UnprocessableEntity);

        var errors = problem["errors"]!.AsArray();
        Assert.Contains(errors, e => e!["row"]!.GetValue<int>() == 3 && e.Str("column") == "name");
        Assert.Contains(errors, e => e!["row"]!.GetValue<int>() == 4 && e.Str("column") == "email" && e.Str("message").Contains("mehdi-at-example.org"));
        Assert.Contains(errors, e => e!["row"]!.GetValue<int>() == 5 && e.Str("column") == "group" && e.Str("message").Contains("astronauts"));
        Assert.Contains(errors, e => e!["row"]!.GetValue<int>() == 6 && e.Str("column") == "language");
        Assert.Contains(errors, e => e!["row"]!.GetValue<int>() == 7 && e.Str("message").Contains("row 2"));
        Assert.DoesNotContain(errors, e => e!["row"]!.GetValue<int>() == 2);
        Assert.Empty(await ParticipantsAsync(campaign));
    }

    [Fact]
    public async Task DryRun_PreviewsAndReports_WithoutWriting()
    {
        var campaign = await new Scenario(_client).CampaignAsync();
        var report = await ImportAsync(campaign, Uploads.Csv(BadFile), "dryRun=true", HttpStatusCode.OK);
        Assert.True(report["dryRun"]!.GetValue<bool>());
        Assert.Equal(6, report["rows"]!.GetValue<int>());
        Assert.Equal(1, report["valid"]!.GetValue<int>());
        Assert.Equal("create", report["preview"]![0].Str("action"));
        Assert.Equal([3, 4, 5, 6, 7], report["skippedRows"]!.AsArray().Select(r => r!.GetValue<int>()));
        Assert.Empty(await ParticipantsAsync(campaign));
    }

    [Fact]
    public async Task SkipInvalid_WritesTheGoodRows_AndSaysWhichWereSkipped()
    {
        var campaign = await new Scenario(_client).CampaignAsync();
        var report = await ImportAsync(campaign, Uploads.Csv(BadFile), "skipInvalid=true", HttpStatusCode.OK);
        Assert.True(report["written"]!.GetValue<bool>());
        Assert.Equal(1, report["created"]!.GetValue<int>());
        Assert.Equal([3, 4, 5, 6, 7], report["skippedRows"]!.AsArray().Select(r => r!.GetValue<int>()));
        var people = await ParticipantsAsync(campaign);
        var khadija = Assert.Single(people);
        Assert.Equal("civilSociety", khadija.Str("group"));
        Assert.True(khadija!["needs"]!["transport"]!.GetValue<bool>());
    }

    [Fact]
    public async Task Reimport_UpdatesMatchedPeople_InsteadOfDuplicating_AndKeepsSharedAddressesApart()
    {
        var campaign = await new Scenario(_client).CampaignAsync();
        await ImportAsync(campaign, Uploads.Csv("name,email,group,sex\nAwa Ndiaye,desk@ngo.example,migrant,F\n"), "", HttpStatusCode.OK);

        var report = await ImportAsync(campaign, Uploads.Csv(
            "name,email,group,sex,organisation\n" +
            "AWA NDIAYE,Desk@NGO.example,migrant,F,Caritas\n" +     // the same person: updated
            "Moussa Koné,desk@ngo.example,migrant,M,Caritas\n"),     // same NGO desk, another person: added, with a warning
            "", HttpStatusCode.OK);

        Assert.Equal(1, report["updated"]!.GetValue<int>());
        Assert.Equal(1, report["created"]!.GetValue<int>());
        Assert.Contains(report["warnings"]!.AsArray(), w => w!["row"]!.GetValue<int>() == 3 && w.Str("field") == "email");
        var people = await ParticipantsAsync(campaign);
        Assert.Equal(2, people.Count);
        Assert.All(people, p => Assert.Equal("Caritas", p.Str("organisation")));
    }

    [Fact]
    public async Task FrenchExcelCsv_WithBomAndSemicolons_KeepsArabicNames()
    {
        var campaign = await new Scenario(_client).CampaignAsync();
        var csv = "Nom;Courriel;Groupe;Sexe;Langue;Nom latin\n" +
                  "فاطمة الزهراء الإدريسي;fz@example.org;Jeunes;Femme;arabe;Fatima Zahra El Idrissi\n" +
                  "Jean-Paul Mbarga;jp@example.org;Société civile;Homme;français;\n";
        var report = await ImportAsync(campaign, Uploads.Csv(csv, bom: true), "", HttpStatusCode.OK);
        Assert.Equal(2, report["created"]!.GetValue<int>());
        var people = await ParticipantsAsync(campaign);
        var fatima = people.Single(p => p.Str("email") == "fz@example.org");
        Assert.Equal("فاطمة الزهراء الإدريسي", fatima.Str("fullName"));
        Assert.Equal("Fatima Zahra El Idrissi", fatima.Str("fullNameAlt"));
        Assert.Equal("ar", fatima.Str("language"));
        Assert.Equal("youth", fatima.Str("group"));
        Assert.Equal("civilSociety", people.Single(p => p.Str("email") == "jp@example.org").Str("group"));
    }

    [Fact]
    public async Task Xlsx_IsReadLikeCsv_WithRowNumbersOfTheSheet()
    {
        var campaign = await new Scenario(_client).CampaignAsync();
        var xlsx = Uploads.Xlsx(
            ["name", "email", "group", "sex", "language"],
            ["سعاد الشرايبي", "souad@example.org", "community", "female", "ar"],
            ["Emmanuel Mensah", "not an email", "migrant", "male", "en"]);
        var problem = await ImportAsync(campaign, Uploads.File(xlsx, "guests.xlsx"), "", HttpStatusCode.UnprocessableEntity);
        var error = Assert.Single(problem["errors"]!.AsArray());
        Assert.Equal(3, error!["row"]!.GetValue<int>());
        Assert.Equal("email", error.Str("column"));

        var report = await ImportAsync(campaign, Uploads.File(xlsx, "guests.xlsx"), "skipInvalid=true", HttpStatusCode.OK);
        Assert.Equal("xlsx", report.Str("fileType"));
        Assert.Equal("سعاد الشرايبي", Assert.Single(await ParticipantsAsync(campaign)).Str("fullName"));
    }

    [Fact]
    public async Task FileThatIsNotUtf8_GetsAClearProblem()
    {
        var campaign = await new Scenario(_client).CampaignAsync();
        var latin1 = Encoding.Latin1.GetBytes("name,email,group\nSéverine Durand,s@example.org,expert\n");
        var problem = await ImportAsync(campaign, Uploads.File(latin1, "guests.csv"), "", HttpStatusCode.BadRequest);
        Assert.Contains("UTF-8", problem["errors"]![0].Str("message"));
    }

    [Fact]
    public async Task FileWithoutNameColumn_IsRefusedAtRowOne()
    {
        var campaign = await new Scenario(_client).CampaignAsync();
        var problem = await ImportAsync(campaign, Uploads.Csv("email,group\na@example.org,youth\n"), "", HttpStatusCode.UnprocessableEntity);
        Assert.Equal(1, problem["errors"]![0]!["row"]!.GetValue<int>());
        Assert.Contains("name", problem["errors"]![0].Str("message"));
    }

    [Fact]
    public async Task RequestWithoutFile_GetsAClearProblem()
    {
        var campaign = await new Scenario(_client).CampaignAsync();
        var response = await _client.PostAsync($"/api/campaigns/{campaign}/participants/import", new MultipartFormDataContent { { new StringContent("x"), "other" } });
        var problem = await response.ReadJsonAsync(HttpStatusCode.BadRequest);
        Assert.Equal("file", problem["errors"]![0].Str("field"));
    }
}

public sealed class GuestListImportOnSqliteTests(ServiceFactory service) : GuestListImportTests(service), IClassFixture<ServiceFactory>;

public sealed class GuestListImportOnPostgresTests(PostgresServiceFactory service) : GuestListImportTests(service), IClassFixture<PostgresServiceFactory>;
