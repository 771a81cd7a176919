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
/// Every text that comes from people is made safe for RFC 5545 before Ical.Net writes it: TEXT values
/// (summary, location, description) keep their line breaks as the escaped \n Ical.Net writes, and lose
/// other control characters; parameter values (CN) are one line without control characters or DQUOTE
/// (which a parameter cannot hold; Ical.Net quotes a value with ';', ':' or ','), so no value can end
/// its line and start a property of its own.
/// </summary>
public static class IcsBuilder
{
    /// <summary>A TEXT property value: printable, line breaks as LF (written \n).</summary>
    public static string TextValue(string? value) => Domain.Common.Text.Printable(value, keepLines: true).Replace('\t', ' ');

    /// <summary>A parameter value (RFC 5545 3.2): one line, no control character, no DQUOTE.</summary>
    public static string ParameterValue(string? value) => Domain.Common.Text.Printable(value).Replace('"', '\'').Trim();

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
            Summary = TextValue(r.Summary),
            Location = s.Venue is null ? null : TextValue(s.Venue),
            Description = TextValue(r.Description),
            Status = r.Cancel ? "CANCELLED" : "CONFIRMED",
            Transparency = "OPAQUE",
            Organizer = new Organizer("mailto:" + ParameterValue(r.OrganizerEmail)) { CommonName = ParameterValue(r.OrganizerName) },
            Url = r.RsvpLink,
        };
        e.Attendees.Add(new Attendee("mailto:" + ParameterValue(r.AttendeeEmail))
        {
            CommonName = ParameterValue(r.AttendeeName),
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
