using System.Globalization;
using ParticipantBot.Domain.Common;

namespace ParticipantBot.Campaigns;

/// <summary>Reads the wall-clock times organisers type ("2026-12-08T09:30", "2026-12-08 09:30").</summary>
public static class LocalTime
{
    private static readonly string[] Formats = ["yyyy-MM-ddTHH:mm", "yyyy-MM-ddTHH:mm:ss", "yyyy-MM-dd HH:mm", "yyyy-MM-dd HH:mm:ss", "yyyy-MM-dd"];

    /// <summary>
    /// The local time in the zone; a value with an offset or Z is converted into the zone first. Dates
    /// outside <see cref="Limits.MinDate"/>..<see cref="Limits.MaxDate"/> (years 0001 and 9999 among them)
    /// are refused before any arithmetic, naming the field.
    /// </summary>
    public static DateTime Parse(string? value, string zoneId, string field)
    {
        if (string.IsNullOrWhiteSpace(value))
            throw new DomainException($"'{field}' is missing: give a local date and time such as 2026-12-08T09:30.", field, "date.required");
        var text = value.Trim();
        if (text.Length > 40) throw NotADate(field, text);
        if (DateTime.TryParseExact(text, Formats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
            return Within(local, field);
        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var withOffset))
        {
            // Checked as given and once more in the zone: an offset may carry a date over the edge.
            Within(withOffset.UtcDateTime, field);
            var zone = TimeZones.Find(zoneId);
            return Within(TimeZoneInfo.ConvertTime(withOffset, zone).DateTime, field);
        }
        throw NotADate(field, text);
    }

    private static DateTime Within(DateTime local, string field) =>
        TimeZones.OutOfRange(DateTime.SpecifyKind(local, DateTimeKind.Unspecified), field) is { } problem ? throw new DomainException(problem) : local;

    private static DomainException NotADate(string field, string text) =>
        new($"'{field}' is not a date and time: '{Text.Printable(text, max: 40)}'. Use the form 2026-12-08T09:30.", field, "date.invalid",
            new Dictionary<string, object?> { ["format"] = "yyyy-MM-ddTHH:mm" });
}
