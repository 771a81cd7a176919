using System.Globalization;
using Microsoft.Graph.Models;
using ParticipantBot.Domain.Campaigns;
using ParticipantBot.Email;
using Participant = ParticipantBot.Domain.Participants.Participant;

namespace ParticipantBot.Outlook;

/// <summary>The Graph event that carries one person's invitation to one session.</summary>
public static class OutlookEvents
{
    public static Event Event(Session session, Participant person, EmailContent content) => new()
    {
        Subject = session.TitleIn(person.Language),
        Body = new ItemBody { ContentType = BodyType.Html, Content = content.Html },
        // In UTC: every client shows it in its own zone, across Casablanca's Ramadan changes too.
        Start = new DateTimeTimeZone { DateTime = Utc(session.StartsAt), TimeZone = "UTC" },
        End = new DateTimeTimeZone { DateTime = Utc(session.EndsAt), TimeZone = "UTC" },
        Location = session.Venue is { } venue ? new Location { DisplayName = venue } : null,
        // One attendee, and hidden from any other: the event exists for this person alone.
        Attendees = [new Attendee { Type = AttendeeType.Required, EmailAddress = new EmailAddress { Address = person.Email, Name = person.FullName } }],
        HideAttendees = true,
        AllowNewTimeProposals = false,
        ResponseRequested = true,
        IsReminderOn = true,
        ReminderMinutesBeforeStart = 60,
        Categories = ["ParticipantBot"],
    };

    private static string Utc(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture);
}
