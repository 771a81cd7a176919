using System.Globalization;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Time.Testing;
using ParticipantBot.Security;

namespace ParticipantBot.Tests.Security;

/// <summary>One helper seals every token that acts for a person: its purpose, the person, and when it expires.</summary>
public sealed class SignedTokensTests
{
    private static readonly DateTimeOffset Now = new(2027, 1, 10, 9, 0, 0, TimeSpan.Zero);
    private readonly FakeTimeProvider _clock = new(Now);
    private readonly EphemeralDataProtectionProvider _keys = new();
    private SignedTokens Tokens => new(_keys, _clock);

    [Fact]
    public void AToken_ReadsBackAsTheSubjectAndThePersonItWasMadeFor()
    {
        var (subject, person) = (Guid.NewGuid(), Guid.NewGuid());
        var read = Tokens.Read(TokenPurpose.CardAction, Tokens.Issue(TokenPurpose.CardAction, subject, person, number: 3));
        Assert.Equal(new SignedToken(subject, person, 3, null, false), read);
    }

    [Fact]
    public void ATokenOfOnePurpose_MeansNothingToAnother()
    {
        var survey = Tokens.Issue(TokenPurpose.Survey, Guid.NewGuid(), Guid.NewGuid());
        Assert.Null(Tokens.Read(TokenPurpose.Rsvp, survey));
        Assert.Null(Tokens.Read(TokenPurpose.CardAction, survey));
        Assert.NotNull(Tokens.Read(TokenPurpose.Survey, survey));
    }

    [Fact]
    public void AnExpiringToken_SaysSoOnceItsTimeHasPassed_ToTheSecond()
    {
        var token = Tokens.Issue(TokenPurpose.Rsvp, Guid.NewGuid(), Guid.NewGuid(), expiresAt: Now.AddDays(1));
        Assert.False(Tokens.Read(TokenPurpose.Rsvp, token)!.IsExpired);
        _clock.Advance(TimeSpan.FromDays(1));
        Assert.False(Tokens.Read(TokenPurpose.Rsvp, token)!.IsExpired);
        _clock.Advance(TimeSpan.FromSeconds(1));
        Assert.True(Tokens.Read(TokenPurpose.Rsvp, token)!.IsExpired);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("not-a-token")]
    [InlineData("CfDJ8")]
    public void Nonsense_ReadsAsNothing(string? token) => Assert.Null(Tokens.Read(TokenPurpose.Rsvp, token));

    [Fact]
    public void AnAlteredOrOverlongToken_ReadsAsNothing()
    {
        var token = Tokens.Issue(TokenPurpose.Survey, Guid.NewGuid(), Guid.NewGuid());
        var altered = token[..^2] + (token[^2] == 'A' ? "B" : "A") + token[^1];
        Assert.Null(Tokens.Read(TokenPurpose.Survey, altered));
        Assert.Null(Tokens.Read(TokenPurpose.Survey, token + new string('A', SignedTokens.MaxLength)));
    }

    [Fact]
    public void APurposeRefusesAMissingOrUnwantedPart()
    {
        Assert.Throws<ArgumentException>(() => Tokens.Issue(TokenPurpose.Rsvp, Guid.NewGuid(), Guid.NewGuid()));
        Assert.Throws<ArgumentException>(() => Tokens.Issue(TokenPurpose.Survey, Guid.NewGuid(), Guid.NewGuid(), number: 1));
    }

    /// <summary>Links already in people's inboxes were sealed by the three classes this helper replaced: they keep working.</summary>
    [Fact]
    public void LinksSealedBeforeTheHelper_StillRead()
    {
        var (subject, person) = (Guid.NewGuid(), Guid.NewGuid());
        var expires = Now.AddDays(30).ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var rsvp = _keys.CreateProtector("ParticipantBot.Rsvp.v1").Protect($"{subject:N}.{person:N}.{expires}");
        var survey = _keys.CreateProtector("ParticipantBot.Survey.v1").Protect($"{subject:N}.{person:N}");
        var card = _keys.CreateProtector("ParticipantBot.TeamsCard.v1").Protect($"{subject:N}.{person:N}.4");

        Assert.Equal(new SignedToken(subject, person, null, DateTimeOffset.FromUnixTimeSeconds(long.Parse(expires, CultureInfo.InvariantCulture)), false),
            Tokens.Read(TokenPurpose.Rsvp, rsvp));
        Assert.Equal(new SignedToken(subject, person, null, null, false), Tokens.Read(TokenPurpose.Survey, survey));
        Assert.Equal(new SignedToken(subject, person, 4, null, false), Tokens.Read(TokenPurpose.CardAction, card));
    }

    [Fact]
    public void TheThreeKindsOfLink_AreSealedByThisHelperAlone()
    {
        // Nothing else in the service seals with Data Protection, but the health check that proves the key ring can.
        var offenders = NetArchTest.Rules.Types.InAssembly(Architecture.ModuleGraph.Service).That()
            .HaveDependencyOn("Microsoft.AspNetCore.DataProtection.IDataProtector").GetTypes()
            .Select(t => t.FullName).Where(n => n != typeof(SignedTokens).FullName && n != typeof(Health.KeyRingHealthCheck).FullName).ToList();
        Assert.Empty(offenders);
    }
}
