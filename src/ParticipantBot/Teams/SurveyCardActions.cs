using System.Text.Json.Nodes;
using ParticipantBot.Domain.Common;
using ParticipantBot.Resources;
using ParticipantBot.Surveys;
using ParticipantBot.Teams.Cards;

namespace ParticipantBot.Teams;

/// <summary>
/// A survey card's "send" button. The token behind it names the person it was made for; the person
/// who clicked (the invoke's From.AadObjectId) must be that person. Answers are checked; the card
/// comes back with the problems, or turns into a thank-you.
/// </summary>
public sealed class SurveyCardActions(SurveyDirectory surveyDirectory, SurveyService surveys, CardFactory cards, TeamsDirectory directory,
    ILogger<SurveyCardActions> logger)
{
    public async Task<JsonObject> SubmitAsync(IReadOnlyDictionary<string, string> data, string? clickedBy, CancellationToken ct)
    {
        var fallback = await directory.LanguageOfAsync(clickedBy, ct);
        var context = await surveyDirectory.ForTokenAsync(data.GetValueOrDefault("t"), ct);
        if (context is null)
        {
            logger.LogWarning("A survey card with altered or unknown data was refused.");
            return cards.Notice(fallback, "Card.Tampered.Title", "Card.Tampered.Text");
        }
        var (person, session, _, survey, _) = context;
        if (string.IsNullOrEmpty(clickedBy) || !string.Equals(person.TeamsObjectId, clickedBy, StringComparison.OrdinalIgnoreCase))
        {
            logger.LogWarning("A survey card of participant {ParticipantId} was sent by someone else and refused.", person.Id);
            return cards.Notice(fallback, "Card.NotYours.Title", "Card.NotYours.Text");
        }
        var lang = person.Language;
        if (survey is null) return Message(lang, "Survey.Title", Texts.Get("Survey.NotOpen", lang), session.Title);
        var answers = SurveyForm.Parse(survey, key => data.TryGetValue(key, out var value) ? [value] : []);
        return await surveys.SubmitAsync(session, person.Id, answers, AnswerChannel.Teams, ct) switch
        {
            SubmitOutcome.Saved => Message(lang, "Survey.Thanks.Title", Texts.Format("Survey.Thanks.Text", lang, session.Title)),
            SubmitOutcome.AlreadyAnswered => Message(lang, "Survey.Thanks.Title", Texts.Get("Survey.Already", lang)),
            SubmitOutcome.Closed => Message(lang, "Survey.Title", Texts.Get("Survey.Closed", lang), session.Title),
            SubmitOutcome.Invalid invalid => cards.SurveyContent(survey, session, person, data["t"], answers,
                invalid.Problems.Select(p => SurveyForm.Describe(survey, p, lang)).ToList()).Render(),
            SubmitOutcome.NotRecipient => cards.Notice(lang, "Card.NotYours.Title", "Card.NotYours.Text"),
            _ => Message(lang, "Survey.Title", Texts.Get("Survey.NotOpen", lang), session.Title),
        };
    }

    private JsonObject Message(Language lang, string titleKey, string text, string? titleArgument = null) =>
        cards.MessageContent(lang, titleArgument is null ? Texts.Get(titleKey, lang) : Texts.Format(titleKey, lang, titleArgument), text).Render();
}
