using System.Globalization;
using System.Text;

namespace ParticipantBot.Domain.Common;

public static class Text
{
    /// <summary>
    /// A comparison key for names and emails: trimmed, case-folded, accents and Arabic diacritics
    /// removed, runs of spaces collapsed. "Fatima  Zahra EL-Idrissi" and "fatima zahra el-idrissi" match.
    /// </summary>
    public static string Key(string? value)
    {
        if (string.IsNullOrWhiteSpace(value)) return string.Empty;
        var decomposed = Normalized(value.Trim(), NormalizationForm.FormD);
        var sb = new StringBuilder(decomposed.Length);
        var lastWasSpace = false;
        foreach (var c in decomposed)
        {
            var category = CharUnicodeInfo.GetUnicodeCategory(c);
            if (category == UnicodeCategory.NonSpacingMark || c == '\u0640') continue; // accents, harakat, tatweel
            if (char.IsWhiteSpace(c))
            {
                if (!lastWasSpace) sb.Append(' ');
                lastWasSpace = true;
                continue;
            }
            lastWasSpace = false;
            sb.Append(char.ToLowerInvariant(c));
        }
        return Normalized(sb.ToString(), NormalizationForm.FormC);
    }

    /// <summary>
    /// Unicode normalisation that cannot fail: it refuses lone surrogates and noncharacters with an exception,
    /// so those become U+FFFD first (a key is for comparing, not for showing).
    /// </summary>
    private static string Normalized(string value, NormalizationForm form)
    {
        var safe = WellFormed(value);
        if (safe.AsSpan().IndexOfAnyInRange('\uFDD0', '\uFDEF') >= 0 || safe.Contains('\uFFFE') || safe.Contains('\uFFFF'))
            safe = string.Concat(safe.Select(c => c is >= '\uFDD0' and <= '\uFDEF' or '\uFFFE' or '\uFFFF' ? '\uFFFD' : c));
        try { return safe.Normalize(form); }
        catch (ArgumentException) { return safe; }
    }

    /// <summary>The text with each lone surrogate replaced by U+FFFD, so that normalisation and encoders accept it.</summary>
    public static string WellFormed(string value)
    {
        var index = 0;
        for (; index < value.Length; index++)
        {
            if (char.IsHighSurrogate(value[index]) && index + 1 < value.Length && char.IsLowSurrogate(value[index + 1])) { index++; continue; }
            if (char.IsSurrogate(value[index])) break;
        }
        if (index >= value.Length) return value;
        var chars = value.ToCharArray();
        for (var i = index; i < chars.Length; i++)
        {
            if (char.IsHighSurrogate(chars[i]) && i + 1 < chars.Length && char.IsLowSurrogate(chars[i + 1])) { i++; continue; }
            if (char.IsSurrogate(chars[i])) chars[i] = '\uFFFD';
        }
        return new string(chars);
    }

    public static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    /// <summary>
    /// What is wrong with a text for a field, or null when it may be kept: longer than the rule's
    /// maximum once trimmed; a C0 or C1 control character (CR, LF and tab only in multi-line fields);
    /// a bidi embedding, override or isolate (U+202A-U+202E, U+2066-U+2069), which can make a text
    /// display otherwise than it reads (LRM, RLM, ALM, ZWJ and ZWNJ, which Arabic needs, are kept);
    /// a lone surrogate or U+FFFE/U+FFFF, which no file format can carry.
    /// </summary>
    public static Problem? Check(string? value, TextRule rule, string? field = null)
    {
        field ??= rule.Field;
        if (value is null) return null;
        var trimmed = value.AsSpan().Trim();
        if (trimmed.Length > rule.Max)
            return new Problem(field, $"The {field} has more than {rule.Max} characters ({trimmed.Length}).", "text.tooLong",
                new Dictionary<string, object?> { ["max"] = rule.Max, ["length"] = trimmed.Length });
        for (var i = 0; i < trimmed.Length; i++)
        {
            var c = trimmed[i];
            if (IsRefusedControl(c, rule.MultiLine))
                return new Problem(field, rule.MultiLine
                        ? $"The {field} holds a control character (U+{(int)c:X4}); only line breaks and tabs are allowed."
                        : $"The {field} holds a control character (U+{(int)c:X4}); it is one line of text, without line breaks or tabs.",
                    "text.controlCharacter", new Dictionary<string, object?> { ["character"] = $"U+{(int)c:X4}", ["position"] = i });
            if (IsBidiControl(c))
                return new Problem(field, $"The {field} holds a bidirectional embedding or override character (U+{(int)c:X4}), which can make it display otherwise than it reads.",
                    "text.bidiOverride", new Dictionary<string, object?> { ["character"] = $"U+{(int)c:X4}", ["position"] = i });
            if (char.IsHighSurrogate(c) && i + 1 < trimmed.Length && char.IsLowSurrogate(trimmed[i + 1])) { i++; continue; }
            if (char.IsSurrogate(c) || c is '\uFFFE' or '\uFFFF')
                return new Problem(field, $"The {field} holds an invalid character (U+{(int)c:X4}).",
                    "text.invalidCharacter", new Dictionary<string, object?> { ["character"] = $"U+{(int)c:X4}", ["position"] = i });
        }
        return null;
    }

    /// <summary>The text as kept (trimmed; null when blank), or a <see cref="DomainException"/> naming the field and the rule it breaks.</summary>
    public static string? Valid(string? value, TextRule rule, string? field = null) =>
        Check(value, rule, field) is { } problem ? throw new DomainException(problem) : Clean(value);

    /// <summary>A C0 or C1 control character, DEL included; CR, LF and tab count as text only where lines are allowed.</summary>
    public static bool IsRefusedControl(char c, bool multiLine) =>
        (c < '\u0020' && !(multiLine && c is '\r' or '\n' or '\t')) || c is >= '\u007F' and <= '\u009F';

    /// <summary>The explicit bidi formatting characters: LRE, RLE, PDF, LRO, RLO and LRI, RLI, FSI, PDI.</summary>
    public static bool IsBidiControl(char c) => c is >= '\u202A' and <= '\u202E' or >= '\u2066' and <= '\u2069';

    /// <summary>
    /// A text made safe to write whatever it holds (for data stored before the rules, or coming from
    /// outside): control characters become spaces (line breaks too, unless <paramref name="keepLines"/>),
    /// bidi controls, lone surrogates and U+FFFE/U+FFFF are dropped, and it is cut to <paramref name="max"/> characters.
    /// </summary>
    public static string Printable(string? value, bool keepLines = false, int max = int.MaxValue)
    {
        if (string.IsNullOrEmpty(value)) return string.Empty;
        var sb = new StringBuilder(Math.Min(value.Length, max));
        for (var i = 0; i < value.Length && sb.Length < max; i++)
        {
            var c = value[i];
            if (char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
            {
                if (sb.Length + 2 > max) break;
                sb.Append(c).Append(value[++i]);
                continue;
            }
            if (char.IsSurrogate(c) || c is '\uFFFE' or '\uFFFF' || IsBidiControl(c)) continue;
            if (keepLines && c == '\r') { if (i + 1 < value.Length && value[i + 1] == '\n') continue; sb.Append('\n'); continue; }
            sb.Append(IsRefusedControl(c, keepLines) ? ' ' : c);
        }
        return sb.ToString();
    }
}
