using ParticipantBot.Domain.Common;
using ParticipantBot.Participants.Import;
using ParticipantBot.Tests.Support;

namespace ParticipantBot.Tests.Api;

/// <summary>The README's "Limits" section says the limits the code enforces.</summary>
public sealed class LimitsDocumentationTests
{
    private static string Section()
    {
        var readme = File.ReadAllText(RepositoryPaths.Combine("README.md"));
        var start = readme.IndexOf("## Limits", StringComparison.Ordinal);
        Assert.True(start >= 0, "The README has no Limits section.");
        var end = readme.IndexOf("\n## ", start + 5, StringComparison.Ordinal);
        return readme[start..(end < 0 ? readme.Length : end)];
    }

    [Fact]
    public void ReadmeLimits_ListEveryTextFieldWithItsMaximum()
    {
        var section = Section();
        foreach (var (name, rule) in Limits.All)
        {
            var field = rule.Field.Contains('.') ? rule.Field[(rule.Field.IndexOf('.') + 1)..] : rule.Field;
            var line = section.Split('\n').FirstOrDefault(l => l.StartsWith('|') && l.Contains($"`{field}`") && l.Contains($"| {rule.Max} |"))
                ?? section.Split('\n').FirstOrDefault(l => l.StartsWith('|') && l.Contains(field, StringComparison.OrdinalIgnoreCase) && l.Contains($"| {rule.Max} |"));
            Assert.True(line is not null, $"Limits.{name} ({rule.Field}, {rule.Max}) is not in the README's Limits table.");
            Assert.Contains(rule.MultiLine ? "several" : "one", line);
        }
    }

    [Fact]
    public void ReadmeLimits_SayTheDateRangeAndTheUploadLimits()
    {
        var section = Section();
        Assert.Contains(Limits.MinDate.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) + " 00:00 to " + Limits.MaxDate.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) + " 23:59", section);
        Assert.Contains($"{GuestListLimits.MaxFileBytes / 1024 / 1024} MB", section);
        Assert.Contains($"{GuestListLimits.MaxUncompressedBytes / 1024 / 1024} MB", section);
        Assert.Contains(GuestListLimits.MaxRows.ToString("N0", System.Globalization.CultureInfo.InvariantCulture) + " under the header", section);
        Assert.Contains($"| {GuestListLimits.MaxColumns} |", section);
        Assert.Contains(GuestListLimits.MaxCellLength.ToString("N0", System.Globalization.CultureInfo.InvariantCulture) + " characters", section);
        Assert.Contains($"| {GuestListLimits.MaxZipEntries} |", section);
    }
}
