using ParticipantBot.Domain.Messages;

namespace ParticipantBot.Messages;

/// <summary>The resource keys that word each kind of message: subject, heading and introduction.</summary>
internal static class MessageKinds
{
    public sealed record Words(string Subject, string Heading, string Intro);

    public static Words For(MessageKind kind) => kind switch
    {
        MessageKind.Update => new("Email.Update.Subject", "Card.Heading.Update", "Email.Update.Intro"),
        MessageKind.Cancellation => new("Email.Cancellation.Subject", "Card.Heading.Cancellation", "Email.Cancellation.Intro"),
        MessageKind.Withdrawal => new("Email.Withdrawal.Subject", "Card.Heading.Withdrawal", "Email.Withdrawal.Intro"),
        MessageKind.Waitlisted => new("Email.Waitlisted.Subject", "Card.Heading.Waitlisted", "Email.Waitlisted.Intro"),
        MessageKind.SeatOffered => new("Email.SeatOffered.Subject", "Card.Heading.SeatOffered", "Email.SeatOffered.Intro"),
        MessageKind.Reminder => new("Email.Reminder.Subject", "Card.Heading.Reminder", "Email.Reminder.Intro"),
        MessageKind.DayBefore => new("Email.DayBefore.Subject", "Card.Heading.DayBefore", "Email.DayBefore.Intro"),
        MessageKind.Today => new("Email.Today.Subject", "Card.Heading.Today", "Email.Today.Intro"),
        MessageKind.CheckIn => new("Email.Today.Subject", "Card.Heading.Today", "Card.CheckIn.Intro"),
        MessageKind.Survey => new("Email.Survey.Subject", "Email.Survey.Subject", "Email.Survey.Intro"),
        MessageKind.SurveyReminder => new("Email.SurveyReminder.Subject", "Email.SurveyReminder.Subject", "Email.SurveyReminder.Intro"),
        _ => new("Email.Invitation.Subject", "Card.Heading.Invitation", "Email.Invitation.Intro"),
    };

    public static bool IsSurvey(MessageKind kind) => kind is MessageKind.Survey or MessageKind.SurveyReminder;

    public static bool IsMeeting(MessageKind kind) =>
        kind is MessageKind.Invitation or MessageKind.Update or MessageKind.SeatOffered or MessageKind.Cancellation or MessageKind.Withdrawal;

    public static bool IsCancellation(MessageKind kind) => kind is MessageKind.Cancellation or MessageKind.Withdrawal;
}
