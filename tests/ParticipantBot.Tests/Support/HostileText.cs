using CsCheck;

namespace ParticipantBot.Tests.Support;

/// <summary>Generators of the texts a hostile user types: formula and CSV characters, line breaks, controls, bidi overrides, Arabic, emoji, lone surrogates.</summary>
public static class HostileText
{
    public static readonly string[] Pieces =
    [
        "a", "Z", "0", "7", " ", "  ", "=", "+", "-", "@", "'", "\"", ";", ",", ":", "\\", "^", "\t", "\r", "\n", "\r\n",
        "\0", "\u0001", "\u001B", "\u007F", "\u0085", "\u009B", "\u202E", "\u2066", "\u200E", "\u200F", "\u200D", "\u200C",
        "é", "ç", "ا", "ل", "م", "ـ", "\u064E", "😀", "\uD800", "\uDC00", "\uFFFE", "\uFFFF", "<", ">", "&", "%0A", "=HYPERLINK(\"http://x\")",
        "+212 6 12 34 56 78", "BEGIN:VEVENT", "END:VCALENDAR", "ATTENDEE;CN=x:mailto:y", "Fatima Zahra", "Youssef El Amrani",
    ];

    /// <summary>Any mix of the pieces, up to about 60 of them.</summary>
    public static Gen<string> Any { get; } = Gen.OneOf(Pieces).Array[0, 60].Select(string.Concat);

    /// <summary>Texts made only of what a stored value may hold (no control, bidi-override or invalid characters), trimmed, one line.</summary>
    public static Gen<string> Storable { get; } = Any.Select(s => ParticipantBot.Domain.Common.Text.Printable(s).Replace('\t', ' ').Trim());
}
