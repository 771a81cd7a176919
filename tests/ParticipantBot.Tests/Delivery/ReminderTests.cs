using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using ParticipantBot.Delivery;
using ParticipantBot.Tests.Support;

namespace ParticipantBot.Tests.Delivery;

/// <summary>
/// A service whose clock stands still until the test moves it (FakeTimeProvider), instead of sleeping. The
/// test is its only scheduler: no Hangfire server runs in it, so nothing dispatches behind the test's back
/// (a background run that had claimed a message let the test's own run finish before that message was sent).
/// </summary>
public sealed class ClockedServiceFactory : ServiceFactory
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 12, 1, 10, 0, 0, TimeSpan.Zero));

    public ClockedServiceFactory() => Settings["Scheduling:DisableServer"] = "true";

    public override TimeProvider Time => _clock;

    public new FakeTimeProvider Clock => _clock;

    /// <summary>Runs the dispatcher now, as the Hangfire job does, at the fake clock's time, until nothing is due.</summary>
    public async Task DispatchAsync()
    {
        await using var scope = Services.CreateAsyncScope();
        while (await scope.ServiceProvider.GetRequiredService<OutboxDispatcher>().DispatchDueAsync(CancellationToken.None) > 0) { }
    }
}

public sealed class ReminderTests : IAsyncLifetime
{
    private readonly ClockedServiceFactory _service = new();
    private HttpClient _client = null!;

    public Task InitializeAsync() { _client = _service.CreateClient(); return Task.CompletedTask; }
    public async Task DisposeAsync() => await _service.DisposeAsync();

    private MailFolder Mail => new(Path.Combine(_service.Folder, "outbox"));

    private async Task<(string Session, Dictionary<string, string> People)> InvitedAsync(params string[] names)
    {
        var s = new Scenario(_client);
        var campaign = await s.CampaignAsync();
        var session = (await _client.PostJsonAsync($"/api/campaigns/{campaign}/sessions",
            new { title = "Gouvernance", start = "2026-12-16T09:30", end = "2026-12-16T13:00", venue = "Hôtel, Tanger", capacity = 24, answerDeadline = "2026-12-14T18:00" },
            HttpStatusCode.Created)).Str("id");
        var people = new Dictionary<string, string>();
        foreach (var name in names) people[name] = await s.ParticipantAsync(campaign, name, $"{name.ToLowerInvariant()}.{campaign[..6]}@example.org");
        await s.InviteAsync(session, [.. people.Values]);
        await _service.DispatchAsync();
        return (session, people);
    }

    private async Task<JsonArray> MessagesAsync(string session, string? participant = null) =>
        new((await _client.GetJsonAsync($"/api/sessions/{session}/messages")).AsArray()
            .Where(m => participant is null || m.Str("participantId") == participant).Select(m => m!.DeepClone()).ToArray());

    [Fact]
    public async Task Invitation_PlansEveryReminder_AtTheRightLocalTime_AndNoneInQuietHours()
    {
        var (session, people) = await InvitedAsync("Salma");
        var reminders = (await MessagesAsync(session, people["Salma"])).Where(m => m.Str("kind") != "invitation").ToList();
        Assert.Equal(["reminder:7:2026-12-09T10:00:00+01:00", "reminder:3:2026-12-13T10:00:00+01:00", "dayBefore:0:2026-12-15T10:00:00+01:00", "today:0:2026-12-16T08:00:00+01:00"],
            reminders.Select(m => $"{m.Str("kind")}:{m!["sequence"]}:{m.Str("dueAtLocal")}"));
        Assert.All(reminders, m => Assert.Equal("planned", m.Str("status")));
        Assert.All(reminders, m => Assert.InRange(DateTimeOffset.Parse(m.Str("dueAtLocal")).Hour, 8, 19));
    }

    [Fact]
    public async Task Answering_DropsThePendingNonResponderReminders_WhateverTheChannel()
    {
        var (session, people) = await InvitedAsync("Omar", "Nadia");
        await new Scenario(_client).AnswerAsync(session, people["Omar"], "accepted", "phone");
        var omar = await MessagesAsync(session, people["Omar"]);
        Assert.All(omar.Where(m => m.Str("kind") == "reminder"), m => Assert.Equal(("skipped", "The person answered."), (m.Str("status"), m.Str("reason"))));
        Assert.Equal("planned", omar.Single(m => m.Str("kind") == "dayBefore").Str("status"));
        Assert.All((await MessagesAsync(session, people["Nadia"])).Where(m => m.Str("kind") == "reminder"), m => Assert.Equal("planned", m.Str("status")));
    }

