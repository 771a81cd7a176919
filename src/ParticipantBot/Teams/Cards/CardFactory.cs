using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;
using ParticipantBot.Domain.Campaigns;
using ParticipantBot.Domain.Common;
using ParticipantBot.Domain.Invitations;
using ParticipantBot.Domain.Messages;
using ParticipantBot.Domain.Participants;
using ParticipantBot.Email;
using ParticipantBot.Messages;
using ParticipantBot.Resources;

namespace ParticipantBot.Teams.Cards;

/// <summary>An entry of the "my invitations" card.</summary>
public sealed record InvitationLine(Session Session, RsvpStatus Status);

/// <summary>A session as an organiser's status card shows it; the breakdown only when one session is asked for.</summary>
public sealed record SessionStatus(int Number, Session Session, string CampaignName, IReadOnlyDictionary<RsvpStatus, int> Counts,
    IReadOnlyList<(string Group, Sex Sex, int Count)>? AcceptedBreakdown = null);

/// <summary>A template and the data that fills it.</summary>
public sealed record CardContent(string Template, JsonObject Data)
{
    public JsonObject Render()
    {
        var card = CardTemplate.Fill(Template, Data);
        // A card nobody can refresh (no Teams user id known) carries no refresh section at all.
        if (card["refresh"]?["userIds"] is JsonArray { Count: 0 }) card.Remove("refresh");
        return card;
    }
}

/// <summary>
/// The one place that fills the card templates: every text from the resource files in the
/// person's language, Arabic cards right-to-left.
/// </summary>
public sealed class CardFactory(CardActionSigner signer, IOptions<EmailOptions> email, MessageContents contents)
{
    public const string ContentType = "application/vnd.microsoft.card.adaptive";

    public JsonObject Invitation(MessageKind kind, Campaign campaign, Session session, Participant person, Invitation invitation,
        string? teamsUserId, DateTimeOffset now, string? notice = null) =>
        InvitationContent(kind, campaign, session, person, invitation, teamsUserId, now, notice).Render();

    public CardContent InvitationContent(MessageKind kind, Campaign campaign, Session session, Participant person, Invitation invitation,
        string? teamsUserId, DateTimeOffset now, string? notice = null) =>
        InvitationContent(contents.For(kind, campaign, session, person, invitation, now), campaign, session, person, invitation, teamsUserId, notice);

