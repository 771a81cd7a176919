using ParticipantBot.Domain.Common;

namespace ParticipantBot.Domain.Participants;

/// <summary>An answer to one question of the Washington Group Short Set on Functioning (WG-SS).</summary>
public enum Difficulty { NoDifficulty, Some, ALot, CannotDoAtAll }

/// <summary>Disability as the Washington Group counts it from the six answers.</summary>
public enum DisabilityStatus { WithDisability, WithoutDisability, NotStated }

/// <summary>
/// The six questions of the Washington Group Short Set (seeing, hearing, walking, remembering, self-care,
/// communicating), each answered by the person or skipped (null).
/// </summary>
public sealed record Functioning(
    Difficulty? Seeing = null, Difficulty? Hearing = null, Difficulty? Walking = null,
    Difficulty? Remembering = null, Difficulty? SelfCare = null, Difficulty? Communicating = null)
{
    public static Functioning None { get; } = new();

    /// <summary>The domains in the Short Set's order, as the API, the import and the texts name them.</summary>
    public static IReadOnlyList<string> Domains { get; } = ["seeing", "hearing", "walking", "remembering", "selfCare", "communicating"];

    public IReadOnlyList<Difficulty?> Answers => [Seeing, Hearing, Walking, Remembering, SelfCare, Communicating];

    public bool Any => Answers.Any(a => a is not null);

    /// <summary>
    /// The Washington Group's recommended cut-off: a person has a disability when at least one answer is
    /// "a lot of difficulty" or "cannot do at all"; without one when all six are answered and none is; not
    /// stated otherwise (skipped questions are never read as "no difficulty").
    /// </summary>
    public DisabilityStatus Status =>
        Answers.Any(a => a is Difficulty.ALot or Difficulty.CannotDoAtAll) ? DisabilityStatus.WithDisability
        : Answers.All(a => a is not null) ? DisabilityStatus.WithoutDisability
        : DisabilityStatus.NotStated;

    public static Functioning From(IReadOnlyList<Difficulty?> answers) =>
        answers.Count != 6 ? throw new ArgumentException("The Short Set has six questions.", nameof(answers))
        : new(answers[0], answers[1], answers[2], answers[3], answers[4], answers[5]);

    private static readonly Dictionary<string, Difficulty> Aliases = new[]
    {
        (Difficulty.NoDifficulty, new[] { "1", "no", "none", "no difficulty", "noDifficulty", "non", "aucune", "aucune difficulté", "pas de difficulté", "لا", "لا صعوبة", "لا توجد صعوبة" }),
        (Difficulty.Some, new[] { "2", "some", "some difficulty", "quelques", "quelques difficultés", "quelque difficulté", "un peu", "بعض الصعوبة", "نعم، بعض الصعوبة" }),
        (Difficulty.ALot, new[] { "3", "a lot", "aLot", "a lot of difficulty", "beaucoup", "beaucoup de difficultés", "beaucoup de difficulté", "صعوبة كبيرة", "نعم، صعوبة كبيرة", "الكثير من الصعوبة" }),
        (Difficulty.CannotDoAtAll, new[] { "4", "cannot", "cannot do at all", "cannotDoAtAll", "impossible", "ne peut pas du tout", "je ne peux pas du tout", "لا أستطيع على الإطلاق", "لا يستطيع على الإطلاق", "لا أستطيع مطلقا" }),
    }.SelectMany(x => x.Item2.Select(alias => (Key: Text.Key(alias), Value: x.Item1))).ToDictionary(x => x.Key, x => x.Value);

    /// <summary>An answer as a registration form may write it: 1–4 (the Short Set's codes), English, French or Arabic words; empty is no answer.</summary>
    public static bool TryParse(string? value, out Difficulty? difficulty)
    {
        difficulty = null;
        var key = Text.Key(value);
        if (key.Length == 0) return true;
        if (!Aliases.TryGetValue(key, out var found)) return false;
        difficulty = found;
        return true;
    }
}

