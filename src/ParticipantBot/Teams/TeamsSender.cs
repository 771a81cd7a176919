using Microsoft.Bot.Schema;
using Microsoft.EntityFrameworkCore;
using Newtonsoft.Json.Linq;
using ParticipantBot.Delivery;
using ParticipantBot.Domain.Messages;
using ParticipantBot.Persistence;
using ParticipantBot.Teams.Cards;

namespace ParticipantBot.Teams;

/// <summary>The Teams channel: the person's card, sent into their personal chat with the bot.</summary>
public sealed class TeamsSender(AppDbContext db, TeamsDirectory directory, TeamsConnector connector, CardFactory cards, TimeProvider clock) : IMessageSender
{
    public DeliveryChannel Channel => DeliveryChannel.Teams;

    public async Task<SendResult> SendAsync(OutboundMessage message, CancellationToken ct)
    {
        var person = await db.Participants.AsNoTracking().FirstOrDefaultAsync(p => p.Id == message.ParticipantId, ct);
        var session = await db.Sessions.AsNoTracking().FirstOrDefaultAsync(s => s.Id == message.SessionId, ct);
        var campaign = await db.Campaigns.AsNoTracking().FirstOrDefaultAsync(c => c.Id == message.CampaignId, ct);
        var invitation = await db.Invitations.AsNoTracking().FirstOrDefaultAsync(i => i.SessionId == message.SessionId && i.ParticipantId == message.ParticipantId, ct);
        if (person is null || session is null || campaign is null || invitation is null)
            return new SendResult.Skipped("The participant, session or invitation no longer exists.");
        var installation = await directory.FindAsync(person.TeamsObjectId, ct);
        if (installation is null)
            return new SendResult.Unreachable(person.TeamsObjectId is null
                ? "Not reachable in Teams: no Teams identity is known for this person."
                : "Not reachable in Teams: the app is not installed for this person.");

        var card = cards.Invitation(message.Kind, campaign, session, person, invitation, installation.UserId, clock.GetUtcNow());
        var activity = new Activity
        {
            Type = ActivityTypes.Message,
            Attachments = [new Attachment { ContentType = CardFactory.ContentType, Content = JObject.Parse(card.ToJsonString()) }],
        };
        var outcome = await connector.SendAsync(installation.ServiceUrl, installation.ConversationId, activity, ct);
        switch (outcome)
        {
            case ConnectorOutcome.Delivered delivered:
                return new SendResult.Sent(delivered.ActivityId);
            case ConnectorOutcome.Throttled throttled:
                return new SendResult.Retry(throttled.Reason, throttled.RetryAfter);
            case ConnectorOutcome.Transient transient:
                return new SendResult.Retry(transient.Reason);
            case ConnectorOutcome.Unreachable unreachable:
                if (unreachable.Status == 404) await directory.ForgetAsync(installation.TenantId, installation.UserObjectId, unreachable.Reason, ct);
                return new SendResult.Unreachable(unreachable.Reason);
            case ConnectorOutcome.Refused refused:
                return new SendResult.Failed(refused.Reason);
            default:
                return new SendResult.Failed("Unknown outcome.");
        }
    }
}
