using Microsoft.EntityFrameworkCore;
using ParticipantBot.Application;
using ParticipantBot.Audit;
using ParticipantBot.Campaigns;
using ParticipantBot.Domain.Audit;
using ParticipantBot.Persistence;

namespace ParticipantBot.Invitations;

/// <param name="From">Where the organiser asked ("" for the API, " from Teams"), for the audit log.</param>
public sealed record SendReminders(Guid SessionId, string By, string From = "");

/// <summary>An organiser's "remind the non-responders now": the round's reminders and its audit entry, in one transaction.</summary>
public sealed class SendRemindersHandler(UnitOfWork unit, CampaignDirectory campaigns, NonResponderReminders reminders, AuditLog audit)
{
    public Task<Outcome<RemindNowResult>> HandleAsync(SendReminders command, CancellationToken ct) => unit.RunAsync<RemindNowResult>(async c =>
    {
        var session = await campaigns.SessionAsync(command.SessionId, c);
        if (session is null) return Refusal.NotFound();
        if (reminders.WhyNot(session) is { } why) return Refusal.Conflict(why, "state", "remind.closed");
        var result = await reminders.RemindAsync(session, c);
        audit.RecordAs(command.By, session.CampaignId, AuditAction.RemindersSent,
            $"Reminder round {result.Round}{command.From}: {result.Planned} reminder(s) planned for {result.NonResponders} person(s) who had not answered.", session.Id);
        return result;
    }, ct);
}
