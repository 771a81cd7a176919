using ParticipantBot.Domain.Common;
using ParticipantBot.Domain.Participants;

namespace ParticipantBot.Domain.Tests.Participants;

public class ParticipantTests
{
    private static ParticipantDetails Details(string name = "Fatima Zahra El Idrissi", string? email = "fz@example.org") =>
        new() { FullName = name, Email = email, Group = "youth", Sex = Sex.Female, Language = Language.Ar };

    [Fact]
    public void SamePerson_MatchesOnEmailAndName_IgnoringCaseAndAccents()
    {
        var p = Participant.Create(Guid.NewGuid(), Details(), DateTimeOffset.UtcNow);
        Assert.True(p.IsSamePerson("FZ@Example.org", "fatima  zahra el idrissi"));
        Assert.False(p.IsSamePerson("fz@example.org", "Khadija Benali")); // a shared address is another person
    }

    [Fact]
    public void ArabicName_RoundTripsAndMatchesWithoutDiacritics()
    {
        var p = Participant.Create(Guid.NewGuid(), Details("فَاطِمة الزهراء"), DateTimeOffset.UtcNow);
        Assert.Equal("فَاطِمة الزهراء", p.FullName);
        Assert.True(p.IsSamePerson("fz@example.org", "فاطمة الزهراء"));
    }

    [Theory]
    [InlineData("not-an-email", "email")]
    [InlineData("a@b", "email")]
    [InlineData("two@@example.org", "email")]
    public void BadEmail_IsNamed(string email, string field) =>
        Assert.Contains(Details(email: email).Problems(), p => p.Field == field);

    [Fact]
    public void EmailChannel_WithoutEmail_IsAProblem() =>
        Assert.Contains((Details(email: null) with { Channel = PreferredChannel.Email }).Problems(), p => p.Field == "email");

    [Fact]
    public void TeamsChannel_WithObjectIdOnly_IsFine() =>
        Assert.Empty((Details(email: null) with { Channel = PreferredChannel.Teams, TeamsObjectId = "00000000-0000-0000-0000-0000000000020" }).Problems());

    [Fact]
    public void MissingName_IsAProblem() =>
        Assert.Contains(Details(name: " ").Problems(), p => p.Field == "fullName");
}
