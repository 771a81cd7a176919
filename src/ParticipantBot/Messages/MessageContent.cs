using ParticipantBot.Domain.Common;
using ParticipantBot.Domain.Invitations;
using ParticipantBot.Domain.Messages;

namespace ParticipantBot.Messages;

/// <summary>A labelled line of a message: "When", "Where", "Answer by"...</summary>
public sealed record MessageFact(string Label, string Value);

/// <summary>A link the message carries: where it goes, the sentence that calls for it, its button's words.</summary>
public sealed record MessageLink(Uri Url, string Call, string Button);

/// <summary>
/// What one message says to one person, in their language, before any channel shapes it: the email,
/// the Teams card and the Outlook event are renderings of this and decide nothing of their own.
/// </summary>
/// <param name="Heading">The card's top line (kind and consultation).</param>
/// <param name="Facts">When (in the person's zone, named as people say it), where, agenda, answer deadline, transport.</param>
/// <param name="Deadline">The answer deadline in the person's zone, when <see cref="Answering.DeadlineToShow"/> says to show it.</param>
/// <param name="Replies">The answers the person may give now, their current one left out.</param>
/// <param name="Link">The personal RSVP link, or the survey's for a survey; none for a cancellation or withdrawal.</param>
/// <param name="IsMeeting">It carries (or is) a meeting request: invitation, update, seat offer, cancellation, withdrawal.</param>
public sealed record MessageContent(
    MessageKind Kind,
    Language Language,
    string Subject,
    string Heading,
    string Title,
    string Greeting,
    string Intro,
    string When,
    IReadOnlyList<MessageFact> Facts,
    DateTimeOffset? Deadline,
    bool CanAnswer,
    RsvpStatus Status,
    IReadOnlyList<RsvpResponse> Replies,
    bool AsksForNeeds,
    bool CanCheckIn,
    MessageLink? Link,
    string Footer,
    bool IsMeeting,
    bool IsCancellation)
{
    public bool IsRightToLeft => Language == Language.Ar;
}
