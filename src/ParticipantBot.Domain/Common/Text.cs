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
        var decomposed = value.Trim().Normalize(NormalizationForm.FormD);
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
        return sb.ToString().Normalize(NormalizationForm.FormC);
    }

    public static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
