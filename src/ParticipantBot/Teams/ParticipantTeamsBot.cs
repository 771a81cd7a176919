using System.Text.Json.Nodes;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Teams;
using Microsoft.Bot.Schema;
using Microsoft.Bot.Schema.Teams;
using Microsoft.EntityFrameworkCore;
using Newtonsoft.Json.Linq;
using ParticipantBot.Domain.Common;
using ParticipantBot.Domain.Invitations;
using ParticipantBot.Invitations;
using ParticipantBot.Participants;
using ParticipantBot.Persistence;
using ParticipantBot.Teams.Cards;

namespace ParticipantBot.Teams;

/// <summary>
/// The bot participants talk to in Teams: it remembers where it can reach them when installed,
/// answers their commands and the buttons of their invitation cards.
/// </summary>
public sealed class ParticipantTeamsBot(
    AppDbContext db, UnitOfWork unit, ParticipantDirectory guests, InvitationBook invitations, TeamsDirectory directory, TeamsCardActions actions,
    OrganiserCommands organiser, CardFactory cards, TimeProvider clock, Invitations.SelfCheckIn selfCheckIn, SurveyCardActions surveyActions,
    Privacy.DataRequests dataRequests, ILogger<ParticipantTeamsBot> logger)
    : TeamsActivityHandler
{
    protected override async Task OnInstallationUpdateAddAsync(ITurnContext<IInstallationUpdateActivity> turnContext, CancellationToken cancellationToken)
    {
        if (await RememberAsync(turnContext, cancellationToken))
            await ReplyAsync(turnContext, cards.Notice(await LanguageAsync(turnContext.Activity.From?.AadObjectId, cancellationToken), "Card.Welcome.Title", "Card.Welcome.Text"), cancellationToken);
    }

    protected override async Task OnInstallationUpdateRemoveAsync(ITurnContext<IInstallationUpdateActivity> turnContext, CancellationToken cancellationToken)
    {
        var activity = turnContext.Activity;
        if (activity.From?.AadObjectId is { } objectId)
            await directory.ForgetAsync(TenantOf(activity), objectId, "The app was uninstalled.", cancellationToken);
    }

    protected override async Task OnConversationUpdateActivityAsync(ITurnContext<IConversationUpdateActivity> turnContext, CancellationToken cancellationToken)
    {
        await RememberAsync(turnContext, cancellationToken);
        await base.OnConversationUpdateActivityAsync(turnContext, cancellationToken);
    }

    protected override async Task OnMessageActivityAsync(ITurnContext<IMessageActivity> turnContext, CancellationToken cancellationToken)
    {
        await RememberAsync(turnContext, cancellationToken);
        var objectId = turnContext.Activity.From?.AadObjectId;
        var text = turnContext.Activity.RemoveRecipientMention() ?? turnContext.Activity.Text;
        var command = TeamsCommands.Parse(text);
        var language = await LanguageAsync(objectId, cancellationToken);
        switch (command.Kind)
        {
            case TeamsCommandKind.MyInvitations:
                await ReplyAsync(turnContext, cards.Invitations(language, await InvitationsOfAsync(objectId, cancellationToken)), cancellationToken);
                break;
            case TeamsCommandKind.Language:
                var chosen = command.Language!.Value;
                await SetLanguageAsync(turnContext.Activity, chosen, cancellationToken);
                await ReplyAsync(turnContext, cards.Notice(chosen, "Card.Language.Title", "Card.Language.Text"), cancellationToken);
                break;
            case TeamsCommandKind.Status or TeamsCommandKind.Remind when turnContext.Activity.Conversation?.ConversationType is { } type && type != "personal":
                await ReplyAsync(turnContext, cards.Notice(language, "Organiser.Status.Title", "Organiser.PersonalOnly"), cancellationToken);
                break;
            case TeamsCommandKind.Status:
                await ReplyAsync(turnContext, await organiser.StatusAsync(objectId, command.Argument, language, cancellationToken), cancellationToken);
                break;
            case TeamsCommandKind.Remind:
                await ReplyAsync(turnContext, await organiser.AskRemindAsync(objectId, command.Argument!, language, cancellationToken), cancellationToken);
                break;
            case TeamsCommandKind.CheckIn:
                var checkIn = await selfCheckIn.ForTeamsUserAsync(objectId, cancellationToken);
                await ReplyAsync(turnContext, cards.CheckInContent(language, checkIn).Render(), cancellationToken);
                break;
            case TeamsCommandKind.MyData or TeamsCommandKind.DeleteMyData:
                var erase = command.Kind == TeamsCommandKind.DeleteMyData;
                var held = await dataRequests.FileForTeamsUserAsync(objectId,
                    erase ? Domain.Participants.DataRequestKind.Erasure : Domain.Participants.DataRequestKind.Access, cancellationToken);
                await ReplyAsync(turnContext, cards.Notice(language, "Card.DataRequest.Title",
                    held == 0 ? "Card.DataRequest.None" : erase ? "Card.DataRequest.Erasure" : "Card.DataRequest.Access"), cancellationToken);
                break;
            case TeamsCommandKind.Stop:
                await StopAsync(objectId, cancellationToken);
                await ReplyAsync(turnContext, cards.Notice(language, "Card.Stop.Title", "Card.Stop.Text"), cancellationToken);
                break;
            default:
                await ReplyAsync(turnContext, cards.Help(language), cancellationToken);
                break;
        }
    }

    protected override async Task<AdaptiveCardInvokeResponse> OnAdaptiveCardInvokeAsync(
        ITurnContext<IInvokeActivity> turnContext, AdaptiveCardInvokeValue invokeValue, CancellationToken cancellationToken)
    {
        // Card data as our cards send it is an object of strings; anything else (arrays, nesting, numbers where
        // text belongs) reads as absent, so that it meets the same checks as altered data instead of failing the turn.
        var data = CardData(invokeValue.Action?.Data);
        var verb = invokeValue.Action?.Verb ?? "";
        var clickedBy = turnContext.Activity.From?.AadObjectId;
        string? Value(string name) => data.GetValueOrDefault(name);
        if (verb == "survey.submit")
            return Card(await surveyActions.SubmitAsync(data, clickedBy, cancellationToken));
        if (verb.StartsWith("organiser.", StringComparison.Ordinal))
            return Card(await organiser.ConfirmAsync(verb, Value("session"), Value("for"), clickedBy,
                await LanguageAsync(clickedBy, cancellationToken), cancellationToken));
        var input = new CardActionInput(verb, Value("i"), Value("s"),
            Value("transport"), Value("diet"), Value("accessibility"), Value("interpretation"), Value("consent"),
            Value("ageBand"), Domain.Participants.Functioning.Domains.Select(Value).ToList());
        // Needs typed on the card meet the same rules as every other way in; a refused text brings the card back with the reason.
        if (verb == "rsvp.needs" && new Domain.Participants.Needs(false, Text.Clean(input.Diet), Text.Clean(input.Accessibility), Text.Clean(input.Interpretation)) is var needs
            && Domain.Participants.NeedsRules.Problems(needs).FirstOrDefault() is { } refused)
        {
            logger.LogInformation("Needs from a card were refused ({Code} in {Field}).", refused.Code, refused.Field);
            var language = await LanguageAsync(clickedBy, cancellationToken);
            return Card(cards.MessageContent(language, Resources.Texts.Get("Needs.Title", language),
                Resources.Texts.Format("Input.Refused", language, Resources.Texts.Get(FieldKey(refused.Field), language))).Render());
        }
        return Card(await actions.HandleAsync(input, clickedBy, cancellationToken));
    }

    private static string FieldKey(string field) => field switch
    {
        "needs.diet" => "Needs.Diet",
        "needs.accessibility" => "Needs.Accessibility",
        "needs.interpretation" => "Needs.Interpretation",
        _ => "Needs.Title",
    };

    /// <summary>The card's data as name and text: strings, numbers and booleans; anything else, and data that is not an object, is left out.</summary>
    internal static Dictionary<string, string> CardData(object? raw)
    {
        var data = new Dictionary<string, string>(StringComparer.Ordinal);
        JObject? json = raw switch
        {
            JObject o => o,
            null or JToken => null,
            string text => null,
            _ => JToken.FromObject(raw) as JObject,
        };
        if (json is null) return data;
        foreach (var p in json.Properties())
            if (p.Value.Type is JTokenType.String or JTokenType.Integer or JTokenType.Float or JTokenType.Boolean && data.Count < 200)
                data[p.Name] = p.Value.Type == JTokenType.Boolean ? ((bool)p.Value ? "true" : "false") : p.Value.ToString();
        return data;
    }

    /// <summary>The card that replaces the pressed one.</summary>
    private static AdaptiveCardInvokeResponse Card(JsonObject card) => new()
    {
        StatusCode = 200,
        Type = CardFactory.ContentType,
        Value = JObject.Parse(card.ToJsonString()),
    };

    /// <summary>Stores the conversation reference of a personal chat; false when the activity gives too little to reach the person later.</summary>
    private async Task<bool> RememberAsync(ITurnContext turnContext, CancellationToken ct)
    {
        var a = turnContext.Activity;
        if (a.Conversation is null || a.From?.AadObjectId is not { Length: > 0 } objectId) return false;
        if (a.Conversation.ConversationType is { } type && type != "personal") return false;
        string? upn = null, email = null;
        try
        {
            var member = await TeamsInfo.GetMemberAsync(turnContext, a.From.Id, ct);
            (upn, email) = (member.UserPrincipalName, member.Email);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogInformation("The Teams member of {ObjectId} could not be read ({Error}); linking by object id only.", objectId, e.Message);
        }
        await directory.RememberAsync(new TeamsUser(TenantOf(a), objectId, a.From.Id, a.From.Name, upn, email,
            a.Conversation.Id, a.ServiceUrl, a.Recipient?.Id ?? "", a.Recipient?.Name, a.ChannelId), ct);
        return true;
    }

    private static string TenantOf(IActivity activity) =>
        activity.GetChannelData<TeamsChannelData>()?.Tenant?.Id ?? activity.Conversation?.TenantId ?? "";

    private Task<Language> LanguageAsync(string? objectId, CancellationToken ct) => directory.LanguageOfAsync(objectId, ct);

    private async Task SetLanguageAsync(IActivity activity, Language language, CancellationToken ct)
    {
        var objectId = activity.From?.AadObjectId;
        if (objectId is null) return;
        var now = clock.GetUtcNow();
        await unit.RunAsync(async c =>
        {
            await guests.ChangeLanguageAsync(objectId, language, now, c);
            var installation = await db.TeamsInstallations.FirstOrDefaultAsync(i => i.UserObjectId == objectId && i.TenantId == TenantOf(activity), c);
            if (installation is not null) installation.Language = language.Code();
            return true;
        }, ct);
    }

    private async Task StopAsync(string? objectId, CancellationToken ct)
    {
        if (objectId is null) return;
        var now = clock.GetUtcNow();
        var count = await unit.RunAsync(c => guests.StopRemindersAsync(objectId, now, c), ct);
        logger.LogInformation("Teams user {ObjectId} asked for no more reminders ({Count} participant record(s)).", objectId, count);
    }

    private async Task<List<InvitationLine>> InvitationsOfAsync(string? objectId, CancellationToken ct)
    {
        if (objectId is null) return [];
        var since = clock.GetUtcNow().AddDays(-1);
        return (await invitations.OfTeamsUserAsync(objectId, ct))
            .Where(v => v.Invitation.Status is not (RsvpStatus.NotSent or RsvpStatus.Withdrawn) && v.Session.EndsAt >= since)
            .OrderBy(v => v.Session.StartsAt).Select(v => new InvitationLine(v.Session, v.Invitation.Status)).ToList();
    }

    private static Task ReplyAsync(ITurnContext turnContext, JsonObject card, CancellationToken ct) =>
        turnContext.SendActivityAsync(MessageFactory.Attachment(new Attachment { ContentType = CardFactory.ContentType, Content = JObject.Parse(card.ToJsonString()) }), ct);
}
