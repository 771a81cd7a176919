using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using ClosedXML.Excel;
using CsvHelper;
using ParticipantBot.Tests.Support;

namespace ParticipantBot.Tests.Dashboard;

/// <summary>The dashboard's data and actions through the API, as the page uses them.</summary>
public sealed class DashboardApiTests : IAsyncLifetime
{
    private readonly ServiceFactory _service = new();
    private HttpClient _api = null!;
    private Scenario _s = null!;
    private string _campaign = "", _session = "";
    private readonly Dictionary<string, string> _people = new();

    public async Task InitializeAsync()
    {
        _api = _service.CreateClient();
        _s = new Scenario(_api);
        _campaign = await _s.CampaignAsync("Consultations Tanger");
        _session = (await _s.SessionAsync(_campaign, capacity: 3)).Str("id");
        await _api.PatchJsonAsync($"/api/sessions/{_session}", new { subGroups = new[] { "atelier A", "atelier B" } });
        foreach (var (name, group, sex) in new[]
                 {
                     ("Amina Tazi", "youth", "female"), ("Karim Idrissi", "youth", "male"), ("Salma Bennani", "migrant", "female"),
                     ("Youssef Alaoui", "migrant", "male"), ("Nadia Chraibi", "civilSociety", "notStated"), ("Omar Fassi", "civilSociety", "male"),
                 })
            _people[name] = await _s.ParticipantAsync(_campaign, name, group: group, sex: sex);
        await _s.InviteAsync(_session, [.. _people.Values]);
        await _s.AnswerAsync(_session, _people["Amina Tazi"], "accepted");
        await _s.AnswerAsync(_session, _people["Salma Bennani"], "accepted");
        await _s.AnswerAsync(_session, _people["Karim Idrissi"], "accepted");
        await _s.AnswerAsync(_session, _people["Youssef Alaoui"], "accepted");   // full: waiting list
        await _s.AnswerAsync(_session, _people["Nadia Chraibi"], "declined");
        await _api.PatchJsonAsync($"/api/campaigns/{_campaign}/participants/{_people["Amina Tazi"]}", new { needs = new { transport = true, diet = "halal" } });
        await _s.SentAsync(_session, _people["Omar Fassi"]);
    }

    public Task DisposeAsync() { _service.Dispose(); return Task.CompletedTask; }

    private async Task<JsonNode> SessionBoardAsync(HttpClient? client = null) =>
        (await (client ?? _api).GetJsonAsync($"/api/campaigns/{_campaign}/dashboard"))["sessions"]!.AsArray().Single(s => s.Str("id") == _session)!;

    [Fact]
    public async Task Dashboard_CountsByState_Group_AndSex_WithSeats_ResponseRate_WomenShare_AndNeeds()
    {
        var board = await SessionBoardAsync();
        var c = board["counts"]!;
        Assert.Equal(6, c["total"]!.GetValue<int>());
        Assert.Equal(6, c["invited"]!.GetValue<int>());
        Assert.Equal(3, c["accepted"]!.GetValue<int>());
        Assert.Equal(1, c["waitlisted"]!.GetValue<int>());
        Assert.Equal(1, c["declined"]!.GetValue<int>());
        Assert.Equal(1, c["noAnswer"]!.GetValue<int>());
        Assert.Equal(0, board["seatsLeft"]!.GetValue<int>());
        Assert.Equal(0.833, board["responseRate"]!.GetValue<double>());
        Assert.Equal(2, board["coming"]!["female"]!.GetValue<int>());
        Assert.Equal(1, board["coming"]!["male"]!.GetValue<int>());
        Assert.Equal(0.667, board["coming"]!["womenShare"]!.GetValue<double>());

        var youth = board["byGroup"]!.AsArray().Single(g => g.Str("group") == "youth")!;
        Assert.Equal(2, youth["counts"]!["accepted"]!.GetValue<int>());
        Assert.Equal((1, 1), (youth["coming"]!["female"]!.GetValue<int>(), youth["coming"]!["male"]!.GetValue<int>()));
        var migrants = board["byGroup"]!.AsArray().Single(g => g.Str("group") == "migrant")!;
        Assert.Equal((1, 1), (migrants["counts"]!["accepted"]!.GetValue<int>(), migrants["counts"]!["waitlisted"]!.GetValue<int>()));
        var men = board["bySex"]!.AsArray().Single(g => g.Str("sex") == "male")!;
        Assert.Equal((3, 1, 1), (men["counts"]!["total"]!.GetValue<int>(), men["counts"]!["accepted"]!.GetValue<int>(), men["counts"]!["waitlisted"]!.GetValue<int>()));
        Assert.Equal(1, board["bySex"]!.AsArray().Single(g => g.Str("sex") == "notStated")!["counts"]!["declined"]!.GetValue<int>());

        Assert.Equal(1, board["needs"]!["transport"]!.GetValue<int>());
        Assert.Equal(1, board["needs"]!["diet"]!.GetValue<int>());
        Assert.Equal(0, board["needs"]!["interpretation"]!.GetValue<int>());
    }

