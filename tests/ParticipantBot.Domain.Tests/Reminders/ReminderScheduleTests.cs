using ParticipantBot.Domain.Campaigns;
using ParticipantBot.Domain.Common;
using ParticipantBot.Domain.Messages;
using ParticipantBot.Domain.Reminders;

namespace ParticipantBot.Domain.Tests.Reminders;

public class ReminderScheduleTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 10, 0, 0, TimeSpan.Zero);

    private static Session SessionAt(DateTime start, DateTime? deadline = null) =>
        Session.Create(Guid.NewGuid(), "Gouvernance", start, start.AddHours(3), TimeZones.Default, localAnswerDeadline: deadline);

    private static DateTimeOffset Utc(int y, int m, int d, int h, int min = 0) => new(y, m, d, h, min, 0, TimeSpan.Zero);

    [Fact]
    public void DefaultPolicy_PlansTwoNonResponderRemindersTheDayBeforeAndTheMorning_AtLocalTimes()
    {
        var session = SessionAt(new DateTime(2026, 12, 16, 9, 30, 0));
        var plan = ReminderSchedule.For(session, ReminderPolicy.Default, TimeZones.Default, Now);
        Assert.Equal(
        [
            new PlannedReminder(MessageKind.Reminder, 7, Utc(2026, 12, 9, 9)),   // 10:00 in Casablanca (UTC+1)
            new PlannedReminder(MessageKind.Reminder, 3, Utc(2026, 12, 13, 9)),
            new PlannedReminder(MessageKind.DayBefore, 0, Utc(2026, 12, 15, 9)),
            new PlannedReminder(MessageKind.Today, 0, Utc(2026, 12, 16, 7)),     // 08:00, before the 09:30 start
        ], plan);
    }

    [Fact]
    public void NonResponderReminder_AfterTheAnswerDeadline_IsNotPlanned()
    {
        var session = SessionAt(new DateTime(2026, 12, 16, 9, 30, 0), deadline: new DateTime(2026, 12, 12, 18, 0, 0));
        var plan = ReminderSchedule.For(session, ReminderPolicy.Default, TimeZones.Default, Now);
        Assert.Contains(plan, r => r.Kind == MessageKind.Reminder && r.Sequence == 7);
        Assert.DoesNotContain(plan, r => r.Kind == MessageKind.Reminder && r.Sequence == 3);
    }

    [Fact]
    public void RemindersAlreadyPast_AreNotPlanned_AndNoMorningMessageForAnEarlySession()
    {
        var session = SessionAt(new DateTime(2026, 12, 4, 7, 30, 0));
        var plan = ReminderSchedule.For(session, ReminderPolicy.Default, TimeZones.Default, Now);
        Assert.DoesNotContain(plan, r => r.Kind == MessageKind.Reminder && r.Sequence == 7);
        Assert.DoesNotContain(plan, r => r.Kind == MessageKind.Today); // 08:00 would be after the 07:30 start
        Assert.All(plan, r => Assert.True(r.DueAt > Now));
    }

    [Fact]
    public void Reminders_AreAtTheParticipantsOwnLocalTime()
    {
        var session = SessionAt(new DateTime(2026, 12, 16, 9, 30, 0));
        var plan = ReminderSchedule.For(session, ReminderPolicy.Default, "America/New_York", Now);
        var seven = plan.Single(r => r.Kind == MessageKind.Reminder && r.Sequence == 7);
        Assert.Equal(new DateTimeOffset(2026, 12, 9, 10, 0, 0, TimeSpan.FromHours(-5)), TimeZones.ToLocal(seven.DueAt, "America/New_York"));
    }

    [Fact]
    public void AcrossTheRamadanChange_LocalTimesStayAtTenOClock()
    {
        var session = SessionAt(new DateTime(2027, 3, 16, 9, 30, 0));
        var plan = ReminderSchedule.For(session, ReminderPolicy.Default, TimeZones.Default, Utc(2027, 2, 1, 0));
        Assert.Equal(Utc(2027, 3, 9, 10), plan.Single(r => r.Sequence == 7).DueAt);   // Ramadan: UTC+0
        Assert.Equal(Utc(2027, 3, 13, 10), plan.Single(r => r.Sequence == 3).DueAt);  // still UTC+0
        Assert.Equal(Utc(2027, 3, 15, 9), plan.Single(r => r.Kind == MessageKind.DayBefore).DueAt); // UTC+1 again from 14 March
        Assert.All(plan, r => Assert.Equal(r.Kind == MessageKind.Today ? 8 : 10, TimeZones.ToLocal(r.DueAt, TimeZones.Default).Hour));
    }

    [Theory]
    [InlineData(21, 30, 1, 8)]  // evening: next morning at 08:00
    [InlineData(6, 15, 0, 8)]   // before dawn: that morning at 08:00
    [InlineData(12, 0, 0, 12)]  // day: unchanged
    public void QuietHours_PushAMessageToTheMorning(int hour, int minute, int addDays, int expectedHour)
    {
        var due = TimeZones.ToInstant(new DateTime(2026, 12, 9, hour, minute, 0), TimeZones.Default);
        var moved = TimeZones.ToLocal(ReminderSchedule.OutOfQuietHours(due, ReminderPolicy.Default, TimeZones.Default), TimeZones.Default);
        Assert.Equal(9 + addDays, moved.Day);
        Assert.Equal(expectedHour, moved.Hour);
    }

    [Fact]
    public void Policy_RefusesRemindersSetInQuietHours() =>
        Assert.Throws<DomainException>(() => new ReminderPolicy { SendAt = new TimeOnly(22, 0) }.Validate());

    [Fact]
    public void Policy_WithoutNonResponderReminders_PlansOnlyTheAcceptedOnes()
    {
        var session = SessionAt(new DateTime(2026, 12, 16, 9, 30, 0));
        var plan = ReminderSchedule.For(session, ReminderPolicy.Default with { FirstReminderDays = null, SecondReminderDays = null }, TimeZones.Default, Now);
        Assert.Equal([MessageKind.DayBefore, MessageKind.Today], plan.Select(r => r.Kind));
    }
}
