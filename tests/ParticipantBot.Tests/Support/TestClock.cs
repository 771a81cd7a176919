using System.Diagnostics;

namespace ParticipantBot.Tests.Support;

/// <summary>
/// The service's clock in the in-memory tests: it starts at a fixed instant, whatever today's date,
/// and then runs at real speed (retries, leases and the Hangfire-driven dispatch need time to pass).
/// A test moves it with <see cref="Advance"/> or <see cref="SetUtcNow"/>; it never goes back to the
/// wall clock, so no test depends on the day it runs.
/// </summary>
public sealed class TestClock(DateTimeOffset start) : TimeProvider
{
    /// <summary>Before every session date the tests use (December 2026 onwards).</summary>
    public static readonly DateTimeOffset DefaultStart = new(2026, 11, 20, 9, 0, 0, TimeSpan.Zero);

    private readonly long _started = Stopwatch.GetTimestamp();
    private long _shiftTicks;

    public TestClock() : this(DefaultStart) { }

    public override DateTimeOffset GetUtcNow() =>
        start + Stopwatch.GetElapsedTime(_started) + TimeSpan.FromTicks(Interlocked.Read(ref _shiftTicks));

    public override TimeZoneInfo LocalTimeZone => TimeZoneInfo.Utc;

    public void Advance(TimeSpan by) => Interlocked.Add(ref _shiftTicks, by.Ticks);

    /// <summary>Jumps to this instant (forward or back); time runs on from there.</summary>
    public void SetUtcNow(DateTimeOffset value) => Advance(value - GetUtcNow());
}

/// <summary>
/// Dates for the tests that start the real service process, which runs on the machine's clock:
/// derived from now, so that they hold on any day (the suite also runs with the clock a year ahead).
/// </summary>
public static class TestDates
{
    /// <summary>A local date-time string ("yyyy-MM-ddTHH:mm") this many days from now, at this time of day.</summary>
    public static string Local(int daysFromNow, int hour, int minute = 0) =>
        DateTime.UtcNow.Date.AddDays(daysFromNow).AddHours(hour).AddMinutes(minute).ToString("yyyy-MM-dd'T'HH:mm", System.Globalization.CultureInfo.InvariantCulture);
}
