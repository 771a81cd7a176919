using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Azure.Core;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ParticipantBot.Outlook;
using ParticipantBot.Persistence;
using ParticipantBot.Tests.Support;

namespace ParticipantBot.Tests.Outlook;

/// <summary>The service with Graph configured against the tests' own Graph server and credential.</summary>
public sealed class GraphServiceFactory : ServiceFactory
{
    public const string Mailbox = "consultations@agency.example";

    public GraphServiceFactory()
    {
        Graph = FakeGraph.StartAsync().GetAwaiter().GetResult();
        Settings["Graph:TenantId"] = "11111111-2222-3333-4444-555555555555";
        Settings["Graph:ClientId"] = "22222222-3333-4444-5555-666666666666";
        Settings["Graph:ClientSecret"] = "not-used: the tests' credential answers";
        Settings["Graph:Mailbox"] = Mailbox;
        Settings["Graph:BaseUrl"] = Graph.Url + "v1.0";
        Settings["Graph:NotificationUrl"] = "https://participantbot.example.org/api/graph/notifications";
        TestServices = services => services.AddSingleton<TokenCredential>(Credential);
    }

    public FakeGraph Graph { get; }
    public TestGraphCredential Credential { get; } = new();

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing) Graph.DisposeAsync().AsTask().GetAwaiter().GetResult();
    }
}

/// <summary>Outlook meeting invitations through Graph: one event per person, replies read back, throttling, notifications.</summary>
public sealed class OutlookTests : IDisposable
{
    private readonly GraphServiceFactory _service = new();
    private readonly HttpClient _client;
    private FakeGraph Graph => _service.Graph;

    public OutlookTests() => _client = _service.CreateClient();

    public void Dispose() => _service.Dispose();

    private async Task<(string Session, List<(string Id, string Email)> People)> InvitedAsync(int people = 3, int? capacity = 24)
    {
        var s = new Scenario(_client);
        var campaign = await s.CampaignAsync("Consultations Tanger");
        var session = (await s.SessionAsync(campaign, capacity, start: "2027-03-10T09:30", end: "2027-03-10T12:00")).Str("id");
        var list = new List<(string, string)>();
        for (var i = 0; i < people; i++)
        {
            var email = $"person{i}.{Guid.NewGuid():N}@mail.example";
            list.Add((await s.ParticipantAsync(campaign, $"Personne {i}", email), email));
        }
        await s.InviteAsync(session, list.Select(p => p.Item1).ToArray());
        await Eventually.WaitAsync(() => Task.FromResult(Graph.Events.Count), n => n >= people, "the events to be created");
        await Eventually.WaitAsync(() => _client.GetJsonAsync($"/api/sessions/{session}/invitations"),
            l => l.AsArray().All(i => i.Str("status") == "invited"), "the invitations to be marked sent");
        return (session, list);
    }

    private JsonObject EventOf(string email) =>
        Graph.Events.Values.Single(e => e["attendees"]![0]!["emailAddress"]!["address"]!.GetValue<string>() == email);

    private async Task<string> StatusAsync(string session, string person) =>
        (await _client.GetJsonAsync($"/api/sessions/{session}/invitations")).AsArray().Single(i => i.Str("participantId") == person).Str("status");

    private async Task SyncAsync()
    {
        await using var scope = _service.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<ParticipantBot.Scheduling.OutlookSyncJob>().SyncAllAsync(CancellationToken.None);
    }

