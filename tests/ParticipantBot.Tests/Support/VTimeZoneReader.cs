using System.Globalization;
using System.Text.RegularExpressions;

namespace ParticipantBot.Tests.Support;

/// <summary>
/// Evaluates a VTIMEZONE the way a calendar client does, from its own text (not from a tz
/// database), so that a test checks what Outlook or Gmail would show.
/// </summary>
public static class VTimeZoneReader
{
    public static TimeSpan OffsetAt(string ics, DateTime localWallClock)
    {
        var block = Regex.Match(ics, "BEGIN:VTIMEZONE.*?END:VTIMEZONE", RegexOptions.Singleline).Value;
        Assert.False(string.IsNullOrEmpty(block), "no VTIMEZONE");
        Assert.DoesNotContain("RRULE", block); // explicit transitions only
        var onsets = Regex.Matches(block, @"BEGIN:(STANDARD|DAYLIGHT)\s+DTSTART:(\d{8}T\d{6})\s+TZOFFSETFROM:([+-]\d{4})\s+TZOFFSETTO:([+-]\d{4})")
            .Select(m => (Start: DateTime.ParseExact(m.Groups[2].Value, "yyyyMMdd'T'HHmmss", CultureInfo.InvariantCulture), To: Offset(m.Groups[4].Value)))
            .OrderBy(o => o.Start).ToList();
        Assert.NotEmpty(onsets);
        return onsets.Last(o => o.Start <= localWallClock).To;
    }

    private static TimeSpan Offset(string s) => (s[0] == '-' ? -1 : 1) * new TimeSpan(int.Parse(s[1..3]), int.Parse(s[3..5]), 0);
}
