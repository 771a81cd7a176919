using ParticipantBot.Domain.Common;

namespace ParticipantBot.Domain.Reminders;

/// <summary>
/// When a session's reminders go out: non-responders some days before (never after the answer
/// deadline), accepted participants the day before and on the morning, never in quiet hours.
/// Times are wall-clock times of each participant's own zone.
/// </summary>
public sealed record ReminderPolicy
{
    public static ReminderPolicy Default { get; } = new();

    /// <summary>First reminder to those who have not answered, this many days before; null for none.</summary>
    public int? FirstReminderDays { get; init; } = 7;
    /// <summary>Second reminder to those who have not answered; null for none.</summary>
    public int? SecondReminderDays { get; init; } = 3;
    /// <summary>The day before, to accepted participants, with the practical details.</summary>
    public bool DayBefore { get; init; } = true;
    /// <summary>A short message on the morning of the session, to accepted participants.</summary>
    public bool SameDay { get; init; } = true;
    public TimeOnly SendAt { get; init; } = new(10, 0);
    public TimeOnly SameDayAt { get; init; } = new(8, 0);
    public TimeOnly QuietFrom { get; init; } = new(20, 0);
    public TimeOnly QuietUntil { get; init; } = new(8, 0);

    public IEnumerable<int> NonResponderDays => new[] { FirstReminderDays, SecondReminderDays }.OfType<int>().Distinct().OrderByDescending(d => d);

    public void Validate()
    {
        foreach (var days in new[] { FirstReminderDays, SecondReminderDays }.OfType<int>())
            if (days is < 1 or > 60) throw new DomainException("Reminders go between 1 and 60 days before the session.", "nonResponderDaysBefore", "reminders.days",
                new Dictionary<string, object?> { ["min"] = 1, ["max"] = 60 });
        if (QuietFrom == QuietUntil) throw new DomainException("Quiet hours need a start and an end that differ.", "quietHours", "reminders.quietHours");
        if (IsQuiet(SendAt) || IsQuiet(SameDayAt)) throw new DomainException("Reminders cannot be set to go out in quiet hours.", "sendAt", "reminders.inQuietHours");
    }

    /// <summary>Whether a wall-clock time falls in quiet hours (which may span midnight).</summary>
    public bool IsQuiet(TimeOnly time) =>
        QuietFrom < QuietUntil ? time >= QuietFrom && time < QuietUntil : time >= QuietFrom || time < QuietUntil;
}
