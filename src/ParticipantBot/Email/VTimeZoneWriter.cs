using System.Globalization;
using System.Text;

namespace ParticipantBot.Email;

/// <summary>
/// Writes a VTIMEZONE from the tz database's actual transitions (one RDATE-free component per
/// transition), instead of yearly rules: Africa/Casablanca's Ramadan changes follow no yearly rule,
/// and the generator in Ical.Net turns them into wrong ones.
/// </summary>
public static class VTimeZoneWriter
{
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<(string, DateTimeOffset, DateTimeOffset), string> Written = new();

    /// <summary>The zone's VTIMEZONE for the calendar years around a session (computed once per zone and years).</summary>
    public static string ForSession(string zoneId, DateTimeOffset startsAt, DateTimeOffset endsAt)
    {
        var from = new DateTimeOffset(startsAt.Year - 1, 1, 1, 0, 0, 0, TimeSpan.Zero);
        var to = new DateTimeOffset(endsAt.Year + 1, 12, 31, 0, 0, 0, TimeSpan.Zero);
        return Written.GetOrAdd((zoneId, from, to), key => Write(key.Item1, key.Item2, key.Item3));
    }

    public static string Write(string zoneId, DateTimeOffset fromUtc, DateTimeOffset toUtc)
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById(zoneId);
        var sb = new StringBuilder();
        sb.Append("BEGIN:VTIMEZONE\r\n").Append("TZID:").Append(zoneId).Append("\r\n");
        var start = fromUtc.UtcDateTime.AddDays(-1);
        var offset = zone.GetUtcOffset(start);
        // The offset in force when the range begins, then every change inside it.
        Component(sb, zone, start, offset, offset);
        foreach (var (at, before, after) in Transitions(zone, start, toUtc.UtcDateTime.AddDays(1)))
            Component(sb, zone, at, before, after);
        sb.Append("END:VTIMEZONE\r\n");
        return sb.ToString();
    }

    /// <summary>The instants (UTC, to the minute) at which the zone's offset changes.</summary>
    public static IEnumerable<(DateTime AtUtc, TimeSpan Before, TimeSpan After)> Transitions(TimeZoneInfo zone, DateTime fromUtc, DateTime toUtc)
    {
        var previous = zone.GetUtcOffset(DateTime.SpecifyKind(fromUtc, DateTimeKind.Utc));
        for (var t = DateTime.SpecifyKind(fromUtc, DateTimeKind.Utc); t < toUtc; t = t.AddHours(1))
        {
            var next = t.AddHours(1);
            var offset = zone.GetUtcOffset(next);
            if (offset == previous) continue;
            var low = t;
            var high = next; // the change happens in (low, high]
            while (high - low > TimeSpan.FromMinutes(1))
            {
                var middle = low + (high - low) / 2;
                if (zone.GetUtcOffset(middle) == previous) low = middle; else high = middle;
            }
            var at = new DateTime(high.Ticks - high.Ticks % TimeSpan.TicksPerMinute, DateTimeKind.Utc);
            if (zone.GetUtcOffset(at) == previous) at = at.AddMinutes(1);
            yield return (at, previous, offset);
            previous = offset;
        }
    }

    private static void Component(StringBuilder sb, TimeZoneInfo zone, DateTime atUtc, TimeSpan before, TimeSpan after)
    {
        var kind = zone.IsDaylightSavingTime(DateTime.SpecifyKind(atUtc, DateTimeKind.Utc)) ? "DAYLIGHT" : "STANDARD";
        // DTSTART is the onset as a wall-clock time of the offset in force before it (RFC 5545 3.6.5).
        var local = atUtc + before;
        sb.Append("BEGIN:").Append(kind).Append("\r\n")
          .Append("DTSTART:").Append(local.ToString("yyyyMMdd'T'HHmmss", CultureInfo.InvariantCulture)).Append("\r\n")
          .Append("TZOFFSETFROM:").Append(Offset(before)).Append("\r\n")
          .Append("TZOFFSETTO:").Append(Offset(after)).Append("\r\n")
          .Append("TZNAME:").Append(Name(after)).Append("\r\n")
          .Append("END:").Append(kind).Append("\r\n");
    }

    private static string Offset(TimeSpan offset) =>
        (offset < TimeSpan.Zero ? "-" : "+") + offset.Duration().ToString("hhmm", CultureInfo.InvariantCulture);

    private static string Name(TimeSpan offset) =>
        offset == TimeSpan.Zero ? "+00" : (offset < TimeSpan.Zero ? "-" : "+") + offset.Duration().ToString(offset.Minutes == 0 ? "hh" : "hhmm", CultureInfo.InvariantCulture);
}
