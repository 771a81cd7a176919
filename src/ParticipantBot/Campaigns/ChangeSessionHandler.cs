using Microsoft.EntityFrameworkCore;
using ParticipantBot.Application;
using ParticipantBot.Audit;
using ParticipantBot.Domain.Audit;
using ParticipantBot.Domain.Campaigns;
using ParticipantBot.Persistence;

namespace ParticipantBot.Campaigns;

public sealed record ChangeSession(Guid SessionId, SessionRequest Change, string By);

/// <summary>
/// Changes a session. When its time or place changes, everyone who holds the invitation gets an update
/// and the planned reminders follow (or are dropped); self check-in switched on or off plans or drops
/// the "I'm here" cards: with the change and its audit entry, in one transaction.
/// </summary>
public sealed class ChangeSessionHandler(AppDbContext db, UnitOfWork unit, IEnumerable<ISessionListener> listeners, AuditLog audit)
{
    public Task<Outcome<Session>> HandleAsync(ChangeSession command, CancellationToken ct) => unit.RunAsync<Session>(async c =>
    {
        var session = await db.Sessions.FirstOrDefaultAsync(s => s.Id == command.SessionId, c);
        if (session is null) return Refusal.NotFound();
        var campaign = await db.Campaigns.AsNoTracking().FirstAsync(x => x.Id == session.CampaignId, c);
        var request = command.Change;
        var sequence = session.Sequence;
        if (request.Title is not null) session.Retitle(request.Title);
        if (request.TitlesByLanguage() is { } titles) session.TranslateTitle(titles);
        if (request.Start is not null || request.End is not null || request.TimeZone is not null || request.AnswerDeadline is not null)
        {
            var zone = string.IsNullOrWhiteSpace(request.TimeZone) ? session.TimeZoneId : request.TimeZone.Trim();
            Domain.Common.TimeZones.Find(zone);
            var start = request.Start is null ? session.LocalStart.DateTime : LocalTime.Parse(request.Start, zone, "start");
            var end = request.End is null ? session.LocalEnd.DateTime : LocalTime.Parse(request.End, zone, "end");
            var deadline = request.AnswerDeadline is null ? session.LocalAnswerDeadline?.DateTime : LocalTime.Parse(request.AnswerDeadline, zone, "answerDeadline");
            session.Schedule(start, end, zone, deadline);
        }
        if (request.Venue is not null) session.Relocate(request.Venue);
        if (request.UnlimitedCapacity == true) session.SetCapacity(null);
        else if (request.Capacity is not null) session.SetCapacity(request.Capacity);
        if (request.Languages is not null) session.SetLanguages(request.Languages);
        if (request.Agenda is not null) session.SetAgenda(request.Agenda);
        if (request.SubGroups is not null) session.SetSubGroups(request.SubGroups);
        var selfCheckInBefore = session.SelfCheckIn;
        if (request.SelfCheckIn is { } selfCheckIn) session.AllowSelfCheckIn(selfCheckIn);
        audit.RecordAs(command.By, session.CampaignId, AuditAction.SessionChanged, "Changed: " + audit.Changed(session), session.Id);
        var moved = session.Sequence != sequence;
        var selfCheckInChanged = session.SelfCheckIn != selfCheckInBefore || (session.SelfCheckIn && moved);
        if (moved || selfCheckInChanged)
            foreach (var listener in listeners) await listener.SessionChangedAsync(session, campaign, moved, selfCheckInChanged, c);
        return session;
    }, ct);
}
