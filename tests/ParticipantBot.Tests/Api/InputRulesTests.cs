using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using ClosedXML.Excel;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ParticipantBot.Persistence;
using ParticipantBot.Rsvp;
using ParticipantBot.Tests.Support;

namespace ParticipantBot.Tests.Api;

/// <summary>
/// The classes of input of issue 16, each through the ways in that take it: every refusal is a problem
/// naming the field with its code, and nothing is written.
/// </summary>
public abstract class InputRulesTests(ServiceFactory service)
{
    private readonly HttpClient _client = service.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    private static JsonNode Error(JsonNode problem) => problem["errors"]![0]!;

    [Theory]
    [InlineData("Africa")]
    [InlineData("America/Argentina")]
    [InlineData("Africa/")]
    [InlineData("../../../etc/passwd")]
    [InlineData("Africa//Casablanca")]
    public async Task AZoneThatNamesAFolderOrAPath_IsRefusedOnCampaignsSessionsAndParticipants_NamingTimeZone(string zone)
    {
        var before = (await _client.GetJsonAsync("/api/campaigns")).AsArray().Count;
        var campaign = await _client.PostJsonAsync("/api/campaigns", new { name = "Zones", timeZone = zone }, HttpStatusCode.BadRequest);
        Assert.Equal("timeZone", Error(campaign).Str("field"));
        Assert.Equal("timeZone.unknown", Error(campaign).Str("code"));
        Assert.Equal(before, (await _client.GetJsonAsync("/api/campaigns")).AsArray().Count);

        var id = await new Scenario(_client).CampaignAsync();
        var patched = await _client.PatchJsonAsync($"/api/campaigns/{id}", new { timeZone = zone }, HttpStatusCode.BadRequest);
        Assert.Equal("timeZone.unknown", Error(patched).Str("code"));
        var session = await _client.PostJsonAsync($"/api/campaigns/{id}/sessions",
            new { title = "S", start = "2027-01-10T09:00", end = "2027-01-10T10:00", timeZone = zone }, HttpStatusCode.BadRequest);
        Assert.Equal("timeZone", Error(session).Str("field"));
        var person = await _client.PostJsonAsync($"/api/campaigns/{id}/participants",
            new { fullName = "Awa", email = "awa@example.org", group = "youth", timeZone = zone }, HttpStatusCode.BadRequest);
        Assert.Equal("timeZone", Error(person).Str("field"));
        Assert.Empty((await _client.GetJsonAsync($"/api/campaigns/{id}/participants")).AsArray());
        Assert.Equal("Africa/Casablanca", (await _client.GetJsonAsync($"/api/campaigns/{id}")).Str("timeZone"));
    }

    [Theory]
    [InlineData("start", "0001-01-01T00:00")]
    [InlineData("end", "9999-12-31T23:59")]
    [InlineData("start", "0001-01-01T00:00:00+14:00")]
    [InlineData("answerDeadline", "9999-12-31T23:59:59-14:00")]
    [InlineData("start", "1999-12-31T23:59")]
    [InlineData("end", "2100-01-01T00:00")]
    public async Task DatesAtTheEdgesOfTheCalendar_AreRefusedOnCreateAndOnPatch_NamingTheField(string field, string value)
    {
        var campaign = await new Scenario(_client).CampaignAsync();
        var body = new JsonObject { ["title"] = "S", ["start"] = "2027-01-10T09:00", ["end"] = "2027-01-10T10:00", [field] = value };
        var created = await _client.PostJsonAsync($"/api/campaigns/{campaign}/sessions", body, HttpStatusCode.BadRequest);
        Assert.Equal(field, Error(created).Str("field"));
        Assert.Contains(Error(created).Str("code"), new[] { "date.outOfRange", "date.invalid" });
        Assert.Empty((await _client.GetJsonAsync($"/api/campaigns/{campaign}"))["sessions"]!.AsArray());

        var session = (await new Scenario(_client).SessionAsync(campaign, start: "2027-01-10T09:00", end: "2027-01-10T10:00")).Str("id");
        var patched = await _client.PatchJsonAsync($"/api/sessions/{session}", new JsonObject { [field] = value }, HttpStatusCode.BadRequest);
        Assert.Equal(field, Error(patched).Str("field"));
        Assert.Equal("2027-01-10T09:00:00+01:00", (await _client.GetJsonAsync($"/api/sessions/{session}")).Str("start"));
    }