    /// <summary>
    /// A message's content (<see cref="MessageContents"/>) as the invitation card: the same heading, facts and
    /// answers as the email, the answers as buttons bound to the person, and on Accept the needs and consent form.
    /// </summary>
    public CardContent InvitationContent(MessageContent c, Campaign campaign, Session session, Participant person, Invitation invitation,
        string? teamsUserId, string? notice = null)
    {
        var lang = c.Language;
        var answered = c.Status is not (RsvpStatus.NotSent or RsvpStatus.Invited);
        var status = Texts.Format("Card.Status", lang, Texts.Get("Status." + RsvpTransitions.Name(c.Status), lang));
        if (!c.CanAnswer && !session.IsCancelled && c.Status is not (RsvpStatus.Withdrawn or RsvpStatus.Cancelled))
            notice ??= Texts.Get("Card.Closed", lang);

        var buttons = new JsonArray();
        if (c.AsksForNeeds) buttons.Add(Button(Texts.Get("Card.SaveNeeds", lang), "rsvp.needs", "positive"));
        foreach (var reply in c.Replies)
            buttons.Add(reply switch
            {
                RsvpResponse.Accept => Button(Texts.Get("Answer.Accept", lang), "rsvp.accept", "positive"),
                RsvpResponse.Tentative => Button(Texts.Get("Answer.Tentative", lang), "rsvp.tentative", "default"),
                _ => Button(Texts.Get("Answer.Decline", lang), "rsvp.decline", "destructive"),
            });
        // During the session's window, when its organisers allow it: "I'm here".
        if (c.CanCheckIn) buttons.Insert(0, Button(Texts.Get("Card.CheckIn.Button", lang), "rsvp.checkin", "positive"));
        var needs = person.Needs;
        var data = Common(lang);
        data["heading"] = c.Heading;
        data["title"] = c.Title;
        data["intro"] = c.Intro;
        data["hasIntro"] = c.Intro.Length > 0;
        data["facts"] = new JsonArray(c.Facts.Select(f => (JsonNode)Fact(f.Label, f.Value)).ToArray());
        data["statusText"] = status;
        data["hasStatus"] = answered || !c.CanAnswer;
        data["notice"] = notice ?? "";
        data["hasNotice"] = notice is not null;
        data["showNeeds"] = c.AsksForNeeds;
        data["needsTitle"] = Texts.Get("Needs.Title", lang);
        data["needsTransport"] = Texts.Get("Needs.Transport", lang);
        data["needsDiet"] = Texts.Get("Needs.Diet", lang);
        data["needsAccessibility"] = Texts.Get("Needs.Accessibility", lang);
        data["needsInterpretation"] = Texts.Get("Needs.Interpretation", lang);
        data["consentStatement"] = Texts.Format("Consent.Statement", lang, campaign.RetentionMonths, campaign.ContactEmail ?? email.Value.Contact);
        data["consentCheckbox"] = Texts.Get("Consent.Checkbox", lang);
        data["transport"] = needs.Transport ? "true" : "false";
        data["diet"] = needs.Diet ?? "";
        data["accessibility"] = needs.Accessibility ?? "";
        data["interpretation"] = needs.Interpretation ?? "";
        data["consent"] = person.Consent is null ? "false" : "true";
        SelfDescriptionCard.Fill(data, campaign, person, lang);
        data["buttons"] = buttons;
        data["invitation"] = invitation.Id.ToString();
        data["signature"] = signer.Sign(invitation.Id, person.Id, session.Sequence);
        data["userIds"] = teamsUserId is null ? new JsonArray() : new JsonArray(teamsUserId);
        return new CardContent("invitation", data);
    }

    /// <summary>A short card with a title and a text, both from the resource files.</summary>
    public JsonObject Notice(Language lang, string titleKey, string textKey) => NoticeContent(lang, titleKey, textKey).Render();

    public CardContent NoticeContent(Language lang, string titleKey, string textKey)
    {
        var data = Common(lang);
        data["title"] = Texts.Get(titleKey, lang);
        data["text"] = Texts.Get(textKey, lang);
        return new CardContent("notice", data);
    }

    public JsonObject Help(Language lang) => HelpContent(lang).Render();

    public CardContent HelpContent(Language lang)
    {
        var data = Common(lang);
        data["title"] = Texts.Get("Card.Help.Title", lang);
        data["intro"] = Texts.Get("Card.Help.Intro", lang);
        data["commands"] = new JsonArray(
            Command(lang, "Card.Help.Command.Help", "Card.Help.Help"),
            Command(lang, "Card.Help.Command.Invitations", "Card.Help.Invitations"),
            Command(lang, "Card.Help.Command.Language", "Card.Help.Language"),
            Command(lang, "Card.Help.Command.CheckIn", "Card.Help.CheckIn"),
            Command(lang, "Card.Help.Command.MyData", "Card.Help.MyData"),
            Command(lang, "Card.Help.Command.Stop", "Card.Help.Stop"));
        return new CardContent("help", data);
    }

    public JsonObject Invitations(Language lang, IReadOnlyList<InvitationLine> lines) => InvitationsContent(lang, lines).Render();