    [Fact]
    public async Task Inviting_CreatesOneEventPerPerson_NamingOnlyThem_WithTheirOwnLink_AndATokenFromTheTestCredential()
    {
        var (session, people) = await InvitedAsync();
        var creates = Graph.To("POST", $"/users/{GraphServiceFactory.Mailbox}/events").ToList();
        Assert.Equal(3, creates.Count);
        var links = new HashSet<string>();
        foreach (var request in creates)
        {
            var body = request.Json!;
            var attendee = Assert.Single(body["attendees"]!.AsArray())!["emailAddress"]!["address"]!.GetValue<string>();
            // The privacy rule: no request carries another participant's address.
            foreach (var (_, email) in people.Where(p => p.Email != attendee)) Assert.DoesNotContain(email, request.Body);
            Assert.True(body["hideAttendees"]!.GetValue<bool>());
            Assert.False(string.IsNullOrEmpty(body["transactionId"]!.GetValue<string>()));
            Assert.Equal("UTC", body["start"]!["timeZone"]!.GetValue<string>());
            var startUtc = (await _client.GetJsonAsync($"/api/sessions/{session}")).Str("startUtc");
            Assert.Equal(DateTimeOffset.Parse(startUtc).UtcDateTime, DateTime.Parse(body["start"]!["dateTime"]!.GetValue<string>()));
            links.Add(Regex.Match(body["body"]!["content"]!.GetValue<string>(), "href=\"([^\"]*/rsvp/[^\"]+)\"").Groups[1].Value);
        }
        Assert.Equal(3, links.Count(l => l.Length > 0));
        Assert.All(Graph.Requests, r => Assert.Equal("Bearer " + TestGraphCredential.Token, r.Authorization));
        Assert.Contains(_service.Credential.Requested, scopes => scopes.SequenceEqual(["https://graph.microsoft.com/.default"]));
        Assert.False(Directory.Exists(Path.Combine(_service.Folder, "outbox")) && Directory.EnumerateFiles(Path.Combine(_service.Folder, "outbox"), "*.eml").Any(),
            "with Graph configured, nothing goes to the outbox folder");
    }

    [Fact]
    public async Task ReplyInOutlook_MovesTheRsvp_AndALaterAnswerOnTheWebPageIsNotUndoneByTheSync()
    {
        var (session, people) = await InvitedAsync(people: 1);
        var (person, email) = people[0];
        var ev = EventOf(email);
        Graph.Reply(ev["id"]!.GetValue<string>(), "accepted", _service.Clock.GetUtcNow());
        await SyncAsync();
        Assert.Equal("accepted", await StatusAsync(session, person));
        var invitation = await _client.GetJsonAsync($"/api/sessions/{session}/invitations/{person}");
        Assert.Equal("outlook", invitation["history"]!.AsArray().Last()!.Str("channel"));

        // The person then declines with the link of their Outlook invitation: the next syncs keep that.
        var link = new Uri(Regex.Match(ev["body"]!["content"]!.GetValue<string>(), "href=\"([^\"]*/rsvp/[^\"]+)\"").Groups[1].Value).PathAndQuery;
        Assert.True(RsvpForm.Saved(await RsvpForm.PostAsync(_client, WebUtility.HtmlDecode(link), "decline")));
        Assert.Equal("declined", await StatusAsync(session, person));
        await SyncAsync();
        await SyncAsync();
        Assert.Equal("declined", await StatusAsync(session, person));
    }

    [Fact]
    public async Task AcceptInOutlook_OnAFullSession_PutsThePersonOnTheWaitingList_AndTellsThemBySendMail()
    {
        var (session, people) = await InvitedAsync(people: 2, capacity: 1);
        await new Scenario(_client).AnswerAsync(session, people[0].Id, "accepted");
        Graph.Reply(EventOf(people[1].Email)["id"]!.GetValue<string>(), "accepted", _service.Clock.GetUtcNow());
        await SyncAsync();
        Assert.Equal("waitlisted", await StatusAsync(session, people[1].Id));
        var mail = await Eventually.WaitAsync(() => Task.FromResult(Graph.SentMail.ToList()), l => l.Count == 1, "the waiting-list email");
        Assert.Equal(people[1].Email, Assert.Single(mail[0]["toRecipients"]!.AsArray())!["emailAddress"]!["address"]!.GetValue<string>());
        Assert.DoesNotContain(people[0].Email, mail[0].ToJsonString());
    }

