using System.Diagnostics;
using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using ParticipantBot.Domain.Messages;
using ParticipantBot.Persistence;
using ParticipantBot.Telemetry;
using ParticipantBot.Tests.Support;

namespace ParticipantBot.Tests.Telemetry;

/// <summary>The outbox gauges read the table; the redaction leaves no personal data in spans.</summary>
public sealed class TelemetryTests
{
    [Fact]
    public async Task OutboxGauges_CountTheTableByStatusAndChannel_AndTheOldestDueMessagesAge()
    {
        await using var service = new ServiceFactory();
        service.Settings["Scheduling:DisableServer"] = "true"; // nothing dispatches behind the test's back
        service.Settings["Telemetry:OutboxMetricsSeconds"] = "3600";
        var api = service.CreateClient();
        var s = new Scenario(api);
        var campaign = await s.CampaignAsync();
        var session = (await s.SessionAsync(campaign)).Str("id");
        var people = new List<Guid>();
        for (var n = 0; n < 6; n++) people.Add(Guid.Parse(await s.ParticipantAsync(campaign, $"Person {n}")));

        var now = service.Clock.GetUtcNow();
        await using (var scope = service.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            OutboundMessage Message(int n, DeliveryChannel channel, DateTimeOffset due) =>
                OutboundMessage.Plan(Guid.Parse(campaign), Guid.Parse(session), people[n], MessageKind.Reminder, 90 + n, channel, due, now.AddHours(-1));
            var dueTenMinutesAgo = Message(0, DeliveryChannel.Email, now.AddMinutes(-10));
            var dueTomorrow = Message(1, DeliveryChannel.Teams, now.AddDays(1));
            var sent = Message(2, DeliveryChannel.Email, now.AddMinutes(-2));
            sent.MarkSent("id", now.AddSeconds(-20));
            var sentLongAgo = Message(3, DeliveryChannel.Email, now.AddMinutes(-50));
            sentLongAgo.MarkSent("id", now.AddMinutes(-40));
            var failed = Message(4, DeliveryChannel.Teams, now.AddMinutes(-5));
            failed.Fail("refused");
            // Sent again after a 503 that may have sent it already: it may have arrived twice.
            var twice = Message(5, DeliveryChannel.Email, now.AddMinutes(-5));
            twice.RetryUncertain("Graph answered 503", now.AddMinutes(-5));
            twice.MarkSent(null, now.AddMinutes(-5), mayDuplicate: true);
            db.OutboundMessages.AddRange(dueTenMinutesAgo, dueTomorrow, sent, sentLongAgo, failed, twice);
            await db.SaveChangesAsync();
        }

        var metrics = service.Services.GetRequiredService<OutboxMetrics>();
        metrics.Start();
        var measured = new List<(string Name, double Value, string? Channel)>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Name.StartsWith("participantbot.outbox.")) l.EnableMeasurementEvents(instrument);
        };
        listener.SetMeasurementEventCallback<long>((i, v, tags, _) => measured.Add((i.Name, v, Channel(tags))));
        listener.SetMeasurementEventCallback<double>((i, v, tags, _) => measured.Add((i.Name, v, Channel(tags))));
        listener.Start();
        listener.RecordObservableInstruments();

        double Value(string name, string? channel = null) => measured.Where(m => m.Name == name && m.Channel == channel).Sum(m => m.Value);
        Assert.Equal(1, Value("participantbot.outbox.planned", "email"));
        Assert.Equal(1, Value("participantbot.outbox.planned", "teams"));
        Assert.Equal(1, Value("participantbot.outbox.sent_last_minute", "email"));
        Assert.Equal(0, Value("participantbot.outbox.sent_last_minute", "teams"));
        Assert.Equal(1, Value("participantbot.outbox.failed", "teams"));
        Assert.Equal(1, Value("participantbot.outbox.possible_duplicates", "email"));
        Assert.InRange(Value("participantbot.outbox.oldest_due_age"), 599, 700);

        // Read once for all five instruments, and not again while the figures are fresh.
        var first = metrics.Read();
        Assert.Same(first, metrics.Read());
    }

    [Fact]
    public async Task WithApplicationInsights_TheServiceStartsAndAnswers()
    {
        // An ingestion endpoint on this machine where nothing listens: the distro is wired, nothing leaves.
        await using var service = new ServiceFactory();
        service.Settings["Telemetry:ApplicationInsightsConnectionString"] =
            "InstrumentationKey=00000000-0000-0000-0000-000000000000;IngestionEndpoint=http://127.0.0.1:9/;LiveEndpoint=http://127.0.0.1:9/";
        var client = service.CreateClient();
        Assert.Equal(System.Net.HttpStatusCode.OK, (await client.GetAsync("/healthz/ready")).StatusCode);
        Assert.Equal(System.Net.HttpStatusCode.OK, (await client.GetAsync("/api/campaigns")).StatusCode);
    }

    private static string? Channel(ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        foreach (var tag in tags) if (tag.Key == "channel") return tag.Value as string;
        return null;
    }

    [Theory]
    [InlineData("/api/campaigns/7a2e0000-0000-4000-8000-000000000001/participants", "/api/campaigns/{cid:guid}/participants/", "/api/campaigns/7a2e0000-0000-4000-8000-000000000001/participants")]
    [InlineData("/rsvp/CfDJ8N3kq0Lr-secret-token-of-someone", "rsvp/{token}", "/rsvp/{token}")]
    [InlineData("/survey/CfDJ8N3kq0Lr", "/survey/{token:minlength(8)}", "/survey/{token}")]
    [InlineData("/anything/samira@example.org", null, "/{redacted}")]
    public void ServerPaths_AreReducedToTheirRoute(string path, string? route, string expected) =>
        Assert.Equal(expected, TelemetryRedaction.PathFromRoute(path, route));

    [Theory]
    [InlineData("https://graph.microsoft.com/v1.0/users/consultations@agency.org/events?$filter=x", "https://graph.microsoft.com/v1.0/users/{redacted}/events?$filter={redacted}")]
    [InlineData("https://graph.microsoft.com/v1.0/users/0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d/events/AAMkAD", "https://graph.microsoft.com/v1.0/users/0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d/events/AAMkAD")]
    [InlineData("https://smba.trafficmanager.net/emea/v3/conversations/a:1Xyz0123456789abcdefghijklmnopqrstuvwxyzABCDEF/activities", "https://smba.trafficmanager.net/emea/v3/conversations/{redacted}/activities")]
    [InlineData("https://api.example.org/people/%2B212661234567", "https://api.example.org/people/{redacted}")]
    public void OutgoingUrls_LoseEveryValueThatCouldNameSomeone(string url, string expected) =>
        Assert.Equal(expected, TelemetryRedaction.Url(url));

    [Fact]
    public void AFinishedSpan_LosesClientAddress_AndEmailsInAnyAttribute()
    {
        using var activity = new Activity("test").SetIdFormat(ActivityIdFormat.W3C);
        activity.SetTag("client.address", "196.200.1.2");
        activity.SetTag("user_agent.original", "Mozilla/5.0");
        activity.SetTag("error.detail", "mailbox samira.alami@example.org not found");
        activity.SetTag("hangfire.job.id", "42");
        TelemetryRedaction.Clean(activity);
        Assert.Null(activity.GetTagItem("client.address"));
        Assert.Null(activity.GetTagItem("user_agent.original"));
        Assert.Equal("mailbox {redacted} not found", activity.GetTagItem("error.detail"));
        Assert.Equal("42", activity.GetTagItem("hangfire.job.id"));
    }
}
