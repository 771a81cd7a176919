using System.Globalization;
using ParticipantBot.Domain.Common;

namespace ParticipantBot.Campaigns;

/// <summary>Reads the wall-clock times organisers type ("2026-12-08T09:30", "2026-12-08 09:30").</summary>
public static class LocalTime
{
    private static readonly string[] Formats = ["yyyy-MM-ddTHH:mm", "yyyy-MM-ddTHH:mm:ss", "yyyy-MM-dd HH:mm", "yyyy-MM-dd HH:mm:ss", "yyyy-MM-dd"];

    /// <summary>The local time in the zone; a value with an offset or Z is converted into the zone first.</summary>
    public static DateTime Parse(string? value, string zoneId, string field)
    {
        if (string.IsNullOrWhiteSpace(value)) throw new DomainException($"'{field}' is missing: give a local date and time such as 2026-12-08T09:30.", field);
        var text = value.Trim();
        if (DateTime.TryParseExact(text, Formats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
            return local;
        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var withOffset))
            return TimeZones.ToLocal(withOffset, zoneId).DateTime;
        throw new DomainException($"'{field}' is not a date and time: '{text}'. Use the form 2026-12-08T09:30.", field);
    }
}
