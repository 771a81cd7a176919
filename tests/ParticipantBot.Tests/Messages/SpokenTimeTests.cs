using ParticipantBot.Domain.Campaigns;
using ParticipantBot.Domain.Common;
using ParticipantBot.Messages;

namespace ParticipantBot.Tests.Messages;

/// <summary>Times are given in the reader's zone, named the way people say it, never by the tz database's id.</summary>
public sealed class SpokenTimeTests
{
    private static readonly Session Tangier = Session.Create(Guid.NewGuid(), "Gouvernance",
        new DateTime(2027, 2, 10, 10, 0, 0), new DateTime(2027, 2, 10, 12, 0, 0), TimeZones.Default, "Tanger", 24);

    [Theory]
    [InlineData(Language.Fr, "mercredi 10 février 2027 à 10:00 – 12:00 (heure du Maroc)")]
    [InlineData(Language.Ar, "توقيت المغرب")]
    [InlineData(Language.En, "Wednesday 10 February 2027, 10:00 – 12:00 (Morocco time)")]
    public void MoroccoTime_IsNamedAsPeopleSayIt(Language language, string expected)
    {
        var when = SpokenTime.When(Tangier, TimeZones.Default, language);
        Assert.Contains(expected, when);
        Assert.DoesNotContain("Africa/Casablanca", when);
    }

    [Fact]
    public void APersonInBrussels_ReadsTheTimeInBrussels_DuringRamadanAnHourAheadOfMorocco()
    {
        // 10 February 2027 falls in Ramadan: Morocco is at UTC+0, Brussels at UTC+1.
        var zone = SpokenTime.ZoneOf(Tangier, "Europe/Brussels");
        Assert.Equal("mercredi 10 février 2027 à 11:00 – 13:00 (heure de Bruxelles)", SpokenTime.When(Tangier, zone, Language.Fr));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("Mars/Olympus")]
    public void WithoutAKnownZoneOfTheirOwn_APersonReadsTheSessionsZone(string? personZone) =>
        Assert.Equal(TimeZones.Default, SpokenTime.ZoneOf(Tangier, personZone));

    [Theory]
    [InlineData("America/Argentina/Buenos_Aires", Language.Fr, "heure de Buenos Aires")]
    [InlineData("America/Argentina/Buenos_Aires", Language.En, "Buenos Aires time")]
    [InlineData("Etc/UTC", Language.En, "UTC")]
    public void AZoneWithoutAName_IsCalledAfterItsCity(string zone, Language language, string expected) =>
        Assert.Equal(expected, SpokenTime.ZoneName(zone, language));

    [Fact]
    public void ASessionEndingTheNextDay_SaysTheEndsDate()
    {
        var overnight = Session.Create(Guid.NewGuid(), "Veille", new DateTime(2027, 3, 1, 22, 0, 0), new DateTime(2027, 3, 2, 1, 0, 0), TimeZones.Default, null, null);
        Assert.Equal("Monday 1 March 2027, 22:00 – Tuesday 2 March 2027, 01:00 (Morocco time)", SpokenTime.When(overnight, TimeZones.Default, Language.En));
    }
}
