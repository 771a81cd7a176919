using ParticipantBot.Domain.Common;

namespace ParticipantBot.Domain.Tests.Common;

/// <summary>Africa/Casablanca is UTC+1, and UTC+0 during Ramadan (7 Feb to 14 Mar 2027 in the tz database).</summary>
public class TimeZonesTests
{
    [Theory]
    [InlineData("2027-02-04T10:00", "2027-02-04T09:00Z")] // before Ramadan: +01
    [InlineData("2027-02-10T10:00", "2027-02-10T10:00Z")] // during Ramadan: +00
    [InlineData("2027-03-15T10:00", "2027-03-15T09:00Z")] // after: +01 again
    public void LocalTime_InCasablanca_FollowsTheRamadanChange(string local, string expectedUtc)
    {
        var instant = TimeZones.ToInstant(DateTime.Parse(local), "Africa/Casablanca");
        Assert.Equal(DateTimeOffset.Parse(expectedUtc), instant);
        Assert.Equal(TimeSpan.Zero, instant.Offset);
    }

    [Fact]
    public void LocalTime_SkippedByTheClockChange_IsRefusedWithAReason()
    {
        var e = Assert.Throws<DomainException>(() => TimeZones.ToInstant(new DateTime(2027, 3, 14, 2, 30, 0), "Africa/Casablanca"));
        Assert.Contains("does not exist", e.Message);
    }

    [Fact]
    public void LocalTime_ThatHappensTwice_TakesItsFirstOccurrence()
    {
        var instant = TimeZones.ToInstant(new DateTime(2027, 2, 7, 2, 30, 0), "Africa/Casablanca");
        Assert.Equal(new DateTimeOffset(2027, 2, 7, 1, 30, 0, TimeSpan.Zero), instant);
    }

    [Fact]
    public void ToLocal_ShowsTheOffsetOfThatMoment()
    {
        Assert.Equal(TimeSpan.FromHours(1), TimeZones.ToLocal(new DateTimeOffset(2027, 2, 1, 9, 0, 0, TimeSpan.Zero), "Africa/Casablanca").Offset);
        Assert.Equal(TimeSpan.Zero, TimeZones.ToLocal(new DateTimeOffset(2027, 2, 20, 9, 0, 0, TimeSpan.Zero), "Africa/Casablanca").Offset);
    }

    [Fact]
    public void UnknownZone_IsRefusedByName()
    {
        var e = Assert.Throws<DomainException>(() => TimeZones.Find("Africa/Atlantis"));
        Assert.Contains("Africa/Atlantis", e.Message);
    }

    [Theory]
    [InlineData("Africa")]
    [InlineData("America/Argentina")]
    [InlineData("America")]
    [InlineData("Africa/")]
    [InlineData("/Africa/Casablanca")]
    [InlineData("../../etc/passwd")]
    [InlineData("Africa/../Europe/Paris")]
    [InlineData("Africa Casablanca")]
    public void Find_OfAFolderOrAPath_IsADomainExceptionNamingTheField(string id)
    {
        Assert.False(TimeZones.TryFind(id, out _));
        var e = Assert.Throws<DomainException>(() => TimeZones.Find(id));
        Assert.Equal(("timeZone", "timeZone.unknown"), (e.Field, e.Code));
    }

    [Theory]
    [InlineData("Africa/Casablanca")]
    [InlineData("America/Argentina/Buenos_Aires")]
    [InlineData("Etc/GMT+1")]
    [InlineData("UTC")]
    public void Find_OfARealZone_FindsIt(string id) => Assert.True(TimeZones.TryFind(id, out _));

    [Theory]
    [InlineData(1, 1, 1)]
    [InlineData(9999, 12, 31)]
    [InlineData(1999, 12, 31)]
    [InlineData(2100, 1, 1)]
    public void ToInstant_OfADateOutsideTheRange_IsRefusedNamingTheField(int year, int month, int day)
    {
        var e = Assert.Throws<DomainException>(() => TimeZones.ToInstant(new DateTime(year, month, day, 0, 0, 0), TimeZones.Default, "end"));
        Assert.Equal(("end", "date.outOfRange"), (e.Field, e.Code));
    }
}
