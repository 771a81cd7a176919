using System.Globalization;
using ParticipantBot.Domain.Campaigns;
using ParticipantBot.Domain.Common;
using ParticipantBot.Resources;

namespace ParticipantBot.Messages;

/// <summary>
/// Times as people read them: in their own zone (the session's when they named none), in their language,
/// the zone named the way people say it ("heure du Maroc", "توقيت المغرب", "Morocco time"), never its tz id.
/// </summary>
public static class SpokenTime
{
    /// <summary>The zone a person reads times in.</summary>
    public static string ZoneOf(Session session, string? personZone) =>
        personZone is { } zone && TimeZones.TryFind(zone, out _) ? zone : session.TimeZoneId;

    /// <summary>"mercredi 10 février 2027 à 09:30 – 13:00 (heure du Maroc)"; the end's date too when it falls on another day.</summary>
    public static string When(Session session, string zoneId, Language language)
    {
        var start = TimeZones.ToLocal(session.StartsAt, zoneId);
        var end = TimeZones.ToLocal(session.EndsAt, zoneId);
        var endText = end.Date == start.Date ? end.ToString("HH:mm", CultureInfo.InvariantCulture) : Texts.DateTime(end, language);
        return $"{Texts.DateTime(start, language)} – {endText} ({ZoneName(zoneId, language)})";
    }

    /// <summary>An instant as a date and time in the zone, with the zone's name.</summary>
    public static string At(DateTimeOffset instant, string zoneId, Language language) =>
        $"{Texts.DateTime(TimeZones.ToLocal(instant, zoneId), language)} ({ZoneName(zoneId, language)})";

    /// <summary>
    /// The zone's spoken name: from the resource files for the zones the consultations use ("Zone.Africa/Casablanca"),
    /// else the time of its city ("heure de Paris"), and "UTC" for the universal zones.
    /// </summary>
    public static string ZoneName(string zoneId, Language language)
    {
        if (Texts.Resources.GetString("Zone." + zoneId, Texts.Culture(language)) is { } named) return named;
        if (zoneId is "UTC" or "Etc/UTC" or "Etc/GMT" or "GMT" or "Etc/Universal" or "Universal" or "Zulu") return Texts.Get("Zone.UTC", language);
        var city = zoneId[(zoneId.LastIndexOf('/') + 1)..].Replace('_', ' ');
        return Texts.Format("Label.TimeZone", language, city);
    }
}
