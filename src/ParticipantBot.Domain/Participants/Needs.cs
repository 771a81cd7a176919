using ParticipantBot.Domain.Common;

namespace ParticipantBot.Domain.Participants;

/// <summary>Practical needs of a participant for a session's logistics.</summary>
public sealed record Needs(
    bool Transport = false,
    string? Diet = null,
    string? Accessibility = null,
    string? Interpretation = null,
    string? Other = null)
{
    public static Needs None { get; } = new();

    public bool Any => Transport || Diet is not null || Accessibility is not null || Interpretation is not null || Other is not null;
}

/// <summary>What the free texts of needs may hold (<see cref="Limits"/>): multi-line, each with its maximum.</summary>
public static class NeedsRules
{
    public static IEnumerable<Problem> Problems(Needs needs) =>
        new[]
        {
            Text.Check(needs.Diet, Limits.Diet), Text.Check(needs.Accessibility, Limits.Accessibility),
            Text.Check(needs.Interpretation, Limits.Interpretation), Text.Check(needs.Other, Limits.OtherNeeds),
        }.OfType<Problem>();

    public static void Validate(Needs needs)
    {
        if (Problems(needs).FirstOrDefault() is { } problem) throw new DomainException(problem);
    }
}

/// <summary>When and through which channel a participant agreed to their data being kept, and to which text.</summary>
public sealed record Consent(DateTimeOffset GivenAt, Common.AnswerChannel Channel, string TextVersion)
{
    /// <summary>The version of the consent statement the RSVP page and the Teams card show today.</summary>
    public const string CurrentTextVersion = "2026-11";
}
