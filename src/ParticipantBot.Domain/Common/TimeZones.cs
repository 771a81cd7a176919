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
    public static DateTimeOffset ToInstant(DateTime local, string zoneId)
    {
        var zone = Find(zoneId);
        var unspecified = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        if (zone.IsInvalidTime(unspecified))
            throw new DomainException($"{unspecified:yyyy-MM-dd HH:mm} does not exist in {zoneId}: the clocks change then.", "start");
        TimeSpan offset;
        if (zone.IsAmbiguousTime(unspecified))
            offset = zone.GetAmbiguousTimeOffsets(unspecified).Max();
        else
            offset = zone.GetUtcOffset(unspecified);
        return new DateTimeOffset(unspecified, offset).ToUniversalTime();
    }

    /// <summary>The wall-clock time of an instant in a zone, with that moment's offset.</summary>
    public static DateTimeOffset ToLocal(DateTimeOffset instant, string zoneId) =>
        TimeZoneInfo.ConvertTime(instant, Find(zoneId));
}