    [Fact]
    public async Task Dashboard_OfAnotherOrganisersCampaign_IsNotFound()
    {
        var stranger = _service.ClientAs("11111111-2222-3333-4444-555555555555");
        await stranger.GetJsonAsync($"/api/campaigns/{_campaign}/dashboard", HttpStatusCode.NotFound);
        await stranger.GetJsonAsync($"/api/sessions/{_session}/roster", HttpStatusCode.NotFound);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync($"/api/sessions/{_session}/export?format=xlsx")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync($"/dashboard/sessions/{_session}/attendance")).StatusCode);
    }

    [Fact]
    public async Task Roster_FiltersByStatusGroupSexNeedAndName_AndShowsTheLastMessage()
    {
        var waiting = await _api.GetJsonAsync($"/api/sessions/{_session}/roster?status=waitlisted");
        Assert.Equal("Youssef Alaoui", waiting["rows"]!.AsArray().Single()!.Str("name"));
        var youngWomen = await _api.GetJsonAsync($"/api/sessions/{_session}/roster?group=youth&sex=female");
        Assert.Equal("Amina Tazi", youngWomen["rows"]!.AsArray().Single()!.Str("name"));
        var transport = await _api.GetJsonAsync($"/api/sessions/{_session}/roster?need=transport");
        Assert.Equal("Amina Tazi", transport["rows"]!.AsArray().Single()!.Str("name"));
        var search = await _api.GetJsonAsync($"/api/sessions/{_session}/roster?search=bennani");
        Assert.Equal("Salma Bennani", search["rows"]!.AsArray().Single()!.Str("name"));

        var page = await _api.GetJsonAsync($"/api/sessions/{_session}/roster?limit=2&offset=2");
        Assert.Equal(6, page["total"]!.GetValue<int>());
        Assert.Equal(2, page["rows"]!.AsArray().Count);

        await _s.SentAsync(_session, _people["Omar Fassi"]);
        var omar = (await _api.GetJsonAsync($"/api/sessions/{_session}/roster?search=omar"))["rows"]![0]!;
        Assert.Equal("invitation", omar["lastMessage"].Str("kind"));
        Assert.Equal("sent", omar["lastMessage"].Str("status"));
    }

    [Fact]
    public async Task Roster_WithAnUnknownFilter_SaysWhichOneAndWhatIsAllowed()
    {
        var response = await _api.GetAsync($"/api/sessions/{_session}/roster?status=maybe&need=parking&limit=0");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.ReadJsonAsync(HttpStatusCode.BadRequest))["errors"]!.AsArray().Select(e => e.Str("field")).ToList();
        Assert.Equal(["need", "status", "limit"], errors);
    }

    [Fact]
    public async Task CheckIn_MarksAttended_AndShowsInTheCounts()
    {
        var done = await _api.PostJsonAsync($"/api/sessions/{_session}/invitations/{_people["Amina Tazi"]}/check-in", new { }, HttpStatusCode.OK);
        Assert.Equal("attended", done["invitation"].Str("status"));
        Assert.Equal("inPerson", done["invitation"].Str("channel"));
        await _api.PostJsonAsync($"/api/sessions/{_session}/invitations/{_people["Amina Tazi"]}/check-in", new { }, HttpStatusCode.OK);
        var board = await SessionBoardAsync();
        Assert.Equal(1, board["counts"]!["attended"]!.GetValue<int>());
        Assert.Equal(2, board["counts"]!["accepted"]!.GetValue<int>());
    }

    [Fact]
    public async Task Offer_NeedsAFreeSeat_ThenOffersItToThePersonWaiting_AndTellsThem()
    {
        var youssef = _people["Youssef Alaoui"];
        var full = await _api.PostAsync($"/api/sessions/{_session}/invitations/{youssef}/offer", null);
        Assert.Equal(HttpStatusCode.Conflict, full.StatusCode);
        Assert.Contains("No seat is free", (await full.ReadJsonAsync(HttpStatusCode.Conflict)).Str("title"));

        await _api.PatchJsonAsync($"/api/sessions/{_session}", new { capacity = 4 });
        var offered = await _api.PostJsonAsync($"/api/sessions/{_session}/invitations/{youssef}/offer", new { }, HttpStatusCode.OK);
        // Raising the capacity may already have offered the seat to whoever waited longest; either way he holds an offer now.
        Assert.Equal("offered", offered["invitation"].Str("status"));
        var messages = await Eventually.WaitAsync(() => _api.GetJsonAsync($"/api/sessions/{_session}/messages"),
            m => m.AsArray().Any(x => x.Str("participantId") == youssef && x.Str("kind") == "seatOffered"), "the seat offer message");
        Assert.Single(messages.AsArray(), x => x.Str("participantId") == youssef && x.Str("kind") == "seatOffered");
    }

    [Fact]
    public async Task Resend_PlansANewInvitationMessage_EachTime_AndRefusesAWithdrawnOne()
    {
        var omar = _people["Omar Fassi"];
        await _s.SentAsync(_session, omar);
        var first = await _api.PostJsonAsync($"/api/sessions/{_session}/invitations/{omar}/resend", new { }, HttpStatusCode.Accepted);
        Assert.Equal(1, first["planned"]!.GetValue<int>());
        await _api.PostJsonAsync($"/api/sessions/{_session}/invitations/{omar}/resend", new { }, HttpStatusCode.Accepted);
        var invitations = await Eventually.WaitAsync(() => _api.GetJsonAsync($"/api/sessions/{_session}/messages"),
            m => m.AsArray().Count(x => x.Str("participantId") == omar && x.Str("kind") == "invitation" && x.Str("status") == "sent") == 3, "three invitations sent");
        Assert.Equal(3, invitations.AsArray().Where(x => x.Str("participantId") == omar && x.Str("kind") == "invitation").Select(x => x!["sequence"]!.GetValue<int>()).Distinct().Count());

        await _api.PostJsonAsync($"/api/sessions/{_session}/invitations/{omar}/withdraw", new { }, HttpStatusCode.OK);
        var refused = await _api.PostAsync($"/api/sessions/{_session}/invitations/{omar}/resend", null);
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
    }

    [Fact]
    public async Task SubGroup_IsOneOfTheSessions_AndCanBeCleared()
    {
        var amina = _people["Amina Tazi"];
        var put = await _api.PutAsJsonAsync($"/api/sessions/{_session}/invitations/{amina}/sub-group", new { subGroup = "Atelier B" });
        Assert.Equal("atelier B", (await put.ReadJsonAsync(HttpStatusCode.OK)).Str("subGroup"));
        Assert.Equal("Amina Tazi", (await _api.GetJsonAsync($"/api/sessions/{_session}/roster?subGroup=atelier%20B"))["rows"]![0].Str("name"));
        var unknown = await _api.PutAsJsonAsync($"/api/sessions/{_session}/invitations/{amina}/sub-group", new { subGroup = "atelier Z" });
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.Contains("atelier A, atelier B", await unknown.Content.ReadAsStringAsync());
        var cleared = await _api.PutAsJsonAsync($"/api/sessions/{_session}/invitations/{amina}/sub-group", new { subGroup = (string?)null });
        Assert.Null((await cleared.ReadJsonAsync(HttpStatusCode.OK))["subGroup"]);
    }

    [Fact]
    public async Task WalkIn_JoinsTheGuestList_CheckedIn_AndTwiceIsRefused()
    {
        var body = new { fullName = "Hajar Mansouri", organisation = "Association Tanja", group = "community", sex = "female", email = "hajar@example.org" };
        var created = await _api.PostJsonAsync($"/api/sessions/{_session}/invitations/walk-ins", body, HttpStatusCode.Created);
        Assert.Equal("attended", created["invitation"].Str("status"));
        Assert.Single((await _api.GetJsonAsync($"/api/campaigns/{_campaign}/participants?search=mansouri")).AsArray());
        var board = await SessionBoardAsync();
        Assert.Equal(1, board["byGroup"]!.AsArray().Single(g => g.Str("group") == "community")!["counts"]!["attended"]!.GetValue<int>());
        var again = await _api.PostAsJsonAsync($"/api/sessions/{_session}/invitations/walk-ins", body);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        var nameless = await _api.PostAsJsonAsync($"/api/sessions/{_session}/invitations/walk-ins", new { group = "youth", email = "x@example.org" });
        Assert.Equal("fullName", (await nameless.ReadJsonAsync(HttpStatusCode.BadRequest))["errors"]![0].Str("field"));
    }

    [Fact]
    public async Task ExcelExport_ListsEveryone_WithTotalsBySexAndGroup_InTheCampaignsLanguage_AndIsAudited()
    {
        var response = await _api.GetAsync($"/api/sessions/{_session}/export?format=xlsx");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.EndsWith(".xlsx", response.Content.Headers.ContentDisposition!.FileName!.Trim('"'));
        using var book = new XLWorkbook(await response.Content.ReadAsStreamAsync());
        var list = book.Worksheet("Participants");
        Assert.Equal("Nom", list.Cell(1, 1).GetString());
        var names = list.RowsUsed().Skip(1).Select(r => r.Cell(1).GetString()).ToList();
        Assert.Equal(_people.Keys.Order(), names.Order());
        var youssef = list.RowsUsed().Single(r => r.Cell(1).GetString() == "Youssef Alaoui");
        // One person's sex is singular ("homme"), their language and channel named in the campaign's language; totals stay plural.
        Assert.Equal(["Migrants", "homme", "français", "liste d'attente", "e-mail"],
            new[] { youssef.Cell(3).GetString(), youssef.Cell(4).GetString(), youssef.Cell(5).GetString(), youssef.Cell(6).GetString(), youssef.Cell(8).GetString() });

        var totals = book.Worksheet("Totaux");
        int Row(string label, int column) => totals.RowsUsed().Single(r => r.Cell(1).GetString() == label).Cell(column).GetValue<int>();
        Assert.Equal(6, Row("Ensemble", 2));
        Assert.Equal(2, Row("Femmes", 3));      // accepted women
        Assert.Equal(3, Row("Hommes", 2));      // invited men
        Assert.Equal(2, Row("Jeunes", 3));      // accepted youth

        var audit = await _api.GetJsonAsync($"/api/campaigns/{_campaign}/audit");
        Assert.Contains(audit.AsArray(), e => e.Str("action") == "exported");
    }

    [Fact]
    public async Task CsvExport_IsUtf8WithBom_AndReadsBackWithCsvHelper()
    {
        var response = await _api.GetAsync($"/api/sessions/{_session}/export?format=csv&group=youth");
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes[..3]);
        using var reader = new StringReader(System.Text.Encoding.UTF8.GetString(bytes[3..]));
        using var csv = new CsvReader(reader, new CsvHelper.Configuration.CsvConfiguration(CultureInfo.InvariantCulture) { IgnoreBlankLines = false });
        csv.Read(); csv.ReadHeader();
        Assert.Equal("Nom", csv.HeaderRecord![0]);
        var names = new List<string>();
        while (csv.Read() && !string.IsNullOrEmpty(csv.GetField(0))) names.Add(csv.GetField(0)!);
        Assert.Equal(["Amina Tazi", "Karim Idrissi"], names);
        var unknown = await _api.GetAsync($"/api/sessions/{_session}/export?format=pdf");
        Assert.Equal("format", (await unknown.ReadJsonAsync(HttpStatusCode.BadRequest))["errors"]![0].Str("field"));
    }

    [Fact]
    public async Task AttendanceSheet_ListsThoseExpected_WithASignatureColumn_InTheCampaignsLanguage()
    {
        var html = WebUtility.HtmlDecode(await _api.GetStringAsync($"/dashboard/sessions/{_session}/attendance"));
        Assert.Contains("Feuille d'émargement", html);
        Assert.Contains("Signature", html);
        Assert.Contains("Amina Tazi", html);
        Assert.Contains("Karim Idrissi", html);
        Assert.DoesNotContain("Nadia Chraibi", html);    // declined
        Assert.DoesNotContain("Youssef Alaoui", html);   // waiting list
        Assert.Contains("@page", html);
    }

    [Fact]
    public async Task SelfCheckIn_IsASessionSetting()
    {
        Assert.False((await SessionBoardAsync())["selfCheckIn"]!.GetValue<bool>());
        await _api.PatchJsonAsync($"/api/sessions/{_session}", new { selfCheckIn = true });
        Assert.True((await SessionBoardAsync())["selfCheckIn"]!.GetValue<bool>());
    }
}