    public CardContent InvitationsContent(Language lang, IReadOnlyList<InvitationLine> lines)
    {
        var data = Common(lang);
        data["title"] = Texts.Get("Card.Invitations.Title", lang);
        data["empty"] = Texts.Get("Card.Invitations.None", lang);
        data["isEmpty"] = lines.Count == 0;
        data["items"] = new JsonArray(lines.Select(l => (JsonNode)new JsonObject
        {
            ["session"] = l.Session.TitleIn(lang),
            ["when"] = When(l.Session, lang),
            ["answer"] = Texts.Format("Card.Status", lang, Texts.Get("Status." + RsvpTransitions.Name(l.Status), lang)),
        }).ToArray());
        return new CardContent("invitations", data);
    }

    // No "lang" on the card: the official JS renderer validates it with a stateful (global) regex and
    // refuses every other card; Teams does not use it, and right-to-left is what matters.
    /// <summary>An organiser's daily digest: counts by kind of change, and who (declines, waiting list, needs).</summary>
    public CardContent DigestContent(Language lang, string campaignName, DateTimeOffset sinceLocal,
        IReadOnlyList<(string LabelKey, int Count)> counts, IReadOnlyList<(string LabelKey, IReadOnlyList<string> Names)> lists)
    {
        var data = Common(lang);
        data["title"] = Texts.Format("Digest.Title", lang, campaignName);
        data["period"] = Texts.Format("Digest.Period", lang, Texts.DateTime(sinceLocal, lang));
        data["nothing"] = Texts.Get("Digest.Nothing", lang);
        data["isEmpty"] = counts.Count == 0;
        data["counts"] = new JsonArray(counts.Select(c => (JsonNode)new JsonObject { ["label"] = Texts.Get(c.LabelKey, lang), ["value"] = c.Count.ToString(System.Globalization.CultureInfo.InvariantCulture) }).ToArray());
        data["lists"] = new JsonArray(lists.Select(l => (JsonNode)new JsonObject { ["label"] = Texts.Get(l.LabelKey, lang), ["names"] = string.Join(", ", l.Names) }).ToArray());
        return new CardContent("digest", data);
    }

    /// <summary>An organiser's "status" card: their sessions with counts, or one session by group and by sex.</summary>
    public CardContent StatusContent(Language lang, IReadOnlyList<SessionStatus> sessions)
    {
        var data = Common(lang);
        data["title"] = Texts.Get("Organiser.Status.Title", lang);
        data["empty"] = Texts.Get("Organiser.Status.None", lang);
        data["hint"] = Texts.Get("Organiser.Status.Hint", lang);
        data["isEmpty"] = sessions.Count == 0;
        data["sessions"] = new JsonArray(sessions.Select(s => (JsonNode)StatusOf(lang, s)).ToArray());
        return new CardContent("status", data);
    }