    [Fact]
    public async Task SendMailAnswered503_IsSentAgain_AndTheCopyThatArrivesIsFlaggedAsPossiblyTheSecond()
    {
        var (session, people) = await InvitedAsync(people: 2, capacity: 1);
        await new Scenario(_client).AnswerAsync(session, people[0].Id, "accepted");
        // A 503 to sendMail may have sent the email: at least once means sending it again, and saying it may be the second.
        Graph.AnswerNext("POST", "/sendMail", 503, retryAfter: 1);
        Graph.Reply(EventOf(people[1].Email)["id"]!.GetValue<string>(), "accepted", _service.Clock.GetUtcNow());
        await SyncAsync();
        var messages = await Eventually.WaitAsync(() => _client.GetJsonAsync($"/api/sessions/{session}/messages"),
            l => l.AsArray().Any(m => m.Str("kind") == "waitlisted" && m.Str("status") == "sent"), "the waiting-list email to be sent again");
        var waitlisted = messages.AsArray().Single(m => m.Str("kind") == "waitlisted")!;
        Assert.True(waitlisted["mayHaveArrivedTwice"]!.GetValue<bool>());
        Assert.Contains("503", waitlisted.Str("duplicateReason"));
        Assert.Equal(2, Graph.To("POST", "/sendMail").Count());
        Assert.Equal(people[1].Email, Assert.Single(Graph.SentMail)["toRecipients"]![0]!["emailAddress"]!["address"]!.GetValue<string>());
    }

    [Fact]
    public async Task TheMailbox_GetsAtMostFourRequestsAtOnce_AndAtMost30EmailsAMinuteByDefault()
    {
        Graph.Latency = TimeSpan.FromMilliseconds(300);
        await InvitedAsync(people: 12);
        Assert.InRange(Graph.MaxInFlight, 1, 4);
        var email = _service.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<ParticipantBot.Email.EmailOptions>>().Value;
        Assert.Equal(30, email.MessagesPerMinute);
    }

    [Fact]
    public async Task Throttled_WaitsRetryAfter_AndA503IsRetried_ThenOneEventIsMade()
    {
        Graph.AnswerNext("POST", "/events", 429, retryAfter: 1);
        Graph.AnswerNext("POST", "/events", 503);
        var (_, people) = await InvitedAsync(people: 1);
        var creates = Graph.To("POST", "/events").ToList();
        Assert.Equal(3, creates.Count);
        Assert.Single(creates.Select(c => c.Json!["transactionId"]!.GetValue<string>()).Distinct());
        Assert.Single(Graph.Events.Values, e => e.ToJsonString().Contains(people[0].Email));
    }

    [Fact]
    public async Task RefusedRequest_IsRecordedWithTheReason_AndNotRetried()
    {
        var s = new Scenario(_client);
        var campaign = await s.CampaignAsync();
        var session = (await s.SessionAsync(campaign, start: "2027-03-10T09:30", end: "2027-03-10T12:00")).Str("id");
        var person = await s.ParticipantAsync(campaign, "Refusée", "refused@mail.example");
        Graph.AnswerNext("POST", "/events", 400);
        await s.InviteAsync(session, person);
        var messages = await Eventually.WaitAsync(() => _client.GetJsonAsync($"/api/sessions/{session}/messages"),
            l => l.AsArray().Any(m => m.Str("kind") == "invitation" && m.Str("status") == "failed"), "the refusal to be recorded");
        Assert.Contains("400", messages.AsArray().First(m => m.Str("kind") == "invitation")!.Str("reason"));
        Assert.Single(Graph.To("POST", "/events"));
    }

    [Fact]
    public async Task ChangingTheSession_UpdatesEachEvent_AnEventDeletedByHandIsMadeAgain_AndCancellingCancelsThem()
    {
        var (session, people) = await InvitedAsync(people: 2);
        var deleted = EventOf(people[0].Email)["id"]!.GetValue<string>();
        var kept = EventOf(people[1].Email)["id"]!.GetValue<string>();
        Graph.DeleteByHand(deleted);

        await _client.PatchJsonAsync($"/api/sessions/{session}", new { venue = "Palais des congrès, Tanger" });
        await Eventually.WaitAsync(() => Task.FromResult(Graph.Events.Values.Select(e => e["location"]?["displayName"]?.GetValue<string>()).ToList()),
            l => l.Count(v => v == "Palais des congrès, Tanger") == 2, "both events to show the new venue");
        Assert.Single(Graph.To("PATCH", kept));
        var remade = EventOf(people[0].Email)["id"]!.GetValue<string>();
        Assert.NotEqual(deleted, remade);

        await _client.PostAsync($"/api/sessions/{session}/cancel", null);
        await Eventually.WaitAsync(() => Task.FromResult(Graph.To("POST", "/cancel").Count()), n => n == 2, "both events to be cancelled");
        Assert.Contains(Graph.To("POST", "/cancel"), r => r.Path.Contains(remade));
        Assert.Contains(Graph.To("POST", "/cancel"), r => r.Path.Contains(kept));
    }

