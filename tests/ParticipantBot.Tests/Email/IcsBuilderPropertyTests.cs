using System.Text.RegularExpressions;
using CsCheck;
using Ical.Net;
using ParticipantBot.Domain.Campaigns;
using ParticipantBot.Domain.Common;
using ParticipantBot.Email;
using ParticipantBot.Tests.Support;

namespace ParticipantBot.Tests.Email;

/// <summary>The iCalendar writer fed any name, title, venue and text: every line is a property of ours, and each value reads back as written.</summary>
public sealed class IcsBuilderPropertyTests
{
    private static readonly Regex PropertyLine = new("^[A-Z][A-Z0-9-]*[;:]", RegexOptions.CultureInvariant);

    private static readonly HashSet<string> Properties =
    [
        "BEGIN", "END", "VERSION", "PRODID", "METHOD", "CALSCALE", "UID", "SEQUENCE", "DTSTAMP", "DTSTART", "DTEND", "SUMMARY", "LOCATION", "DESCRIPTION",
        "STATUS", "TRANSP", "ORGANIZER", "URL", "ATTENDEE", "TZID", "TZOFFSETFROM", "TZOFFSETTO", "TZNAME",
    ];

    private static string Build(string name, string title, string? venue, string description)
    {
        var session = Session.Create(Guid.NewGuid(), "S", new DateTime(2027, 3, 20, 9, 30, 0), new DateTime(2027, 3, 20, 12, 0, 0), TimeZones.Default, venue: "V");
        // The session keeps only what its rules allow; the writer must cope with anything (data stored before them, names from Teams).
        typeof(Session).GetProperty(nameof(Session.Venue))!.SetValue(session, venue);
        return IcsBuilder.Build(new IcsRequest(session, "uid-1@participantbot", 1, false, "Organiser\r\nX: y", "org@example.org", name, "awa@example.org",
            title, description, new Uri("https://bot.example.org/rsvp/abc"), new DateTimeOffset(2027, 3, 1, 8, 0, 0, TimeSpan.Zero)));
    }

    [Fact]
    public void AnyNameTitleVenueAndText_StayInsideTheirOwnProperties_AndReadBackAsWritten()
    {
        var texts = Gen.Select(HostileText.Any, HostileText.Any, HostileText.Any, HostileText.Any);
        Seeded.Check(texts, t =>
        {
            var (name, title, venue, description) = t;
            var ics = Build(name, title, venue.Length == 0 ? null : venue, description);

            // Lines end in CRLF only, and each is a property of ours or the continuation of one (RFC 5545 3.1).
            Assert.DoesNotContain('\0', ics);
            var lines = ics.Split("\r\n");
            Assert.Equal("", lines[^1]);
            foreach (var line in lines[..^1])
            {
                Assert.DoesNotContain('\r', line);
                Assert.DoesNotContain('\n', line);
                Assert.True(line.StartsWith(' ') || PropertyLine.IsMatch(line), $"A line that is no property: {Seeded.Escape(line)}");
            }
            var unfolded = Regex.Replace(ics, "\r\n[ \t]", "").Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
            foreach (var line in unfolded)
                Assert.True(Properties.Contains(Regex.Match(line, "^[A-Z0-9-]+").Value), $"An unexpected property: {Seeded.Escape(line)}");
            Assert.Single(unfolded, l => l.StartsWith("ATTENDEE", StringComparison.Ordinal));
            Assert.Single(unfolded, l => l.StartsWith("SUMMARY", StringComparison.Ordinal));
            Assert.Equal(2, unfolded.Count(l => l.StartsWith("BEGIN:VEVENT", StringComparison.Ordinal) || l.StartsWith("END:VEVENT", StringComparison.Ordinal)));

            // A calendar reader sees the values the writer was given, made printable.
            var e = Assert.Single(Calendar.Load(ics)!.Events);
            Assert.Equal(IcsBuilder.TextValue(title), e.Summary);
            Assert.Equal(IcsBuilder.TextValue(description), e.Description);
            if (venue.Length > 0) Assert.Equal(IcsBuilder.TextValue(venue), e.Location);
            var attendee = Assert.Single(e.Attendees);
            Assert.Equal(IcsBuilder.ParameterValue(name), attendee.CommonName ?? "");
            Assert.Equal("mailto:awa@example.org", attendee.Value?.ToString());
        }, iterations: 400);
    }

    [Fact]
    public void ALineBreakInAName_DoesNotStartALineOfTheCalendar()
    {
        var ics = Build("Awa\r\nATTENDEE;CN=Mallory:mailto:mallory@example.org\r\nX", "Gouvernance", "Hôtel", "Texte");
        Assert.Single(Regex.Replace(ics, "\r\n[ \t]", "").Split("\r\n"), l => l.StartsWith("ATTENDEE", StringComparison.Ordinal));
        Assert.DoesNotContain("\r\nATTENDEE;CN=Mallory", ics);
    }
}
