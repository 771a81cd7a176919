using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using ParticipantBot.Campaigns;
using ParticipantBot.Domain.Common;
using ParticipantBot.Domain.Messages;
using ParticipantBot.Identity;
using ParticipantBot.Persistence;

namespace ParticipantBot.Delivery;

/// <summary>Messages of one kind by outcome: planned (due or not), being sent, sent (of which may have arrived twice), skipped, failed.</summary>
public sealed record MessageCounts(MessageKind Kind, int Total, int Planned, int Sending, int Sent, int MayHaveArrivedTwice, int Skipped, int Failed);

/// <summary>A session's outbox at a glance, counted by the database: for following a send as it goes.</summary>
public sealed record MessageSummary(int Total, int Planned, int Sending, int Sent, int MayHaveArrivedTwice, int Skipped, int Failed, IReadOnlyList<MessageCounts> ByKind);

public static class MessageProgressEndpoints
{
    public static void MapMessageProgress(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/sessions/{id:guid}/messages/summary", Summary).RequireAuthorization(IdentityModule.OrganiserPolicy).WithTags("Messages");
        app.MapGet("/api/sessions/{id:guid}/invitations/{participantId:guid}/messages", OfPerson).RequireAuthorization(IdentityModule.OrganiserPolicy).WithTags("Messages");
    }

    private static async Task<Results<Ok<MessageSummary>, NotFound>> Summary(Guid id, CampaignAccess access, AppDbContext db, CancellationToken ct)
    {
        if (await access.FindSessionAsync(id, ct) is null) return TypedResults.NotFound();
        var rows = await db.OutboundMessages.Where(m => m.SessionId == id)
            .GroupBy(m => new { m.Kind, m.Status, m.PossibleDuplicate })
            .Select(g => new { g.Key.Kind, g.Key.Status, g.Key.PossibleDuplicate, Count = g.Count() })
            .ToListAsync(ct);
        MessageCounts Of(MessageKind kind, IEnumerable<(DeliveryStatus Status, bool Twice, int Count)> cells)
        {
            var list = cells.ToList();
            int N(DeliveryStatus s) => list.Where(c => c.Status == s).Sum(c => c.Count);
            return new MessageCounts(kind, list.Sum(c => c.Count), N(DeliveryStatus.Planned), N(DeliveryStatus.Sending), N(DeliveryStatus.Sent),
                list.Where(c => c.Status == DeliveryStatus.Sent && c.Twice).Sum(c => c.Count), N(DeliveryStatus.Skipped), N(DeliveryStatus.Failed));
        }
        var byKind = rows.GroupBy(r => r.Kind).OrderBy(g => g.Key)
            .Select(g => Of(g.Key, g.Select(r => (r.Status, r.PossibleDuplicate, r.Count)))).ToList();
        var all = Of(MessageKind.Invitation, rows.Select(r => (r.Status, r.PossibleDuplicate, r.Count)));
        return TypedResults.Ok(new MessageSummary(all.Total, all.Planned, all.Sending, all.Sent, all.MayHaveArrivedTwice, all.Skipped, all.Failed, byKind));
    }

    /// <summary>Every message to one person for this session, oldest first, with its outcome and why.</summary>
    private static async Task<Results<Ok<List<MessageDto>>, NotFound>> OfPerson(Guid id, Guid participantId, CampaignAccess access, AppDbContext db, CancellationToken ct)
    {
        if (await access.FindSessionAsync(id, ct) is not { Session: var session }) return TypedResults.NotFound();
        var messages = await db.OutboundMessages.AsNoTracking().Where(m => m.SessionId == id && m.ParticipantId == participantId).ToListAsync(ct);
        return TypedResults.Ok(messages.OrderBy(m => m.DueAt).ThenBy(m => m.CreatedAt)
            .Select(m => new MessageDto(m.Id.ToString(), m.Kind, m.Sequence, m.ParticipantId.ToString(), m.Channel,
                m.DueAt, TimeZones.ToLocal(m.DueAt, session.TimeZoneId), m.Status, m.Attempts, m.Reason, m.SentAt, m.ChannelMessageId,
                m.PossibleDuplicate, m.PossibleDuplicate ? m.Uncertainty : null))
            .ToList());
    }
}
