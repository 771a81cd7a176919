using System.Collections.Concurrent;
using Microsoft.Bot.Schema;
using Microsoft.EntityFrameworkCore;
using Newtonsoft.Json.Linq;
using ParticipantBot.Delivery;
using ParticipantBot.Domain.Messages;
using ParticipantBot.Persistence;
using ParticipantBot.Teams.Cards;

namespace ParticipantBot.Teams;

/// <summary>The Teams channel: the person's card, sent into their personal chat with the bot.</summary>
public sealed class TeamsSender(AppDbContext db, Surveys.SurveyDirectory surveyDirectory, TeamsDirectory directory, TeamsConnector connector, CardFactory cards, TimeProvider clock,
    Surveys.SurveyLinks surveyLinks, Microsoft.Extensions.Options.IOptions<DeliveryOptions> options) : IMessageSender
{
    private const string InstallationsKey = "teams.installations";
    private const string SurveysKey = "teams.surveys";
    private const string AnsweredKey = "teams.answered";
    private const string GoneKey = "teams.gone";

    public DeliveryChannel Channel => DeliveryChannel.Teams;

    public int MaxParallel => options.Value.Parallelism;

    public Task ReserveAsync(OutboundMessage message, DeliveryContext context, CancellationToken ct)
    {
        var installations = (Dictionary<string, TeamsInstallation>)context.Channel[InstallationsKey];
        var person = context.Participants.GetValueOrDefault(message.ParticipantId);
        return person?.TeamsObjectId is { } oid && installations.TryGetValue(oid, out var installation)
            ? connector.ReserveAsync(installation.ConversationId, ct)
            : Task.CompletedTask;
    }

    public async Task PrepareAsync(DeliveryContext context, IReadOnlyCollection<OutboundMessage> messages, CancellationToken ct)
    {
        var objectIds = messages.Where(m => m.Channel == DeliveryChannel.Teams)
            .Select(m => context.Participants.GetValueOrDefault(m.ParticipantId)?.TeamsObjectId).OfType<string>().Distinct().ToList();
        var installations = objectIds.Count == 0 ? [] : await db.TeamsInstallations.AsNoTracking()
            .Where(i => i.Active && objectIds.Contains(i.UserObjectId)).ToListAsync(ct);
        context.Channel[InstallationsKey] = installations.GroupBy(i => i.UserObjectId).ToDictionary(g => g.Key, g => g.OrderByDescending(i => i.UpdatedAt).First());
        context.Channel[GoneKey] = new ConcurrentBag<TeamsInstallation>();
        // Surveys and who already answered, read here: sends run in parallel and may not share the DbContext.
        var surveySessions = messages.Where(m => m.Channel == DeliveryChannel.Teams && m.Kind is MessageKind.Survey or MessageKind.SurveyReminder)
            .Select(m => m.SessionId).Distinct().ToList();
        var surveys = surveySessions.Count == 0 ? [] : await surveyDirectory.OfSessionsAsync(surveySessions, ct);
        var surveyIds = surveys.Values.Select(x => x.Id).ToList();
        context.Channel[SurveysKey] = surveys;
        context.Channel[AnsweredKey] = surveyIds.Count == 0 ? new HashSet<(Guid, Guid)>() : await surveyDirectory.AnsweredAsync(surveyIds, ct);
    }

    public async Task<SendResult> SendAsync(OutboundMessage message, DeliveryContext context, CancellationToken ct)
    {
        if (context.For(message) is not { } found) return new SendResult.Skipped("The participant, session or invitation no longer exists.");
        var (person, session, campaign, invitation) = found;
        var installations = (Dictionary<string, TeamsInstallation>)context.Channel[InstallationsKey];
        if (person.TeamsObjectId is null || !installations.TryGetValue(person.TeamsObjectId, out var installation))
            return new SendResult.Unreachable(person.TeamsObjectId is null
                ? "Not reachable in Teams: no Teams identity is known for this person."
                : "Not reachable in Teams: the app is not installed for this person.");

        string card;
        if (message.Kind is MessageKind.Survey or MessageKind.SurveyReminder)
        {
            var surveys = (Dictionary<Guid, Domain.Surveys.Survey>)context.Channel[SurveysKey];
            if (!surveys.TryGetValue(session.Id, out var survey) || !survey.IsOpen(clock.GetUtcNow()))
                return new SendResult.Skipped("The survey is not open.");
            if (((HashSet<(Guid, Guid)>)context.Channel[AnsweredKey]).Contains((survey.Id, person.Id)))
                return new SendResult.Skipped("The person answered the survey.");
            card = cards.SurveyContent(survey, session, person, surveyLinks.Token(session.Id, person.Id)).Render().ToJsonString();
        }
        else if (message.Kind == MessageKind.CheckIn && (!session.IsSelfCheckInOpen(clock.GetUtcNow()) || !Invitations.SessionMessages.ExpectedAtCheckIn.Contains(invitation.Status)))
            return new SendResult.Skipped("Self check-in is closed for this session, or the person is no longer expected.");
        else card = cards.Invitation(message.Kind, campaign, session, person, invitation, installation.UserId, clock.GetUtcNow()).ToJsonString();
        // The card is already JSON: it goes into the activity as it is.
        var outcome = await connector.SendCardAsync(installation.ServiceUrl, installation.ConversationId, card, ct);
        switch (outcome)
        {
            case ConnectorOutcome.Delivered delivered:
                // The Bot Connector cannot tell whether an earlier, uncertain attempt arrived: the card is flagged if there was one.
                return new SendResult.Sent(delivered.ActivityId, MayDuplicate: true);
            case ConnectorOutcome.Throttled throttled:
                return new SendResult.Retry(throttled.Reason, throttled.RetryAfter);
            case ConnectorOutcome.Transient transient:
                return new SendResult.Retry(transient.Reason);
            case ConnectorOutcome.Unreachable unreachable:
                if (unreachable.Status == 404) ((ConcurrentBag<TeamsInstallation>)context.Channel[GoneKey]).Add(installation);
                return new SendResult.Unreachable(unreachable.Reason);
            case ConnectorOutcome.Refused refused:
                return new SendResult.Failed(refused.Reason);
            default:
                return new SendResult.Failed("Unknown outcome.");
        }
    }

    /// <summary>Conversations the connector no longer knows (404) are marked dead.</summary>
    public async Task CompleteAsync(DeliveryContext context, CancellationToken ct)
    {
        if (!context.Channel.TryGetValue(GoneKey, out var bag)) return;
        var gone = (ConcurrentBag<TeamsInstallation>)bag;
        while (gone.TryTake(out var installation))
            await directory.ForgetAsync(installation.TenantId, installation.UserObjectId, "The Bot Connector answered 404 for this conversation.", ct);
    }
}
