using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using ParticipantBot.Audit;
using ParticipantBot.Campaigns;
using ParticipantBot.Domain.Audit;
using ParticipantBot.Domain.Campaigns;
using ParticipantBot.Domain.Common;
using ParticipantBot.Domain.Invitations;
using ParticipantBot.Invitations;
using ParticipantBot.Persistence;
using ParticipantBot.Resources;
using ParticipantBot.Teams.Cards;

namespace ParticipantBot.Teams;

/// <summary>
/// "status" and "remind" typed by an organiser in their chat with the bot. What they see and act
/// on is decided by <see cref="CampaignAccess"/> for the Teams user's object id, the same rule as
/// the organiser API: someone else's session is answered as if it did not exist.
/// </summary>
public sealed class OrganiserCommands(
    CampaignAccess access, CampaignDirectory sessionsDirectory, Dashboard.DashboardQueries board, ISessionFigures figures, NonResponderReminders reminders, SendRemindersHandler remind,
    CardFactory cards, TimeProvider clock,
    ILogger<OrganiserCommands> logger)
{
    public const string RemindVerb = "organiser.remind";
    public const string DropVerb = "organiser.remind.cancel";
    private const int MaxSessions = 15;

    public async Task<JsonObject> StatusAsync(string? objectId, string? argument, Language lang, CancellationToken ct)
    {
        var sessions = await SessionsOfAsync(objectId, ct);
        if (argument is null) return cards.StatusContent(lang, await StatusesAsync(sessions, detailed: false, ct)).Render();
        if (Find(sessions, argument) is not { } one) return NoSession(lang, argument);
        return cards.StatusContent(lang, await StatusesAsync([one], detailed: true, ct)).Render();
    }

    /// <summary>Asks to confirm: the reminders go only when the organiser presses the card's button.</summary>
    public async Task<JsonObject> AskRemindAsync(string? objectId, string argument, Language lang, CancellationToken ct)
    {
        var sessions = await SessionsOfAsync(objectId, ct);
        if (objectId is null || Find(sessions, argument) is not { } found) return NoSession(lang, argument);
        var session = found.Session;
        if (reminders.WhyNot(session) is not null) return Message(lang, Texts.Get("Organiser.Remind.Dropped.Title", lang), Texts.Format("Organiser.Remind.Closed", lang, session.Title));
        var count = await reminders.CountAsync(session.Id, ct);
        if (count == 0) return Message(lang, Texts.Get("Organiser.Remind.Dropped.Title", lang), Texts.Format("Organiser.Remind.Nobody", lang, session.Title));
        return cards.ConfirmContent(lang, Texts.Get("Organiser.Remind.Title", lang),
            Texts.Format("Organiser.Remind.Text", lang, count.ToString(CultureInfo.InvariantCulture), session.Title), session.Id, objectId,
            (Texts.Get("Organiser.Remind.Yes", lang), RemindVerb, "positive"), (Texts.Get("Organiser.Remind.No", lang), DropVerb)).Render();
    }

    /// <summary>The confirmation card's buttons: only its addressee, and only while they still organise the session.</summary>
    public async Task<JsonObject> ConfirmAsync(string verb, string? sessionId, string? madeFor, string? clickedBy, Language lang, CancellationToken ct)
    {
        if (string.IsNullOrEmpty(clickedBy) || !string.Equals(madeFor, clickedBy, StringComparison.OrdinalIgnoreCase))
        {
            logger.LogWarning("An organiser card made for {MadeFor} was pressed by {ClickedBy} and refused.", madeFor, clickedBy);
            return cards.Notice(lang, "Card.NotYours.Title", "Card.NotYours.Text");
        }
        if (verb == DropVerb) return Message(lang, Texts.Get("Organiser.Remind.Dropped.Title", lang), Texts.Get("Organiser.Remind.Dropped.Text", lang));
        if (!Guid.TryParse(sessionId, out var id) || await access.FindSessionForAsync(clickedBy, id, ct) is not { Session: var session })
            return NoSession(lang, sessionId ?? "");
        var outcome = await remind.HandleAsync(new SendReminders(session.Id, clickedBy, " from Teams"), ct);
        if (outcome.Value is not { } result) return Message(lang, Texts.Get("Organiser.Remind.Dropped.Title", lang), Texts.Format("Organiser.Remind.Closed", lang, session.Title));
        return Message(lang, Texts.Get("Organiser.Remind.Done.Title", lang),
            Texts.Format("Organiser.Remind.Done.Text", lang, result.Planned.ToString(CultureInfo.InvariantCulture), session.Title,
                result.NonResponders.ToString(CultureInfo.InvariantCulture)));
    }

    private sealed record Numbered(int Number, Session Session, string CampaignName);

    /// <summary>The sessions this person organises that have not ended more than a day ago, numbered by start.</summary>
    private async Task<List<Numbered>> SessionsOfAsync(string? objectId, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(objectId)) return [];
        var campaigns = await access.VisibleCampaignsFor(objectId).AsNoTracking().Select(c => new { c.Id, c.Name }).ToDictionaryAsync(c => c.Id, c => c.Name, ct);
        var ids = campaigns.Keys.ToList();
        var since = clock.GetUtcNow().AddDays(-1);
        var sessions = await sessionsDirectory.SessionsEndingAfterAsync(ids, since, MaxSessions, ct);
        return sessions.Select((s, i) => new Numbered(i + 1, s, campaigns[s.CampaignId])).ToList();
    }

    private static Numbered? Find(List<Numbered> sessions, string argument)
    {
        if (int.TryParse(argument.Trim().TrimStart('#'), NumberStyles.None, CultureInfo.InvariantCulture, out var number))
            return sessions.FirstOrDefault(s => s.Number == number);
        var key = Text.Key(argument);
        var matches = sessions.Where(s => Text.Key(s.Session.Title).Contains(key, StringComparison.Ordinal)).ToList();
        return matches.Count == 1 ? matches[0] : null;
    }

    private async Task<List<SessionStatus>> StatusesAsync(IReadOnlyList<Numbered> sessions, bool detailed, CancellationToken ct)
    {
        var ids = sessions.Select(s => s.Session.Id).ToList();
        var counts = await figures.CountsAsync(ids, ct);
        var breakdown = detailed ? await board.ConfirmedByGroupAndSexAsync(ids[0], ct) : null;
        return sessions.Select(s => new SessionStatus(s.Number, s.Session, s.CampaignName,
            counts.GetValueOrDefault(s.Session.Id) ?? [], breakdown)).ToList();
    }

    private JsonObject NoSession(Language lang, string argument) =>
        Message(lang, Texts.Get("Organiser.Status.Title", lang), Texts.Format("Organiser.NoSession", lang, argument));

    private JsonObject Message(Language lang, string title, string text) => cards.MessageContent(lang, title, text).Render();
}
