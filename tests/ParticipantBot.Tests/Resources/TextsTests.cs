using System.Collections;
using System.Globalization;
using System.Resources;
using ParticipantBot.Resources;

namespace ParticipantBot.Tests.Resources;

/// <summary>Every participant-facing text exists in English, French and Arabic.</summary>
public class TextsTests
{
    private static Dictionary<string, string> Read(string culture)
    {
        var set = Texts.Resources.GetResourceSet(CultureInfo.GetCultureInfo(culture), createIfNotExists: true, tryParents: false)
            ?? throw new InvalidOperationException($"No texts for {culture}");
        return set.Cast<DictionaryEntry>().ToDictionary(e => (string)e.Key, e => (string)e.Value!);
    }

    [Theory]
    [InlineData("fr")]
    [InlineData("ar")]
    public void EveryText_ExistsInTheLanguage(string culture)
    {
        var english = Read(CultureInfo.InvariantCulture.Name);
        var other = Read(culture);
        Assert.Empty(english.Keys.Except(other.Keys));
        Assert.Empty(other.Keys.Except(english.Keys));
        Assert.All(other, kv => Assert.False(string.IsNullOrWhiteSpace(kv.Value), kv.Key));
    }

    [Fact]
    public void ArabicTexts_AreWrittenInArabic() =>
        Assert.All(Read("ar").Where(kv => !kv.Key.StartsWith("Status.")), kv => Assert.Matches(@"\p{IsArabic}", kv.Value));

    [Fact]
    public void FormatPlaceholders_AreTheSameInEveryLanguage()
    {
        static string Holes(string s) => string.Join(",", System.Text.RegularExpressions.Regex.Matches(s, @"\{\d\}").Select(m => m.Value).Order());
        var english = Read(CultureInfo.InvariantCulture.Name);
        foreach (var culture in new[] { "fr", "ar" })
            foreach (var (key, text) in Read(culture))
                Assert.True(Holes(english[key]) == Holes(text), $"{culture} {key}");
    }
}
