using ParticipantBot.Domain.Campaigns;
using ParticipantBot.Domain.Common;
using ParticipantBot.Domain.Messages;

namespace ParticipantBot.Domain.Reminders;

/// <summary>One reminder to plan: its kind, its number among its kind, and when.</summary>
public sealed record PlannedReminder(MessageKind Kind, int Sequence, DateTimeOffset DueAt);

/// <summary>Works out the reminders of one participant for one session, in their own zone.</summary>
public static class ReminderSchedule
{
    public static IReadOnlyList<PlannedReminder> For(Session session, ReminderPolicy policy, string participantZone, DateTimeOffset now)
    {
        var result = new List<PlannedReminder>();
        var startLocal = TimeZones.ToLocal(session.StartsAt, participantZone);
        var day = DateOnly.FromDateTime(startLocal.DateTime);

        foreach (var days in policy.NonResponderDays)
        {
            var due = At(day.AddDays(-days), policy.SendAt, policy, participantZone);
            // Never after the answer deadline, never once the session has begun.
            if (session.AnswerDeadline is { } deadline && due >= deadline) continue;
            if (Fits(due, session, now)) result.Add(new PlannedReminder(MessageKind.Reminder, days, due));
        }
        if (policy.DayBefore)
        {
            var due = At(day.AddDays(-1), policy.SendAt, policy, participantZone);
            if (Fits(due, session, now)) result.Add(new PlannedReminder(MessageKind.DayBefore, 0, due));
        }
        if (policy.SameDay)
        {
            var due = At(day, policy.SameDayAt, policy, participantZone);
            if (Fits(due, session, now)) result.Add(new PlannedReminder(MessageKind.Today, 0, due));
        }
        return result;
    }

    /// <summary>When a reminder of this kind and number is due now, or null when it no longer fits the session or the policy.</summary>
    public static DateTimeOffset? DueOf(MessageKind kind, int sequence, Session session, ReminderPolicy policy, string participantZone, DateTimeOffset now) =>
        For(session, policy, participantZone, now).FirstOrDefault(r => r.Kind == kind && r.Sequence == sequence)?.DueAt;

    /// <summary>Moves an instant out of quiet hours (to the morning after) in the person's zone.</summary>
    public static DateTimeOffset OutOfQuietHours(DateTimeOffset due, ReminderPolicy policy, string zone)
    {
        var local = TimeZones.ToLocal(due, zone);
        var time = TimeOnly.FromDateTime(local.DateTime);
        if (!policy.IsQuiet(time)) return due;
        var morning = DateOnly.FromDateTime(local.DateTime);
        if (time >= policy.QuietFrom && policy.QuietFrom > policy.QuietUntil) morning = morning.AddDays(1);
        return Instant(morning, policy.QuietUntil, zone);
    }

    private static DateTimeOffset At(DateOnly day, TimeOnly time, ReminderPolicy policy, string zone) =>
        OutOfQuietHours(Instant(day, time, zone), policy, zone);

    private static DateTimeOffset Instant(DateOnly day, TimeOnly time, string zone)
    {
        var local = day.ToDateTime(time);
        try { return TimeZones.ToInstant(local, zone); }
        // The hour the clocks skip: the same wall-clock time an hour later exists.
        catch (DomainException) { return TimeZones.ToInstant(local.AddHours(1), zone); }
    }

    private static bool Fits(DateTimeOffset due, Session session, DateTimeOffset now) => due > now && due < session.StartsAt;
}
