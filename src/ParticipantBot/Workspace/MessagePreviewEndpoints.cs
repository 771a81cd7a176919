using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using ParticipantBot.Api;
using ParticipantBot.Campaigns;
using ParticipantBot.Delivery;
using ParticipantBot.Domain.Common;
using ParticipantBot.Domain.Invitations;
using ParticipantBot.Domain.Messages;
using ParticipantBot.Email;
using ParticipantBot.Identity;
using ParticipantBot.Invitations;
using ParticipantBot.Messages;
using ParticipantBot.Participants;
using ParticipantBot.Persistence;
using ParticipantBot.Teams.Cards;

namespace ParticipantBot.Workspace;

/// <summary>The email a person gets, as the composer writes it; the personal link is replaced by an inert one.</summary>
public sealed record EmailPreview(string To, string Subject, string Html, string Text);

/// <summary>
/// What one person receives for one kind of message, in one language: the email (null without an address,
/// with <see cref="NoEmail"/> saying so) and the Teams card, both made by the code that sends them
/// (<see cref="EmailComposer"/>, <see cref="CardFactory"/>), and the channels that would carry it.
/// </summary>
public sealed record MessagePreview(string ParticipantId, MessageKind Kind, Language Language, EmailPreview? Email, ApiError? NoEmail,
    JsonObject Card, IReadOnlyList<DeliveryChannel> Channels, ApiError? TeamsProblem);

/// <summary>GET /api/sessions/{id}/invitations/{participantId}/preview?kind=invitation&amp;language=ar: nothing is written or signed for use.</summary>
public static class MessagePreviewEndpoints
{
    /// <summary>The kinds a session's invitees are sent (surveys have their own form and card).</summary>
    public static readonly MessageKind[] Kinds =
    [
        MessageKind.Invitation, MessageKind.Update, MessageKind.Reminder, MessageKind.DayBefore, MessageKind.Today,
        MessageKind.Waitlisted, MessageKind.SeatOffered, MessageKind.Withdrawal, MessageKind.Cancellation,
    ];

    /// <summary>Where the personal link stands in a preview: a link of the service that opens nothing.</summary>
    public const string InertToken = "preview";

    public static void MapMessagePreview(this IEndpointRouteBuilder app) =>
        app.MapGet("/api/sessions/{id:guid}/invitations/{participantId:guid}/preview", Preview)
            .RequireAuthorization(IdentityModule.OrganiserPolicy).WithTags("Invitations");

    private static async Task<Results<Ok<MessagePreview>, NotFound, ProblemHttpResult>> Preview(
        Guid id, Guid participantId, string? kind, string? language, CampaignAccess access, InvitationBook book, ParticipantDirectory guests,
        MessageContents contents, CardFactory cards, OutboxPlanner planner, TimeProvider clock, CancellationToken ct)
    {
        if (await access.FindSessionAsync(id, ct) is not { } found) return TypedResults.NotFound();
        var (campaign, session) = found;
        var person = await guests.FindInCampaignAsync(campaign.Id, participantId, ct);
        if (person is null) return TypedResults.NotFound();
        var errors = new List<ApiError>();
        var messageKind = QueryValues.Enum<MessageKind>(kind, "kind", errors) ?? MessageKind.Invitation;
        if (errors.Count == 0 && !Kinds.Contains(messageKind))
            errors.Add(ApiError.ForField("kind", $"No preview for {EnumNames.Of(messageKind)}: use one of {string.Join(", ", Kinds.Select(EnumNames.Of))}.", "value.unknown",
                new Dictionary<string, object?> { ["value"] = EnumNames.Of(messageKind), ["allowed"] = Kinds.Select(EnumNames.Of).ToList() }));
        Language? wanted = null;
        if (!string.IsNullOrWhiteSpace(language))
        {
            if (LanguageCodes.TryParse(language, out var l)) wanted = l;
            else errors.Add(ApiError.ForField("language", $"Unknown language '{Text.Printable(language, max: 20)}'; use fr, ar or en.", "value.unknown",
                new Dictionary<string, object?> { ["value"] = Text.Printable(language, max: 20), ["allowed"] = LanguageCodes.All }));
        }
        if (errors.Count > 0) return Problems.Validation(errors);

        var now = clock.GetUtcNow();
        // The person as they are, in the language asked for (read without tracking: nothing is saved).
        if (wanted is { } lang) person.ChangeLanguage(lang, now);
        var invitation = await book.OfAsync(session.Id, person.Id, ct)
            ?? Invitation.Create(session.Id, person.Id, now);

        // One content for both channels, as when it is sent; its personal link replaced by an inert one of the service.
        var content = contents.For(messageKind, campaign, session, person, invitation, now);
        if (content.Link is { } link) content = content with { Link = link with { Url = new Uri(link.Url, InertToken) } };

        EmailPreview? email = null;
        ApiError? noEmail = null;
        if (person.Email is null)
            noEmail = ApiError.ForField("email", "This person has no email address: they receive no email.", "preview.noEmail");
        else
        {
            var rendered = EmailComposer.Render(content);
            email = new EmailPreview(person.Email, rendered.Subject, rendered.Html, rendered.Text);
        }

        var card = cards.InvitationContent(content, campaign, session, person, invitation, null);
        // Nothing in a preview can act for the person: no signature behind its buttons.
        card.Data["signature"] = "";
        var reachable = await planner.ReachableInTeamsAsync([person], ct);
        var inTeams = person.TeamsObjectId is not null && reachable.Contains(person.TeamsObjectId);
        var teams = planner.TeamsProblem(person, inTeams) is { } problem ? ApiError.ForField("channel", problem.Message, problem.Code) : null;
        return TypedResults.Ok(new MessagePreview(person.Id.ToString(), messageKind, person.Language, email, noEmail, card.Render(),
            planner.ChannelsFor(person, inTeams), teams));
    }
}