    [Fact]
    public async Task OutOfRangeDates_AreAnsweredWithTheRange_InTheErrorsArguments()
    {
        var campaign = await new Scenario(_client).CampaignAsync();
        var problem = await _client.PostJsonAsync($"/api/campaigns/{campaign}/sessions",
            new { title = "S", start = "0001-01-01T00:00", end = "0001-01-01T01:00" }, HttpStatusCode.BadRequest);
        Assert.Equal("date.outOfRange", Error(problem).Str("code"));
        Assert.Equal("2000-01-01", Error(problem)["args"]!.Str("min"));
        Assert.Equal("2099-12-31", Error(problem)["args"]!.Str("max"));
    }

    [Theory]
    [InlineData("fullName", "Awa\r\nNdiaye", "text.controlCharacter")]
    [InlineData("fullName", "Awa\tNdiaye", "text.controlCharacter")]
    [InlineData("organisation", "ON\u0000G", "text.controlCharacter")]
    [InlineData("organisation", "ON\u0085G", "text.controlCharacter")]
    [InlineData("fullName", "\u202Eaydni", "text.bidiOverride")]
    [InlineData("fullNameAlt", "x\u2066y", "text.bidiOverride")]
    [InlineData("phone", "+212 6 12 34 56 78 90 12 34 56 78 90 12 34 56 78", "text.tooLong")]
    public async Task AParticipantsText_WithRefusedCharactersOrTooLong_IsRefused_NamingTheFieldAndRule(string field, string value, string code)
    {
        var campaign = await new Scenario(_client).CampaignAsync();
        var body = new JsonObject { ["fullName"] = "Awa", ["email"] = "awa@example.org", ["group"] = "youth", [field] = value };
        var problem = await _client.PostJsonAsync($"/api/campaigns/{campaign}/participants", body, HttpStatusCode.BadRequest);
        Assert.Contains(problem["errors"]!.AsArray(), e => e.Str("field") == field && e.Str("code") == code);
        Assert.Empty((await _client.GetJsonAsync($"/api/campaigns/{campaign}/participants")).AsArray());
    }

    [Fact]
    public async Task ArabicWithItsJoinersAndMarks_IsKept()
    {
        var campaign = await new Scenario(_client).CampaignAsync();
        var name = "فاطمة\u200Cالزهراء \u200Fالإدريسي\u200D\u200E";
        var created = await _client.PostJsonAsync($"/api/campaigns/{campaign}/participants",
            new { fullName = name, email = "fz@example.org", group = "youth", needs = new { diet = "نباتي\nبدون غلوتين" } }, HttpStatusCode.Created);
        Assert.Equal(name, created["participant"]!.Str("fullName"));
        Assert.Equal("نباتي\nبدون غلوتين", created["participant"]!["needs"]!.Str("diet"));
    }

    [Fact]
    public async Task AOneMegabyteOrganisation_IsRefusedByTheApiAndTheRsvpForm_AndTheExportStillAnswers()
    {
        var s = new Scenario(_client);
        var campaign = await s.CampaignAsync();
        var session = (await s.SessionAsync(campaign, start: "2027-02-15T09:30", end: "2027-02-15T12:00")).Str("id");
        var person = await s.ParticipantAsync(campaign, "Hajar El Fassi");
        var huge = new string('O', 1_000_000);
        var problem = await _client.PatchJsonAsync($"/api/campaigns/{campaign}/participants/{person}", new { organisation = huge }, HttpStatusCode.BadRequest);
        Assert.Equal("text.tooLong", Error(problem).Str("code"));
        Assert.Equal(200, Error(problem)["args"]!["max"]!.GetValue<int>());

        await s.InviteAsync(session, person);
        var invitation = (await _client.GetJsonAsync($"/api/sessions/{session}/invitations")).AsArray().Single()!.Str("id");
        string link;
        using (var scope = service.Services.CreateScope())
            link = "/rsvp/" + scope.ServiceProvider.GetRequiredService<RsvpLinks>().Token(Guid.Parse(invitation), Guid.Parse(person), service.Clock.GetUtcNow().AddDays(60));
        var form = await RsvpForm.LoadAsync(_client, link);
        var refused = await RsvpForm.PostAsync(_client, form, [("answer", "accept"), ("organisation", huge), ("consent", "true")]);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("Organisation : ce texte ne peut pas", WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync()));
        Assert.NotEqual("accepted", (await _client.GetJsonAsync($"/api/sessions/{session}/invitations")).AsArray().Single()!.Str("status"));
        Assert.NotEqual(huge, (await _client.GetJsonAsync($"/api/campaigns/{campaign}/participants/{person}"))["organisation"]?.GetValue<string>());