    private static JsonObject StatusOf(Language lang, SessionStatus s)
    {
        int Count(params RsvpStatus[] statuses) => statuses.Sum(st => s.Counts.GetValueOrDefault(st));
        string N(int n) => n.ToString(System.Globalization.CultureInfo.InvariantCulture);
        // "Accepted" counts what the dashboard and the report count: RsvpTransitions.Confirmed.
        var accepted = Count([.. RsvpTransitions.Confirmed]);
        var counts = new JsonArray(
            Fact(Texts.Get("Organiser.Count.Invited", lang), N(Count(RsvpStatus.Invited, RsvpStatus.Accepted, RsvpStatus.Tentative, RsvpStatus.Declined,
                RsvpStatus.Waitlisted, RsvpStatus.Offered, RsvpStatus.Attended, RsvpStatus.NoShow))),
            Fact(Texts.Get("Organiser.Count.Accepted", lang), N(accepted)),
            Fact(Texts.Get("Organiser.Count.Tentative", lang), N(Count(RsvpStatus.Tentative))),
            Fact(Texts.Get("Organiser.Count.Declined", lang), N(Count(RsvpStatus.Declined))),
            Fact(Texts.Get("Organiser.Count.NoAnswer", lang), N(Count(RsvpStatus.Invited))),
            Fact(Texts.Get("Organiser.Count.Waitlisted", lang), N(Count(RsvpStatus.Waitlisted, RsvpStatus.Offered))));
        if (s.Session.Capacity is { } capacity)
            counts.Add(Fact(Texts.Get("Organiser.Count.SeatsLeft", lang),
                N(Math.Max(0, capacity - s.Counts.Where(kv => RsvpTransitions.HoldsSeat(kv.Key)).Sum(kv => kv.Value)))));
        var breakdown = new JsonArray();
        if (s.AcceptedBreakdown is { } rows)
        {
            foreach (var group in rows.GroupBy(r => r.Group).OrderBy(g => g.Key, StringComparer.Ordinal))
                breakdown.Add(Fact(group.Key, N(group.Sum(r => r.Count))));
            foreach (var sex in rows.GroupBy(r => r.Sex).OrderBy(g => g.Key))
                breakdown.Add(Fact(Texts.Get("Sex." + sex.Key, lang), N(sex.Sum(r => r.Count))));
            var total = rows.Sum(r => r.Count);
            if (total > 0)
                breakdown.Add(Fact(Texts.Get("Organiser.Count.Women", lang),
                    N((int)Math.Round(100.0 * rows.Where(r => r.Sex == Sex.Female).Sum(r => r.Count) / total)) + " %"));
        }
        return new JsonObject
        {
            ["heading"] = $"{N(s.Number)}. {s.Session.Title} · {s.CampaignName}",
            ["when"] = When(s.Session, lang),
            ["counts"] = counts,
            ["breakdownTitle"] = Texts.Get("Organiser.Breakdown", lang),
            ["hasBreakdown"] = breakdown.Count > 0,
            ["breakdown"] = breakdown,
        };
    }

    /// <summary>Asks an organiser to confirm an action on a session; the buttons say for whom they were made.</summary>
    public CardContent ConfirmContent(Language lang, string title, string text, Guid sessionId, string forObjectId,
        (string Title, string Verb, string Style) yes, (string Title, string Verb) no)
    {
        var data = Common(lang);
        data["title"] = title;
        data["text"] = text;
        data["session"] = sessionId.ToString();
        data["for"] = forObjectId;
        data["buttons"] = new JsonArray(Button(yes.Title, yes.Verb, yes.Style), Button(no.Title, no.Verb, "default"));
        return new CardContent("confirm", data);
    }

