using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using ParticipantBot.Domain.Campaigns;
using ParticipantBot.Domain.Common;
using ParticipantBot.Domain.Participants;
using ParticipantBot.Domain.Surveys;
using ParticipantBot.Email;
using ParticipantBot.Persistence;
using ParticipantBot.Resources;
using ParticipantBot.Surveys;

namespace ParticipantBot.Pages;

/// <summary>
/// The survey's web form behind a personal link, for those outside Teams: phone-friendly, in the
/// person's language (switchable), Arabic right-to-left; antiforgery-protected; one submission.
/// </summary>
public sealed class SurveyModel(SurveyDirectory directory, SurveyService surveys, TimeProvider clock, IOptions<EmailOptions> email) : PageModel
{
    public Language Language { get; private set; } = Language.Fr;
    public Survey? Survey { get; private set; }
    public Session? Session { get; private set; }
    public Campaign? Campaign { get; private set; }
    /// <summary>Instead of the form: why it cannot be answered, or the thanks.</summary>
    public string? Message { get; private set; }
    public string? MessageTitle { get; private set; }
    public bool IsError { get; private set; }
    public IReadOnlyList<string> Problems { get; private set; } = [];
    public IReadOnlyList<SurveyAnswer> Given { get; private set; } = [];
    /// <summary>Whether the person already answered this survey.</summary>
    public bool Answered { get; private set; }

    public string T(string key) => Texts.Get(key, Language);
    public string F(string key, params object?[] args) => Texts.Format(key, Language, args);

    public SurveyAnswer? Answer(string questionId) => Given.LastOrDefault(a => a.QuestionId == questionId);

    public async Task<IActionResult> OnGetAsync(string token, string? lang, bool saved = false, CancellationToken ct = default)
    {
        if (await LoadAsync(token, lang, ct) is not { } person) return Page();
        var now = clock.GetUtcNow();
        if (saved) Show("Survey.Thanks.Title", F("Survey.Thanks.Text", Session!.Title));
        else if (Survey is null || !Survey.IsOpened) Show(F("Survey.Title", Session!.Title), T("Survey.NotOpen"), raw: true);
        else if (Survey.IsClosed(now)) Show(F("Survey.Title", Session!.Title), T("Survey.Closed"), raw: true);
        else if (Answered) Show("Survey.Thanks.Title", T("Survey.Already"));
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string token, string? lang, CancellationToken ct)
    {
        if (await LoadAsync(token, lang, ct) is not { } person || Survey is null) return Page();
        var answers = SurveyForm.Parse(Survey, key => Request.Form.TryGetValue(key, out var values) ? values.OfType<string>().ToList() : []);
        switch (await surveys.SubmitAsync(Session!, person.Id, answers, AnswerChannel.Web, ct))
        {
            case SubmitOutcome.Saved:
                return RedirectToPage(new { token, lang = Language.Code(), saved = true });
            case SubmitOutcome.Invalid invalid:
                Given = answers;
                Problems = invalid.Problems.Select(p => SurveyForm.Describe(Survey, p, Language)).ToList();
                Response.StatusCode = StatusCodes.Status400BadRequest;
                return Page();
            case SubmitOutcome.AlreadyAnswered:
                Show("Survey.Thanks.Title", T("Survey.Already"));
                Response.StatusCode = StatusCodes.Status409Conflict;
                return Page();
            case SubmitOutcome.Closed:
                Show(F("Survey.Title", Session!.Title), T("Survey.Closed"), raw: true);
                Response.StatusCode = StatusCodes.Status410Gone;
                return Page();
            case SubmitOutcome.NotRecipient:
                IsError = true;
                Show("Page.Invalid.Title", F("Page.Invalid.Text", email.Value.Contact));
                Response.StatusCode = StatusCodes.Status404NotFound;
                return Page();
            default:
                Show(F("Survey.Title", Session!.Title), T("Survey.NotOpen"), raw: true);
                Response.StatusCode = StatusCodes.Status409Conflict;
                return Page();
        }
    }

    /// <returns>The person the link was made for; null (with the page set to say why) when the link cannot be used.</returns>
    private async Task<Participant?> LoadAsync(string token, string? lang, CancellationToken ct)
    {
        var requested = lang is not null && LanguageCodes.TryParse(lang, out var l) ? l : (Language?)null;
        Language = requested ?? Language.Fr;
        var context = await directory.ForTokenAsync(token, ct);
        if (context is null)
        {
            Session = null;
            IsError = true;
            Show("Page.Invalid.Title", F("Page.Invalid.Text", email.Value.Contact));
            Response.StatusCode = StatusCodes.Status404NotFound;
            return null;
        }
        Language = requested ?? context.Person.Language;
        (Session, Campaign, Survey, Answered) = (context.Session, context.Campaign, context.Survey, context.Answered);
        return context.Person;
    }

    private void Show(string title, string text, bool raw = false)
    {
        MessageTitle = raw ? title : T(title);
        Message = text;
    }
}