    [Fact]
    public async Task WhenTheTimeComes_OnlyTheNonRespondersAreReminded_ThenTheAcceptedTheDayBefore()
    {
        var (session, people) = await InvitedAsync("Hajar", "Karim", "Latifa");
        await new Scenario(_client).AnswerAsync(session, people["Hajar"], "accepted");
        await new Scenario(_client).AnswerAsync(session, people["Latifa"], "declined");

        _service.Clock.SetUtcNow(new DateTimeOffset(2026, 12, 9, 9, 1, 0, TimeSpan.Zero));
        await _service.DispatchAsync();
        Assert.Single(Mail.All(), m => m.Subject!.StartsWith("Rappel"));
        Assert.Single(Mail.All(), m => m.Subject!.StartsWith("Rappel") && m.To.Mailboxes.Single().Address.StartsWith("karim."));

        _service.Clock.SetUtcNow(new DateTimeOffset(2026, 12, 15, 9, 1, 0, TimeSpan.Zero));
        await _service.DispatchAsync();
        var tomorrow = Assert.Single(Mail.All(), m => m.Subject!.StartsWith("Demain"));
        Assert.StartsWith("hajar.", tomorrow.To.Mailboxes.Single().Address);
        Assert.Contains("Hôtel, Tanger", tomorrow.TextBody);
        var messages = await MessagesAsync(session);
        Assert.Contains(messages, m => m.Str("participantId") == people["Karim"] && m.Str("kind") == "dayBefore" && m.Str("status") == "skipped");
        Assert.DoesNotContain(Mail.All(), m => m.To.Mailboxes.Single().Address.StartsWith("latifa.") && !m.Subject!.StartsWith("Invitation"));
    }

    [Fact]
    public async Task MovingTheSession_MovesItsPlannedReminders_AndCancellingDropsThem()
    {
        var (session, people) = await InvitedAsync("Imane");
        await _client.PatchJsonAsync($"/api/sessions/{session}", new { start = "2026-12-17T09:30", end = "2026-12-17T13:00", answerDeadline = "2026-12-15T18:00" });
        var moved = await MessagesAsync(session, people["Imane"]);
        Assert.Equal("2026-12-10T10:00:00+01:00", moved.Single(m => m.Str("kind") == "reminder" && m!["sequence"]!.GetValue<int>() == 7).Str("dueAtLocal"));
        Assert.Equal("2026-12-16T10:00:00+01:00", moved.Single(m => m.Str("kind") == "dayBefore").Str("dueAtLocal"));

        await _client.PostJsonAsync($"/api/sessions/{session}/cancel", new { }, HttpStatusCode.OK);
        var cancelled = await MessagesAsync(session, people["Imane"]);
        Assert.DoesNotContain(cancelled, m => m.Str("status") == "planned" && m.Str("kind") != "cancellation");
        await _service.DispatchAsync();
        Assert.Single(Mail.All(), m => m.Subject!.StartsWith("Annulation"));
    }

    [Fact]
    public async Task ChangingThePolicy_ReplansTheReminders()
    {
        var (session, people) = await InvitedAsync("Said");
        var policy = await _client.GetJsonAsync($"/api/sessions/{session}/reminders");
        Assert.Equal(7, policy["firstReminderDays"]!.GetValue<int>());
        await (await _client.PutAsync($"/api/sessions/{session}/reminders", System.Net.Http.Json.JsonContent.Create(new
        {
            firstReminderDays = 5, secondReminderDays = (int?)null, dayBefore = true, sameDay = false, sendAt = "11:00", sameDayAt = "08:00", quietFrom = "21:00", quietUntil = "07:30",
        }))).ReadJsonAsync(HttpStatusCode.OK);
        var messages = await MessagesAsync(session, people["Said"]);
        Assert.Equal("2026-12-11T11:00:00+01:00", messages.Single(m => m.Str("kind") == "reminder" && m.Str("status") == "planned").Str("dueAtLocal"));
        Assert.Equal("2026-12-15T11:00:00+01:00", messages.Single(m => m.Str("kind") == "dayBefore").Str("dueAtLocal"));
        Assert.All(messages.Where(m => m.Str("kind") == "today" || (m.Str("kind") == "reminder" && m!["sequence"]!.GetValue<int>() != 5)), m => Assert.Equal("skipped", m.Str("status")));

        var bad = await (await _client.PutAsync($"/api/sessions/{session}/reminders", System.Net.Http.Json.JsonContent.Create(new
        {
            firstReminderDays = 5, dayBefore = true, sameDay = false, sendAt = "22:00", sameDayAt = "08:00", quietFrom = "20:00", quietUntil = "08:00",
        }))).ReadJsonAsync(HttpStatusCode.BadRequest);
        Assert.Contains("quiet hours", bad.Str("title"));
    }

    [Fact]
    public async Task ParticipantWhoSaidStop_GetsNoReminder()
    {
        var (session, people) = await InvitedAsync("Rachid");
        await using (var scope = _service.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<ParticipantBot.Persistence.AppDbContext>();
            var person = await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.SingleAsync(db.Participants, p => p.Id == Guid.Parse(people["Rachid"]));
            person.StopReminders(_service.Clock.GetUtcNow());
            await db.SaveChangesAsync();
        }
        _service.Clock.SetUtcNow(new DateTimeOffset(2026, 12, 9, 9, 1, 0, TimeSpan.Zero));
        await _service.DispatchAsync();
        Assert.DoesNotContain(Mail.All(), m => m.Subject!.StartsWith("Rappel"));
        Assert.Contains(await MessagesAsync(session, people["Rachid"]), m => m.Str("kind") == "reminder" && m.Str("reason") == "The person asked for no more reminders.");
    }
}
