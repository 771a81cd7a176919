using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Microsoft.Graph;
using Microsoft.Graph.Models;
using Microsoft.Graph.Models.ODataErrors;
using ParticipantBot.Application;
using ParticipantBot.Domain.Common;
using ParticipantBot.Domain.Invitations;
using ParticipantBot.Invitations;
using ParticipantBot.Persistence;

namespace ParticipantBot.Outlook;

/// <summary>
/// Reads the attendees' replies back from the events and maps them onto the one RSVP state (channel
/// outlook). A reply replaces an answer only if it is newer, by the reply's own time, so a periodic
/// sync never undoes an answer given later on the web page or in Teams.
/// </summary>
public sealed class OutlookReplies(
    AppDbContext db, GraphServiceClient graph, RecordAnswerHandler answers, Campaigns.CampaignDirectory campaigns, IOptions<GraphOptions> options, TimeProvider clock, ILogger<OutlookReplies> logger)
{
    /// <summary>Every event of a session that has not ended more than a day ago; returns how many answers changed.</summary>
    public async Task<int> SyncAllAsync(CancellationToken ct)
    {
        var since = clock.GetUtcNow().AddDays(-1);
        var sessions = await campaigns.SessionIdsEndingAfterAsync(since, ct);
        var ids = await db.OutlookEvents.Where(o => o.CancelledAt == null && sessions.Contains(o.SessionId)).Select(o => o.Id).ToListAsync(ct);
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
        db.ChangeTracker.Clear();
        // The one answer path: closed answers are refused, and anything that happened to the invitation after the reply
        // (a web answer, a withdrawal) wins over it.
        var recorded = await answers.HandleAsync(new RecordAnswer(known.SessionId, known.ParticipantId, new Answer.Reply(answer), AnswerChannel.Outlook,
            $"participant:{known.ParticipantId}", RepliedAt: repliedAt), ct);
        if (recorded.Refusal is { Kind: not RefusalKind.NotFound } refused)
            logger.LogInformation("An Outlook reply of participant {ParticipantId} was not recorded: {Reason}", known.ParticipantId, refused.Message);
        if (recorded.Value is not { Outcome.Changed: true } done) return false;
        logger.LogInformation("Participant {ParticipantId} answered {Status} in Outlook for session {SessionId}.", known.ParticipantId, done.Outcome.Status, known.SessionId);
        return true;
    }
}
