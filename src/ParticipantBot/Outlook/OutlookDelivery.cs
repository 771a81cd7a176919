using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Microsoft.Graph;
using Microsoft.Graph.Models;
using Microsoft.Graph.Models.ODataErrors;
using Microsoft.Kiota.Abstractions;
using ParticipantBot.Delivery;
using ParticipantBot.Domain.Campaigns;
using ParticipantBot.Domain.Messages;
using ParticipantBot.Email;
using ParticipantBot.Persistence;
using Participant = ParticipantBot.Domain.Participants.Participant;

namespace ParticipantBot.Outlook;

/// <summary>
/// The email channel's last step when Graph is configured. Invitations and updates are one Outlook
/// event per person in the organiser mailbox (Exchange sends the meeting request and records the
/// reply); cancellations cancel that event; every other email goes through sendMail. Each request
/// names one participant only: nobody sees another participant's address.
/// </summary>
public sealed class OutlookDelivery(
    GraphServiceClient graph, IServiceScopeFactory scopes, IOptions<GraphOptions> options, TimeProvider clock, ILogger<OutlookDelivery> logger) : IMailService
{
    private string Mailbox => options.Value.Mailbox!;

    public async Task<SendResult> SendAsync(OutboundMessage message, Campaign campaign, Session session, Participant person, EmailContent content, CancellationToken ct)
    {
        try
        {
            return message.Kind switch
            {
                MessageKind.Invitation or MessageKind.Update => await UpsertEventAsync(message, session, person, content, ct),
                MessageKind.Cancellation or MessageKind.Withdrawal => await CancelEventAsync(session, person, content, ct),
                _ => await SendMailAsync(person, content, ct),
            };
        }
        catch (ApiException e)
        {
            var status = e.ResponseStatusCode;
            var reason = (e is ODataError o ? $"Graph answered {status}: {o.Error?.Code} {o.Error?.Message}" : $"Graph answered {status}: {e.Message}").Trim();
            if (status == 429 || (status >= 500 && IsEventRequest(message))) return new SendResult.Retry(reason, RetryAfter(e));
            // sendMail after a 5xx may have gone: sent again (at least once), and the copy that then arrives is flagged.
            if (status >= 500) return new SendResult.Uncertain(reason + " (the email may have been sent)", RetryAfter(e));
            return new SendResult.Failed(reason);
        }
        catch (HttpRequestException e)
        {
            return IsEventRequest(message)
                ? new SendResult.Retry("Graph could not be reached: " + e.Message)
                : new SendResult.Uncertain("Graph could not be reached while sending (the email may have been sent): " + e.Message);
        }
    }

    /// <summary>Event requests are safe to repeat (a create carries its transactionId); sendMail is not.</summary>
    private static bool IsEventRequest(OutboundMessage message) =>
        message.Kind is MessageKind.Invitation or MessageKind.Update or MessageKind.Cancellation or MessageKind.Withdrawal;

    /// <summary>Creates the person's event, or updates it; an event deleted by hand in Outlook is created again.</summary>
    private async Task<SendResult> UpsertEventAsync(OutboundMessage message, Session session, Participant person, EmailContent content, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var known = await db.OutlookEvents.FirstOrDefaultAsync(o => o.SessionId == session.Id && o.ParticipantId == person.Id, ct);
        if (known is { CancelledAt: null })
        {
            try
            {
                await graph.Users[Mailbox].Events[known.EventId].PatchAsync(OutlookEvents.Event(session, person, content), cancellationToken: ct);
                known.Sequence = session.Sequence;
                await db.SaveChangesAsync(ct);
                // Exchange sends the attendee an update at each PATCH: after an uncertain attempt, a second one may have gone.
                return new SendResult.Sent(known.EventId, MayDuplicate: true);
            }
            catch (ODataError e) when (e.ResponseStatusCode == 404)
            {
                logger.LogWarning("The Outlook event of participant {ParticipantId} for session {SessionId} was deleted in the mailbox; it is created again.",
                    person.Id, session.Id);
            }
        }
        // A fresh model: Graph's models remember what was already serialised and would send only changes.
        var body = OutlookEvents.Event(session, person, content);
        // The same message (and the same replaced event) always carries the same transactionId: a repeated create makes one event.
        body.TransactionId = TransactionId(message.IdempotencyKey, known?.EventId);
        var created = await graph.Users[Mailbox].Events.PostAsync(body, cancellationToken: ct)
            ?? throw new HttpRequestException("Graph created the event but returned nothing.");
        var now = clock.GetUtcNow();
        if (known is null)
        {
            known = new OutlookEvent { Id = Guid.NewGuid(), CampaignId = session.CampaignId, SessionId = session.Id, ParticipantId = person.Id, CreatedAt = now };
            db.OutlookEvents.Add(known);
        }
        (known.EventId, known.TransactionId, known.Sequence, known.CancelledAt, known.Response, known.ResponseAt) =
            (created.Id!, body.TransactionId, session.Sequence, null, null, null);
        await db.SaveChangesAsync(ct);
        return new SendResult.Sent(created.Id);
    }

    private async Task<SendResult> CancelEventAsync(Session session, Participant person, EmailContent content, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var known = await db.OutlookEvents.FirstOrDefaultAsync(o => o.SessionId == session.Id && o.ParticipantId == person.Id, ct);
        if (known is null) return new SendResult.Skipped("This person has no Outlook event for the session: there is nothing to cancel.");
        if (known.CancelledAt is not null) return new SendResult.Sent(known.EventId);
        try
        {
            await graph.Users[Mailbox].Events[known.EventId].Cancel.PostAsync(
                new Microsoft.Graph.Users.Item.Events.Item.Cancel.CancelPostRequestBody { Comment = content.Text }, cancellationToken: ct);
        }
        catch (ODataError e) when (e.ResponseStatusCode == 404)
        {
            logger.LogWarning("The Outlook event of participant {ParticipantId} for session {SessionId} was already deleted in the mailbox.", person.Id, session.Id);
        }
        known.CancelledAt = clock.GetUtcNow();
        await db.SaveChangesAsync(ct);
        return new SendResult.Sent(known.EventId);
    }

    private async Task<SendResult> SendMailAsync(Participant person, EmailContent content, CancellationToken ct)
    {
        await graph.Users[Mailbox].SendMail.PostAsync(new Microsoft.Graph.Users.Item.SendMail.SendMailPostRequestBody
        {
            Message = new Message
            {
                Subject = content.Subject,
                Body = new ItemBody { ContentType = BodyType.Html, Content = content.Html },
                ToRecipients = [new Recipient { EmailAddress = new EmailAddress { Address = person.Email, Name = person.FullName } }],
            },
            SaveToSentItems = true,
        }, cancellationToken: ct);
        // Graph cannot tell whether an earlier, uncertain sendMail went: the copy is flagged if there was one.
        return new SendResult.Sent(null, MayDuplicate: true);
    }

    private static string TransactionId(string idempotencyKey, string? replacedEventId) =>
        new Guid(SHA256.HashData(Encoding.UTF8.GetBytes($"{idempotencyKey}|{replacedEventId}"))[..16]).ToString();

    private static TimeSpan? RetryAfter(ApiException e) =>
        e.ResponseHeaders.TryGetValue("Retry-After", out var values) && int.TryParse(values.FirstOrDefault(), out var seconds)
            ? TimeSpan.FromSeconds(seconds) : null;
}
