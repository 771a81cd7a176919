using Microsoft.EntityFrameworkCore;
using ParticipantBot.Application;
using ParticipantBot.Audit;
using ParticipantBot.Domain.Audit;
using ParticipantBot.Domain.Reminders;
using ParticipantBot.Persistence;

namespace ParticipantBot.Campaigns;

public sealed record ChangeReminderPolicy(Guid SessionId, ReminderPolicy Policy, string By);

/// <summary>Changes a session's reminder policy; its planned reminders move, obsolete ones are dropped, new ones planned: one transaction.</summary>
public sealed class ChangeReminderPolicyHandler(AppDbContext db, UnitOfWork unit, IEnumerable<ISessionListener> listeners, AuditLog audit)
{
    public Task<Outcome<ReminderPolicy>> HandleAsync(ChangeReminderPolicy command, CancellationToken ct) => unit.RunAsync<ReminderPolicy>(async c =>
    {
        var session = await db.Sessions.FirstOrDefaultAsync(s => s.Id == command.SessionId, c);
        if (session is null) return Refusal.NotFound();
        var campaign = await db.Campaigns.AsNoTracking().FirstAsync(x => x.Id == session.CampaignId, c);
        session.SetReminderPolicy(command.Policy);
        audit.RecordAs(command.By, session.CampaignId, AuditAction.ReminderPolicyChanged, "Reminder policy changed: " + audit.Changed(session), session.Id);
        foreach (var listener in listeners) await listener.ReminderPolicyChangedAsync(session, campaign, c);
        return session.ReminderPolicy;
    }, ct);
}
