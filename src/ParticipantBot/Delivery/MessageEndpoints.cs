using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using ParticipantBot.Campaigns;
using ParticipantBot.Domain.Common;
using ParticipantBot.Domain.Messages;
using ParticipantBot.Identity;
using ParticipantBot.Persistence;

namespace ParticipantBot.Delivery;

/// <param name="MayHaveArrivedTwice">Sent after an attempt that may have delivered it too, by a channel that cannot tell (Teams, Graph sendMail).</param>
/// <param name="DuplicateReason">Why an earlier attempt may have delivered it (the service stopped while sending it, a 5xx...).</param>
public sealed record MessageDto(
    string Id, MessageKind Kind, int Sequence, string ParticipantId, DeliveryChannel Channel,
    DateTimeOffset DueAt, DateTimeOffset DueAtLocal, DeliveryStatus Status, int Attempts, string? Reason,
    DateTimeOffset? SentAt, string? ChannelMessageId, bool MayHaveArrivedTwice, string? DuplicateReason);

public static class MessageEndpoints
{
    public static RouteHandlerBuilder MapMessageApi(this IEndpointRouteBuilder app) =>
        app.MapGet("/api/sessions/{id:guid}/messages", List)
            .RequireAuthorization(IdentityModule.OrganiserPolicy)
            .WithTags("Messages");

    /// <summary>A session's outbox: every message planned, sent (and whether it may have arrived twice), skipped or failed, and why.</summary>
    private static async Task<Results<Ok<List<MessageDto>>, NotFound>> List(
        Guid id, DeliveryStatus? status, MessageKind? kind, CampaignAccess access, AppDbContext db, CancellationToken ct)
    {
        if (await access.FindSessionAsync(id, ct) is not { Session: var session }) return TypedResults.NotFound();
        var query = db.OutboundMessages.AsNoTracking().Where(m => m.SessionId == id);
        if (status is { } s) query = query.Where(m => m.Status == s);
        if (kind is { } k) query = query.Where(m => m.Kind == k);
        var messages = await query.ToListAsync(ct);
        return TypedResults.Ok(messages.OrderBy(m => m.DueAt).ThenBy(m => m.Kind)
            .Select(m => new MessageDto(m.Id.ToString(), m.Kind, m.Sequence, m.ParticipantId.ToString(), m.Channel,
                m.DueAt, TimeZones.ToLocal(m.DueAt, session.TimeZoneId), m.Status, m.Attempts, m.Reason, m.SentAt, m.ChannelMessageId,
                m.PossibleDuplicate, m.PossibleDuplicate ? m.Uncertainty : null))
            .ToList());
    }
}
