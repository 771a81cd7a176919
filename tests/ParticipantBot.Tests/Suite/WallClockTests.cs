using System.Diagnostics;
using System.Globalization;

namespace ParticipantBot.Tests.Suite;

/// <summary>
/// The run's wall clock is the one test.sh meant: the real time, or the real time a year ahead with
/// `--year-ahead` (tests/tools/clock), in the test host and in the processes it starts (the service
/// processes, Node, Chromium). Without it, a run "a year ahead" could pass on today's date unnoticed.
/// </summary>
public sealed class WallClockTests
{
    [Fact]
    public async Task TheTestHostAndTheProcessesItStarts_SeeTheWallClockTheRunWasGiven()
    {
        var child = await ChildProcessTimeAsync();
        var here = DateTimeOffset.UtcNow;
        Assert.True((here - child).Duration() < TimeSpan.FromMinutes(1), $"the test host reads {here:O}, a process it starts {child:O}");

        // test.sh says what it meant; a plain `dotnet test` runs on the real clock.
        if (Environment.GetEnvironmentVariable("PARTICIPANTBOT_TEST_REAL_TIME") is not { Length: > 0 } real) return;
        var shift = TimeSpan.FromDays(int.Parse(Environment.GetEnvironmentVariable("PARTICIPANTBOT_TEST_WALL_CLOCK_SHIFT_DAYS") ?? "0", CultureInfo.InvariantCulture));
        var expected = DateTimeOffset.FromUnixTimeSeconds(long.Parse(real, CultureInfo.InvariantCulture)) + shift;
        // The run started at most a few hours before this test.
        Assert.InRange(here, expected, expected + TimeSpan.FromHours(6));
    }

    private static async Task<DateTimeOffset> ChildProcessTimeAsync()
    {
        using var date = Process.Start(new ProcessStartInfo("date", "-u +%s") { RedirectStandardOutput = true })!;
        var output = await date.StandardOutput.ReadToEndAsync();
        await date.WaitForExitAsync();
        return DateTimeOffset.FromUnixTimeSeconds(long.Parse(output.Trim(), CultureInfo.InvariantCulture));
    }
}