        // A value stored before the rules (written here behind them): the exports still answer, cut to what a cell holds.
        await using (var scope = service.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            await db.Database.ExecuteSqlRawAsync("UPDATE \"Participants\" SET \"Organisation\" = {0} WHERE \"Id\" = {1}",
                "=HYPERLINK(\"http://x\")\u0001" + huge, (await db.Participants.AsNoTracking().SingleAsync(p => p.Id == Guid.Parse(person))).Id);
        }
        var xlsx = await _client.GetAsync($"/api/sessions/{session}/export?format=xlsx");
        Assert.Equal(HttpStatusCode.OK, xlsx.StatusCode);
        using var book = new XLWorkbook(new MemoryStream(await xlsx.Content.ReadAsByteArrayAsync()));
        var cell = book.Worksheets.First().Cell(2, 2);
        Assert.Equal(32_767, cell.GetString().Length);
        Assert.False(cell.HasFormula);
        var csv = await _client.GetAsync($"/api/sessions/{session}/export?format=csv");
        Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
        Assert.Contains(",\"'=HYPERLINK(\"\"http://x\"\") ", Encoding.UTF8.GetString(await csv.Content.ReadAsByteArrayAsync()));
    }

    [Fact]
    public async Task CsvExports_NeutraliseFormulaLeadingCells()
    {
        var s = new Scenario(_client);
        var campaign = await s.CampaignAsync();
        var session = (await s.SessionAsync(campaign, start: "2027-02-16T09:30", end: "2027-02-16T12:00")).Str("id");
        var created = await _client.PostJsonAsync($"/api/campaigns/{campaign}/participants",
            new { fullName = "@Awa", organisation = "=HYPERLINK(\"http://evil.example\",\"x\")", email = "awa@example.org", group = "youth" }, HttpStatusCode.Created);
        await s.InviteAsync(session, created["participant"]!.Str("id"));
        var csv = Encoding.UTF8.GetString(await (await _client.GetAsync($"/api/sessions/{session}/export?format=csv")).Content.ReadAsByteArrayAsync());
        Assert.Contains("'@Awa", csv);
        Assert.Contains("'=HYPERLINK", csv);
        Assert.DoesNotContain(",=HYPERLINK", csv);
        Assert.DoesNotContain("\n@Awa", csv);
    }

    [Fact]
    public async Task AnAnswersNote_LongerThanItsLimitOrWithControlCharacters_IsRefused_AndTheAnswerIsNotRecorded()
    {
        var s = new Scenario(_client);
        var campaign = await s.CampaignAsync();
        var session = (await s.SessionAsync(campaign, start: "2027-02-17T09:30", end: "2027-02-17T12:00")).Str("id");
        var person = await s.ParticipantAsync(campaign, "Nadia Berrada");
        await s.InviteAsync(session, person);
        foreach (var (note, code) in new[] { (new string('n', 501), "text.tooLong"), ("a\u0000b", "text.controlCharacter") })
        {
            var problem = await _client.PostJsonAsync($"/api/sessions/{session}/invitations/{person}/answer",
                new { status = "accepted", channel = "phone", note }, HttpStatusCode.BadRequest);
            Assert.Equal(("note", code), (Error(problem).Str("field"), Error(problem).Str("code")));
        }
        Assert.NotEqual("accepted", (await _client.GetJsonAsync($"/api/sessions/{session}/invitations")).AsArray().Single()!.Str("status"));
    }

    [Fact]
    public async Task Responses_CarryNoSniff()
    {
        var response = await _client.GetAsync("/api/campaigns");
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
    }
}

public sealed class InputRulesOnSqliteTests(ServiceFactory service) : InputRulesTests(service), IClassFixture<ServiceFactory>;

public sealed class InputRulesOnPostgresTests(PostgresServiceFactory service) : InputRulesTests(service), IClassFixture<PostgresServiceFactory>;
