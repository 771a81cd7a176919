namespace ParticipantBot.Domain.Common;

/// <summary>
/// Wall-clock times of a place and the instants they stand for. The tz database decides offsets:
/// Africa/Casablanca is UTC+1 most of the year and UTC+0 during Ramadan, with dates that move.
/// </summary>
public static class TimeZones
{
    public const string Default = "Africa/Casablanca";

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, TimeZoneInfo?> Known = new(StringComparer.Ordinal);

    /// <summary>
    /// A zone of the tz database by its IANA name ("Africa/Casablanca", "UTC"). Anything else is not
    /// found, never an exception: a folder of the database ("Africa", "America/Argentina"), a path
    /// ("../x", "Africa/"), a name longer than 64 characters or with other characters than letters,
    /// digits, '_', '+', '-' and '/'.
    /// </summary>
    public static bool TryFind(string? id, out TimeZoneInfo zone)
    {
        zone = TimeZoneInfo.Utc;
        if (string.IsNullOrWhiteSpace(id)) return false;
        var name = id.Trim();
        if (!IsWellFormed(name)) return false;
        var found = Known.Count < 2000 ? Known.GetOrAdd(name, Load) : Load(name);
        if (found is null) return false;
        zone = found;
        return true;
    }

    private static bool IsWellFormed(string name)
    {
        if (name.Length > Limits.TimeZone.Max || name[0] == '/' || name[^1] == '/' || name.Contains("//", StringComparison.Ordinal)) return false;
        foreach (var part in name.Split('/'))
            if (part is "." or ".." || part.Any(c => !(char.IsAsciiLetterOrDigit(c) || c is '_' or '+' or '-'))) return false;
        return true;
    }

    private static TimeZoneInfo? Load(string name)
    {
        try
        {
            var zone = TimeZoneInfo.FindSystemTimeZoneById(name);
            // A zone whose rules cannot say an offset for today's dates is no zone to plan sessions in.
            zone.GetUtcOffset(new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc));
            return zone;
        }
        // A folder of the database, an unreadable or malformed file: all mean "not a zone".
        catch (Exception e) when (e is not OutOfMemoryException) { return null; }
    }

    public static TimeZoneInfo Find(string id, string field = "timeZone") =>
        TryFind(id, out var zone) ? zone : throw new DomainException(Unknown(id, field));

    /// <summary>The problem of a zone id that names no zone.</summary>
    public static Problem Unknown(string? id, string field = "timeZone")
    {
        var shown = id is null ? "" : Text.Printable(id, max: 70);
        return new Problem(field, $"Unknown time zone '{shown}'. Use an IANA name such as Africa/Casablanca.", "timeZone.unknown",
            new Dictionary<string, object?> { ["value"] = shown });
    }

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
        if (OutOfRange(wall, field) is { } outside) throw new DomainException(outside);
        var offsets = new[] { zone.GetUtcOffset(wall.AddDays(-1)), zone.GetUtcOffset(wall), zone.GetUtcOffset(wall.AddDays(1)) }.Distinct();
        var candidates = offsets
            .Select(offset => new DateTimeOffset(wall, offset).ToUniversalTime())
            .Where(instant => TimeZoneInfo.ConvertTime(instant, zone).DateTime == wall)
            .OrderBy(instant => instant)
            .ToList();
        if (candidates.Count == 0)
            throw new DomainException($"{wall:yyyy-MM-dd HH:mm} does not exist in {zoneId}: the clocks change then.", field, "date.skipped",
                new Dictionary<string, object?> { ["value"] = wall.ToString("yyyy-MM-ddTHH:mm", System.Globalization.CultureInfo.InvariantCulture), ["timeZone"] = zoneId });
        return candidates[0];
    }

    /// <summary>The problem of a wall-clock time outside <see cref="Limits.MinDate"/>..<see cref="Limits.MaxDate"/>; null inside.</summary>
    public static Problem? OutOfRange(DateTime local, string field) =>
        local >= Limits.MinDate && local <= Limits.MaxDate ? null
            : new Problem(field, $"'{field}' is {local.ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture)}: dates go from {Limits.MinDate:yyyy-MM-dd} to {Limits.MaxDate:yyyy-MM-dd}.", "date.outOfRange",
                new Dictionary<string, object?> { ["min"] = Limits.MinDate.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), ["max"] = Limits.MaxDate.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) });

    /// <summary>The wall-clock time of an instant in a zone, with that moment's offset.</summary>
    public static DateTimeOffset ToLocal(DateTimeOffset instant, string zoneId) =>
        TimeZoneInfo.ConvertTime(instant, Find(zoneId));
}
