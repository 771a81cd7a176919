using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Microsoft.Graph;
using Microsoft.Graph.Models;
using Microsoft.Graph.Models.ODataErrors;
using ParticipantBot.Delivery;
using ParticipantBot.Domain.Common;
using ParticipantBot.Domain.Invitations;
using ParticipantBot.Persistence;

namespace ParticipantBot.Outlook;

/// <summary>
/// Reads the attendees' replies back from the events and maps them onto the one RSVP state (channel
/// outlook). A reply replaces an answer only if it is newer, by the reply's own time, so a periodic
/// sync never undoes an answer given later on the web page or in Teams.
/// </summary>
public sealed class OutlookReplies(
    AppDbContext db, GraphServiceClient graph, SessionMessages messages, IOptions<GraphOptions> options, TimeProvider clock, ILogger<OutlookReplies> logger)
{
    /// <summary>Every event of a session that has not ended more than a day ago; returns how many answers changed.</summary>
    public async Task<int> SyncAllAsync(CancellationToken ct)
    {
        var since = clock.GetUtcNow().AddDays(-1);
        var ids = await (from o in db.OutlookEvents
                         join s in db.Sessions on o.SessionId equals s.Id
                         where o.CancelledAt == null && s.EndsAt >= since
                         select o.Id).ToListAsync(ct);
        var changed = 0;
        foreach (var id in ids)
        {
            try { changed += await SyncOneAsync(id, ct) ? 1 : 0; }
            catch (Exception e) when (e is Microsoft.Kiota.Abstractions.ApiException or HttpRequestException)
            {
                logger.LogWarning("The reply of Outlook event {OutlookEventId} could not be read ({Error}); the next sync tries again.", id, e.Message);
            }
        }
        return changed;
    }

    /// <returns>Whether the person's answer changed.</returns>
    public async Task<bool> SyncOneAsync(Guid outlookEventId, CancellationToken ct)
    {
        db.ChangeTracker.Clear();
        var known = await db.OutlookEvents.FirstOrDefaultAsync(o => o.Id == outlookEventId, ct);
        if (known is null || known.CancelledAt is not null) return false;
        Event? found;
        try
        {
            found = await graph.Users[options.Value.Mailbox].Events[known.EventId].GetAsync(r => r.QueryParameters.Select = ["id", "attendees"], ct);
        }
        catch (ODataError e) when (e.ResponseStatusCode == 404)
        {
            // Deleted by hand: the next update or invitation creates it again; nothing to read now.
            logger.LogWarning("Outlook event {OutlookEventId} is no longer in the mailbox.", known.Id);
            return false;
        }
        var attendee = found?.Attendees?.FirstOrDefault();
        var response = attendee?.Status?.Response;
        var at = attendee?.Status?.Time;
        known.Response = response?.ToString();
        known.ResponseAt = at;
        known.SyncedAt = clock.GetUtcNow();
        await db.SaveChangesAsync(ct);
        if (at is null || Map(response) is not { } answer) return false;
        return await ApplyAsync(known, answer, at.Value, ct);
    }

    private static RsvpResponse? Map(ResponseType? response) => response switch
    {
        ResponseType.Accepted => RsvpResponse.Accept,
        ResponseType.TentativelyAccepted => RsvpResponse.Tentative,
        ResponseType.Declined => RsvpResponse.Decline,
        _ => null,
    };

    private async Task<bool> ApplyAsync(OutlookEvent known, RsvpResponse answer, DateTimeOffset repliedAt, CancellationToken ct)
    {
        var session = await db.Sessions.AsNoTracking().FirstOrDefaultAsync(s => s.Id == known.SessionId, ct);
        if (session is null || session.IsCancelled || clock.GetUtcNow() >= session.StartsAt) return false;
        var outcome = await db.RetryOnConflictAsync(async () =>
        {
            db.ChangeTracker.Clear();
            var invitations = await db.Invitations.Where(i => i.SessionId == session.Id).ToListAsync(ct);
            var invitation = invitations.FirstOrDefault(i => i.ParticipantId == known.ParticipantId);
            // Anything that happened to the invitation after the reply (a web answer, a withdrawal) wins.
            if (invitation is null || invitation.UpdatedAt >= repliedAt) return null;
            if (invitation.Status is RsvpStatus.Withdrawn or RsvpStatus.Cancelled or RsvpStatus.Attended or RsvpStatus.NoShow) return null;
            AnswerOutcome result;
            try { result = new Roster(session, invitations).Answer(invitation, answer, AnswerChannel.Outlook, $"participant:{known.ParticipantId}", clock.GetUtcNow()); }
            catch (Domain.Common.DomainException e)
            {
                logger.LogInformation("An Outlook reply of participant {ParticipantId} was not recorded: {Reason}", known.ParticipantId, e.Message);
                return null;
            }
            await db.SaveChangesAsync(ct);
            return result;
        });
        db.ChangeTracker.Clear();
        if (outcome is null || !outcome.Changed) return false;
        logger.LogInformation("Participant {ParticipantId} answered {Status} in Outlook for session {SessionId}.", known.ParticipantId, outcome.Status, session.Id);
        await messages.AfterAnswerAsync(session, known.ParticipantId, outcome, ct);
        return true;
    }
}