    /// <summary>
    /// A post-session survey as a card: one input per question in the person's language (ratings and
    /// choices as radio buttons or check boxes, priorities as three ranked lists), the answers given so
    /// far and the problems with them when it comes back, and a button bound to the person's token.
    /// </summary>
    public CardContent SurveyContent(Domain.Surveys.Survey survey, Session session, Participant person, string token,
        IReadOnlyList<Domain.Surveys.SurveyAnswer>? given = null, IReadOnlyList<string>? problems = null)
    {
        var lang = person.Language;
        JsonObject Choice(string title, string value) => new() { ["title"] = title, ["value"] = value };
        var questions = new JsonArray();
        foreach (var q in survey.Questions)
        {
            var answer = given?.LastOrDefault(a => a.QuestionId == q.Id);
            var label = q.Text.In(lang);
            var options = new JsonArray(q.Options.Select(o => (JsonNode)Choice(o.Text.In(lang), o.Id)).ToArray());
            var item = new JsonObject
            {
                ["id"] = q.Id, ["label"] = label, ["required"] = q.Required, ["error"] = Texts.Format("Survey.Problem.Required", lang, label),
                ["isChoice"] = q.Kind is Domain.Surveys.QuestionKind.Rating or Domain.Surveys.QuestionKind.SingleChoice or Domain.Surveys.QuestionKind.MultipleChoice,
                ["isText"] = q.Kind == Domain.Surveys.QuestionKind.FreeText,
                ["isPriorities"] = q.Kind == Domain.Surveys.QuestionKind.Priorities,
                ["multi"] = q.Kind == Domain.Surveys.QuestionKind.MultipleChoice,
                ["value"] = answer is null ? "" : answer.Rating?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? answer.Text ?? string.Join(",", answer.Choices ?? []),
                ["choices"] = q.Kind == Domain.Surveys.QuestionKind.Rating
                    ? new JsonArray(Enumerable.Range(Domain.Surveys.SurveyQuestion.MinRating, Domain.Surveys.SurveyQuestion.MaxRating)
                        .Select(n => (JsonNode)Choice(n.ToString(System.Globalization.CultureInfo.InvariantCulture), n.ToString(System.Globalization.CultureInfo.InvariantCulture))).ToArray())
                    : options,
                ["ranks"] = q.Kind != Domain.Surveys.QuestionKind.Priorities ? new JsonArray()
                    : new JsonArray(Enumerable.Range(1, Domain.Surveys.SurveyQuestion.PriorityCount).Select(n => (JsonNode)new JsonObject
                    {
                        ["id"] = Surveys.SurveyForm.RankField(q.Id, n),
                        ["label"] = Texts.Get("Survey.Priority." + n, lang),
                        ["placeholder"] = Texts.Get("Survey.Choose", lang),
                        ["required"] = q.Required,
                        ["error"] = Texts.Format("Survey.Problem.Required", lang, Texts.Get("Survey.Priority." + n, lang)),
                        ["value"] = answer?.Choices is { } ranked && ranked.Count >= n ? ranked[n - 1] : "",
                        ["choices"] = options.DeepClone(),
                    }).ToArray()),
            };
            questions.Add(item);
        }
        var data = Common(lang);
        data["title"] = Texts.Format("Survey.Title", lang, session.TitleIn(lang));
        data["intro"] = Texts.Get("Survey.Intro", lang);
        data["privacy"] = Texts.Get(survey.Anonymous ? "Survey.Anonymous" : "Survey.Named", lang);
        data["hasProblems"] = problems is { Count: > 0 };
        data["problemsTitle"] = Texts.Get("Survey.Problems", lang);
        data["problems"] = new JsonArray((problems ?? []).Select(p => (JsonNode)new JsonObject { ["text"] = p }).ToArray());
        data["questions"] = questions;
        data["submit"] = Texts.Get("Survey.Submit", lang);
        data["token"] = token;
        return new CardContent("survey", data);
    }

    /// <summary>The answer to "I'm here": the session it counted for, or when check-in is possible.</summary>
    public CardContent CheckInContent(Language lang, ParticipantBot.Invitations.SelfCheckInResult result) => MessageContent(lang,
        Texts.Get("Card.CheckIn.Title", lang),
        result.Session is not { } session ? Texts.Get("Card.CheckIn.None", lang)
        : Texts.Format(result.AlreadyRecorded ? "Card.CheckIn.Already" : "Card.CheckIn.Done", lang, session.TitleIn(lang)));

    /// <summary>A short card whose texts are already in the reader's language.</summary>
    public CardContent MessageContent(Language lang, string title, string text)
    {
        var data = Common(lang);
        data["title"] = title;
        data["text"] = text;
        return new CardContent("notice", data);
    }

    private static JsonObject Common(Language lang) => new() { ["rtl"] = Texts.IsRightToLeft(lang) };

    private static string When(Session session, Language lang) => SpokenTime.When(session, session.TimeZoneId, lang);

    private static JsonObject Fact(string label, string value) => new() { ["label"] = label, ["value"] = value };

    private static JsonObject Button(string title, string verb, string style) => new() { ["title"] = title, ["verb"] = verb, ["style"] = style };

    private static JsonObject Command(Language lang, string commandKey, string descriptionKey) =>
        new() { ["command"] = Texts.Get(commandKey, lang), ["description"] = Texts.Get(descriptionKey, lang) };
}
