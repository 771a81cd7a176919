namespace ParticipantBot.Domain.Common;

/// <summary>
/// Wall-clock times of a place and the instants they stand for. The tz database decides offsets:
/// Africa/Casablanca is UTC+1 most of the year and UTC+0 during Ramadan, with dates that move.
/// </summary>
public static class TimeZones
{
    public const string Default = "Africa/Casablanca";

    public static bool TryFind(string? id, out TimeZoneInfo zone)
    {
        zone = TimeZoneInfo.Utc;
        if (string.IsNullOrWhiteSpace(id)) return false;
        try
        {
            zone = TimeZoneInfo.FindSystemTimeZoneById(id.Trim());
            return true;
        }
        catch (TimeZoneNotFoundException) { return false; }
        catch (InvalidTimeZoneException) { return false; }
    }

    public static TimeZoneInfo Find(string id) =>
        TryFind(id, out var zone) ? zone : throw new DomainException($"Unknown time zone '{id}'. Use an IANA name such as Africa/Casablanca.", "timeZone");

    /// <summary>
    /// The instant a local wall-clock time stands for. A time skipped by a clock change is refused;
    /// a time that happens twice takes its first occurrence.
    /// </summary>
    /// <remarks>
    /// TimeZoneInfo's local-to-UTC checks (IsInvalidTime, IsAmbiguousTime) miss the gaps of zones
    /// modelled with negative daylight saving, as Africa/Casablanca is during Ramadan; its UTC-to-local
    /// conversion follows the tz transitions exactly. So each offset in force around the time is
    /// tried, and kept only when converting back gives the same wall-clock time.
    /// </remarks>
    public static DateTimeOffset ToInstant(DateTime local, string zoneId, string field = "start")
    {
        var zone = Find(zoneId);
        var wall = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        var offsets = new[] { zone.GetUtcOffset(wall.AddDays(-1)), zone.GetUtcOffset(wall), zone.GetUtcOffset(wall.AddDays(1)) }.Distinct();
        var candidates = offsets
            .Select(offset => new DateTimeOffset(wall, offset).ToUniversalTime())
            .Where(instant => TimeZoneInfo.ConvertTime(instant, zone).DateTime == wall)
            .OrderBy(instant => instant)
            .ToList();
        if (candidates.Count == 0)
            throw new DomainException($"{wall:yyyy-MM-dd HH:mm} does not exist in {zoneId}: the clocks change then.", field);
        return candidates[0];
    }

    /// <summary>The wall-clock time of an instant in a zone, with that moment's offset.</summary>
    public static DateTimeOffset ToLocal(DateTimeOffset instant, string zoneId) =>
        TimeZoneInfo.ConvertTime(instant, Find(zoneId));
}
