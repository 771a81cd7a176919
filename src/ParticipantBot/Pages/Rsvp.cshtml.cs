using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;
using ParticipantBot.Domain.Common;
using ParticipantBot.Domain.Invitations;
using ParticipantBot.Domain.Participants;
using ParticipantBot.Email;
using ParticipantBot.Resources;
using ParticipantBot.Rsvp;

namespace ParticipantBot.Pages;

/// <summary>
/// The personal RSVP page behind a signed link: works on a phone, in the participant's language
/// (switchable), Arabic right-to-left; antiforgery-protected.
/// </summary>
public sealed class RsvpModel(RsvpLinks links, RsvpService rsvp, Messages.MessageContents contents, TimeProvider clock, IOptions<EmailOptions> email, IOptions<Configuration.AppOptions> app) : PageModel
{
    public Language Language { get; private set; } = Language.Fr;
    public RsvpView? View { get; private set; }
    public string? Problem { get; private set; }
    public string? ProblemTitle { get; private set; }
    public string? Notice { get; private set; }
    public string? Error { get; private set; }
    public string Contact => View?.Campaign.ContactEmail ?? email.Value.Contact;
    /// <summary>The stakeholder groups a person may correct theirs to.</summary>
    public IReadOnlyList<string> Groups => app.Value.StakeholderGroups;
    public DateTimeOffset Now => clock.GetUtcNow();

    /// <summary>The session's facts as the person's email and card give them (when in their zone, where, agenda, deadline).</summary>
    public IReadOnlyList<Messages.MessageFact> Facts => View is { } v
        ? contents.For(Domain.Messages.MessageKind.Invitation, v.Campaign, v.Session, v.Participant, v.Invitation, Now).Facts
        : [];

    public string T(string key) => Texts.Get(key, Language);
    public string F(string key, params object?[] args) => Texts.Format(key, Language, args);

    public async Task<IActionResult> OnGetAsync(string token, string? lang, bool saved = false, CancellationToken ct = default)
    {
        var result = await LoadAsync(token, lang, ct);
        if (result is not null) return result;
        if (saved) Notice = View!.Invitation.Status switch
        {
            RsvpStatus.Waitlisted => T("Page.Waitlisted"),
            _ => T("Page.Saved"),
        };
        else if (View!.Invitation.Status == RsvpStatus.Offered) Notice = T("Page.Offered");
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string token, string? lang, string? answer, bool consent, bool transport,
        string? diet, string? accessibility, string? interpretation, Sex? sex, string? organisation, string? group,
        string? ageBand, Difficulty? seeing, Difficulty? hearing, Difficulty? walking, Difficulty? remembering, Difficulty? selfCare, Difficulty? communicating,
        CancellationToken ct)
    {
        var result = await LoadAsync(token, lang, ct);
        if (result is not null) return result;
        var view = View!;
        if (!view.CanAnswer(Now)) return Page();
        RsvpResponse? response = answer switch { "accept" => RsvpResponse.Accept, "tentative" => RsvpResponse.Tentative, "decline" => RsvpResponse.Decline, _ => null };
        if (response is null)
        {
            Error = T("Page.AnswerRequired");
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        // The same rules as every other way in (the browser's maxlength is no check): nothing is saved when one is broken.
        var refused = new (string? Value, TextRule Rule, string Label)[]
        {
            (diet, Limits.Diet, "Needs.Diet"), (accessibility, Limits.Accessibility, "Needs.Accessibility"),
            (interpretation, Limits.Interpretation, "Needs.Interpretation"), (organisation, Limits.Organisation, "Profile.Organisation"),
        }.FirstOrDefault(f => Text.Check(f.Value, f.Rule) is not null);
        if (refused.Label is not null)
        {
            Error = F("Input.Refused", T(refused.Label));
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        var outcome = await rsvp.AnswerAsync(view, new WebAnswer(response.Value, consent, transport, diet, accessibility, interpretation, sex, organisation,
            lang is not null && LanguageCodes.TryParse(lang, out var chosen) ? chosen : null, Groups.FirstOrDefault(g => g == group?.Trim()),
            // Age and the Short Set (skippable; an unknown band is read as skipped): kept only with consent, by the handler.
            new SelfDescription(AgeBands.CheckAnswer(Text.Clean(ageBand), view.Campaign.AgeBandBounds) is null ? Text.Clean(ageBand) : null,
                new Functioning(seeing, hearing, walking, remembering, selfCare, communicating))), ct);
        // Answers closed meanwhile (the session started, the invitation was withdrawn): the page, reloaded, says so.
        if (outcome.Refusal is { Kind: Application.RefusalKind.Conflict }) return RedirectToPage(new { token, lang = Language.Code() });
        if (outcome.Refusal is not null)
        {
            // A rule of the domain the checks above do not know: say that something was refused, with the field.
            Error = F("Input.Refused", outcome.Refusal.Field ?? "");
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        return RedirectToPage(new { token, lang = Language.Code(), saved = true });
    }

    /// <returns>An error page when the link cannot be used; null when the view is loaded.</returns>
    private async Task<IActionResult?> LoadAsync(string token, string? lang, CancellationToken ct)
    {
        var requested = lang is not null && LanguageCodes.TryParse(lang, out var l) ? l : (Language?)null;
        Language = requested ?? Language.Fr;
        switch (links.Read(token))
        {
            case RsvpToken.Valid valid:
                View = await rsvp.FindAsync(valid.InvitationId, valid.ParticipantId, ct);
                if (View is null) return Refuse(StatusCodes.Status404NotFound, "Page.Invalid.Title", F("Page.Invalid.Text", Contact));
                Language = requested ?? View.Participant.Language;
                return null;
            case RsvpToken.Expired expired:
                var old = await rsvp.FindAsync(expired.InvitationId, expired.ParticipantId, ct);
                if (old is not null) Language = requested ?? old.Participant.Language;
                return Refuse(StatusCodes.Status410Gone, "Page.Expired.Title", F("Page.Expired.Text", old?.Session.Title ?? "", Contact));
            default:
                return Refuse(StatusCodes.Status404NotFound, "Page.Invalid.Title", F("Page.Invalid.Text", Contact));
        }
    }

    private PageResult Refuse(int status, string titleKey, string text)
    {
        ProblemTitle = T(titleKey);
        Problem = text;
        Response.StatusCode = status;
        return Page();
    }
}
