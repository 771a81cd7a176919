using ParticipantBot.Domain.Common;

namespace ParticipantBot.Domain.Tests.Common;

public class TextTests
{
    private static readonly TextRule OneLine = new("name", 10);
    private static readonly TextRule Lines = new("agenda", 10, MultiLine: true);

    [Theory]
    [InlineData("a\u0000b")]
    [InlineData("a\u001Bb")]
    [InlineData("a\u007Fb")]
    [InlineData("a\u0085b")]
    [InlineData("a\u009Bb")]
    [InlineData("a\nb")]
    [InlineData("a\rb")]
    [InlineData("a\tb")]
    public void Check_RefusesControlCharacters_InOneLineFields(string value) =>
        Assert.Equal("text.controlCharacter", Text.Check(value, OneLine)!.Code);

    [Theory]
    [InlineData("a\nb")]
    [InlineData("a\r\nb")]
    [InlineData("a\tb")]
    public void Check_KeepsLineBreaksAndTabs_InMultiLineFields(string value) => Assert.Null(Text.Check(value, Lines));

    [Theory]
    [InlineData("a\u0000b")]
    [InlineData("a\u0085b")]
    public void Check_RefusesOtherControlCharacters_InMultiLineFieldsToo(string value) =>
        Assert.Equal("text.controlCharacter", Text.Check(value, Lines)!.Code);

    [Theory]
    [InlineData("\u202A")]
    [InlineData("\u202B")]
    [InlineData("\u202C")]
    [InlineData("\u202D")]
    [InlineData("\u202E")]
    [InlineData("\u2066")]
    [InlineData("\u2067")]
    [InlineData("\u2068")]
    [InlineData("\u2069")]
    public void Check_RefusesBidiEmbeddingsOverridesAndIsolates(string c) =>
        Assert.Equal("text.bidiOverride", Text.Check("a" + c + "b", OneLine)!.Code);

    [Theory]
    [InlineData("\u200E")]
    [InlineData("\u200F")]
    [InlineData("\u061C")]
    [InlineData("\u200D")]
    [InlineData("\u200C")]
    public void Check_KeepsTheMarksAndJoinersArabicNeeds(string c) => Assert.Null(Text.Check("ب" + c + "ت", OneLine));

    // Code points, not strings: an attribute cannot carry a lone surrogate.
    [Theory]
    [InlineData(0xD800)]
    [InlineData(0xDC00)]
    [InlineData(0xFFFE)]
    [InlineData(0xFFFF)]
    public void Check_RefusesLoneSurrogatesAndNoncharacters(int code) =>
        Assert.Equal("text.invalidCharacter", Text.Check("a" + (char)code + "b", OneLine)!.Code);

    [Fact]
    public void Check_CountsTheTrimmedText_AndSaysTheMaximum()
    {
        Assert.Null(Text.Check("   0123456789   ", OneLine));
        var problem = Text.Check("01234567890", OneLine)!;
        Assert.Equal(("name", "text.tooLong", 10), (problem.Field, problem.Code, (int)problem.Args!["max"]!));
        Assert.Null(Text.Check("😀😀😀😀😀", OneLine));
    }

    [Fact]
    public void Valid_ThrowsADomainExceptionNamingTheFieldAndCode()
    {
        var e = Assert.Throws<DomainException>(() => Text.Valid("a\nb", OneLine, "fullName"));
        Assert.Equal(("fullName", "text.controlCharacter"), (e.Field, e.Code));
    }

    [Fact]
    public void Printable_DropsWhatNoFileCarries_AndKeepsLinesWhenAsked()
    {
        Assert.Equal("a b", Text.Printable("a\u0000b"));
        Assert.Equal("ab😀", Text.Printable("a\u202Eb" + (char)0xD800 + "😀\uFFFF"));
        Assert.Equal("a\nb\nc", Text.Printable("a\r\nb\rc", keepLines: true));
        Assert.Equal("a b", Text.Printable("a\nb"));
        Assert.Equal("abc", Text.Printable("abcdef", max: 3));
    }

    [Fact]
    public void Key_OfATextWithLoneSurrogatesOrNoncharacters_IsAKey_NotAnException()
    {
        Assert.Equal(Text.Key("awa\uFFFD"), Text.Key("Awa" + (char)0xD800));
        Assert.NotNull(Text.Key("\uFFFE\uFDD0x"));
    }

    [Fact]
    public void Limits_ListEveryTextRule_WithinTheirColumns()
    {
        Assert.Contains(Limits.All, r => r.Name == nameof(Limits.Organisation) && r.Rule.Max == 200);
        Assert.All(Limits.All, r => Assert.InRange(r.Rule.Max, 1, 4000));
        Assert.Equal(200, Limits.FullName.Max);
        Assert.Equal(254, Limits.Email.Max);
    }
}