    [Fact]
    public async Task Withdrawing_CancelsThatPersonsEventOnly()
    {
        var (session, people) = await InvitedAsync(people: 2);
        var withdrawn = EventOf(people[0].Email)["id"]!.GetValue<string>();
        await _client.PostJsonAsync($"/api/sessions/{session}/invitations/{people[0].Id}/withdraw", new { }, HttpStatusCode.OK);
        var cancel = await Eventually.WaitAsync(() => Task.FromResult(Graph.To("POST", "/cancel").ToList()), l => l.Count == 1, "the withdrawn person's event to be cancelled");
        Assert.Contains(withdrawn, cancel[0].Path);
        Assert.DoesNotContain(people[1].Email, cancel[0].Body);
    }

    [Fact]
    public async Task Notifications_EchoTheValidationToken_AndOnlyOurClientStateMakesTheReplyArrive()
    {
        var handshake = await _client.PostAsync("/api/graph/notifications?validationToken=Validation%3A%20abc%2B1", null);
        Assert.Equal("text/plain", handshake.Content.Headers.ContentType!.MediaType);
        Assert.Equal("Validation: abc+1", await handshake.Content.ReadAsStringAsync());

        await using (var scope = _service.Services.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<ParticipantBot.Scheduling.OutlookSyncJob>().EnsureSubscriptionAsync(CancellationToken.None);
        var subscription = Assert.Single(Graph.Subscriptions.Values);
        Assert.Equal("https://participantbot.example.org/api/graph/notifications", subscription["notificationUrl"]!.GetValue<string>());
        Assert.Equal($"users/{GraphServiceFactory.Mailbox}/events", subscription["resource"]!.GetValue<string>());

        var (session, people) = await InvitedAsync(people: 1);
        var eventId = EventOf(people[0].Email)["id"]!.GetValue<string>();
        Graph.Reply(eventId, "tentativelyAccepted", _service.Clock.GetUtcNow());
        JsonObject Notification(string clientState) => new()
        {
            ["value"] = new JsonArray(new JsonObject
            {
                ["subscriptionId"] = subscription["id"]!.GetValue<string>(), ["clientState"] = clientState, ["changeType"] = "updated",
                ["resource"] = $"Users/x/Events/{eventId}", ["resourceData"] = new JsonObject { ["id"] = eventId },
            }),
        };
        var forged = await _client.PostAsJsonAsync("/api/graph/notifications", Notification("guessed-secret"));
        Assert.Equal(0, (await forged.ReadJsonAsync(HttpStatusCode.Accepted))["syncing"]!.GetValue<int>());
        var genuine = await _client.PostAsJsonAsync("/api/graph/notifications", Notification(subscription["clientState"]!.GetValue<string>()));
        Assert.Equal(1, (await genuine.ReadJsonAsync(HttpStatusCode.Accepted))["syncing"]!.GetValue<int>());
        await Eventually.WaitAsync(() => StatusAsync(session, people[0].Id), s => s == "tentative", "the notified reply to be read");
    }

    [Fact]
    public async Task Subscription_IsRenewedADayBeforeItExpires()
    {
        await using var scope = _service.Services.CreateAsyncScope();
        var job = scope.ServiceProvider.GetRequiredService<ParticipantBot.Scheduling.OutlookSyncJob>();
        await job.EnsureSubscriptionAsync(CancellationToken.None);
        await job.EnsureSubscriptionAsync(CancellationToken.None);
        Assert.Empty(Graph.To("PATCH", "/subscriptions/"));

        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var stored = await db.GraphSubscriptions.SingleAsync();
        stored.ExpiresAt = _service.Clock.GetUtcNow().AddHours(5);
        await db.SaveChangesAsync();
        await job.EnsureSubscriptionAsync(CancellationToken.None);
        var renewal = Assert.Single(Graph.To("PATCH", "/subscriptions/" + stored.SubscriptionId));
        Assert.True(DateTimeOffset.Parse(renewal.Json!["expirationDateTime"]!.GetValue<string>()) > _service.Clock.GetUtcNow().AddDays(2));
        Assert.Single(Graph.Subscriptions);
    }
}
