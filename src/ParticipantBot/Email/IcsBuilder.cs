using Ical.Net;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;
using ParticipantBot.Domain.Campaigns;

namespace ParticipantBot.Email;

/// <summary>What one person's meeting request says.</summary>
public sealed record IcsRequest(
    Session Session, string Uid, int Sequence, bool Cancel,
    string OrganizerName, string OrganizerEmail, string AttendeeName, string AttendeeEmail,
    string Summary, string Description, Uri? RsvpLink, DateTimeOffset Now);

/// <summary>
/// An iCalendar meeting request for one attendee only (METHOD:REQUEST, or CANCEL), with a stable
/// UID and SEQUENCE so that an update or a cancellation replaces the earlier one in the calendar.
/// </summary>
public static class IcsBuilder
{
    public static string Build(IcsRequest r)
    {
        var s = r.Session;
        var calendar = new Calendar { Method = r.Cancel ? "CANCEL" : "REQUEST", ProductId = "-//ParticipantBot//ParticipantBot//EN" };
        var e = new CalendarEvent
        {
            Uid = r.Uid,
            Sequence = r.Sequence,
            DtStamp = new CalDateTime(r.Now.UtcDateTime, "UTC", true),
            DtStart = new CalDateTime(s.LocalStart.DateTime, s.TimeZoneId, true),
            DtEnd = new CalDateTime(s.LocalEnd.DateTime, s.TimeZoneId, true),
            Summary = r.Summary,
            Location = s.Venue,
            Description = r.Description,
            Status = r.Cancel ? "CANCELLED" : "CONFIRMED",
            Transparency = "OPAQUE",
            Organizer = new Organizer("mailto:" + r.OrganizerEmail) { CommonName = r.OrganizerName },
            Url = r.RsvpLink,
        };
        e.Attendees.Add(new Attendee("mailto:" + r.AttendeeEmail)
        {
            CommonName = r.AttendeeName,
            Role = "REQ-PARTICIPANT",
            ParticipationStatus = "NEEDS-ACTION",
            Rsvp = !r.Cancel,
        });
        calendar.Events.Add(e);
        var text = new CalendarSerializer().SerializeToString(calendar)
            ?? throw new InvalidOperationException("The calendar did not serialise.");
        var zone = VTimeZoneWriter.ForSession(s.TimeZoneId, s.StartsAt, s.EndsAt);
        var at = text.IndexOf("BEGIN:VEVENT", StringComparison.Ordinal);
        return text.Insert(at, zone);
    }
}