/// <summary>
/// Age bands: a campaign lists the lower bounds of its bands (by default 15, 18, 25, 35, 50, 65: under 15,
/// 15–17, 18–24, 25–34, 35–49, 50–64, 65 and over); a person keeps the code of their band ("18-24"), or
/// "preferNotToSay". The UN counts youth as 15–24.
/// </summary>
public static class AgeBands
{
    public const string PreferNotToSay = "preferNotToSay";
    public const string NotStated = "notStated";
    public const int YouthFrom = 15, YouthUntil = 24;
    public const int MaxBounds = 12;

    public static IReadOnlyList<int> DefaultBounds { get; } = [15, 18, 25, 35, 50, 65];

    /// <summary>Every band's code for these bounds, youngest first ("0-14", "15-17", ..., "65+").</summary>
    public static IReadOnlyList<string> Codes(IReadOnlyList<int> bounds)
    {
        var codes = new List<string>();
        var from = 0;
        foreach (var bound in bounds)
        {
            codes.Add($"{from}-{bound - 1}");
            from = bound;
        }
        codes.Add($"{from}+");
        return codes;
    }

    /// <summary>The band's code for an age ("34" gives "25-34"), or null for an age out of 0–120.</summary>
    public static string? ForAge(int age, IReadOnlyList<int> bounds)
    {
        if (age is < 0 or > 120) return null;
        var codes = Codes(bounds);
        for (var i = 0; i < bounds.Count; i++) if (age < bounds[i]) return codes[i];
        return codes[^1];
    }

    /// <summary>Whether a band lies within 15–24 (the UN's youth); null when the band straddles a limit.</summary>
    public static bool? IsYouth(string code)
    {
        if (!TryRange(code, out var from, out var to)) return false;
        if (from >= YouthFrom && to <= YouthUntil) return true;
        if (to < YouthFrom || from > YouthUntil) return false;
        return null;
    }

    /// <summary>Whether the bands tell youth (15–24) apart: 15 and 25 are both bounds.</summary>
    public static bool TellYouth(IReadOnlyList<int> bounds) => bounds.Contains(YouthFrom) && bounds.Contains(YouthUntil + 1);

    public static bool TryRange(string code, out int from, out int to)
    {
        from = to = 0;
        if (code.EndsWith('+')) { to = 150; return int.TryParse(code[..^1], out from); }
        var dash = code.IndexOf('-');
        return dash > 0 && int.TryParse(code[..dash], out from) && int.TryParse(code[(dash + 1)..], out to);
    }

    /// <summary>Bounds an organiser may set: 1 to 12 ages, increasing, each between 1 and 120.</summary>
    public static Problem? Check(IReadOnlyList<int> bounds)
    {
        if (bounds.Count is 0 or > MaxBounds)
            return new("ageBands", $"Age bands need between 1 and {MaxBounds} lower bounds.", "ageBands.count", new Dictionary<string, object?> { ["max"] = MaxBounds });
        for (var i = 0; i < bounds.Count; i++)
            if (bounds[i] is < 1 or > 120 || (i > 0 && bounds[i] <= bounds[i - 1]))
                return new($"ageBands[{i}]", "Age band bounds are increasing ages between 1 and 120.", "ageBands.order");
        return null;
    }

    /// <summary>A band the person may give for these bounds: one of the codes or "preferNotToSay" (null: not answered).</summary>
    public static Problem? CheckAnswer(string? code, IReadOnlyList<int> bounds)
    {
        if (code is null) return null;
        if (Text.Check(code, Limits.AgeBand) is { } problem) return problem;
        return code == PreferNotToSay || Codes(bounds).Contains(code) ? null
            : new("ageBand", $"'{Text.Printable(code, max: 20)}' is not an age band of this campaign ({string.Join(", ", Codes(bounds))}, {PreferNotToSay}).",
                "ageBand.unknown", new Dictionary<string, object?> { ["value"] = Text.Printable(code, max: 20), ["bands"] = string.Join(", ", Codes(bounds)) });
    }
}

/// <summary>What the person says about themselves for the report: their age band and the Short Set, both optional.</summary>
public sealed record SelfDescription(string? AgeBand, Functioning Functioning)
{
    public static SelfDescription None { get; } = new(null, Functioning.None);

    public bool Any => AgeBand is not null || Functioning.Any;
}
