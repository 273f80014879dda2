using System.Globalization;
using System.Text;

namespace InquiryLive.Domain.Text;

/// <summary>
/// Every piece of user text (questions, nicknames, reasons, feed posts) passes through here before
/// it is stored: Unicode NFC, control and bidirectional-override characters removed, runs of
/// whitespace collapsed to one space, trimmed. Text is stored and rendered as plain text only.
/// </summary>
public static class PlainText
{
    public static string Normalize(string? input, bool keepLineBreaks = false)
    {
        if (string.IsNullOrEmpty(input)) return string.Empty;
        var text = input.Normalize(NormalizationForm.FormC);
        var sb = new StringBuilder(text.Length);
        var pendingSpace = false;
        var pendingBreak = false;
        foreach (var rune in text.EnumerateRunes())
        {
            if (keepLineBreaks && rune.Value == '\n')
            {
                pendingBreak = sb.Length > 0;
                pendingSpace = false;
                continue;
            }
            if (Rune.IsWhiteSpace(rune))
            {
                pendingSpace = sb.Length > 0;
                continue;
            }
            if (IsInvisibleOrDangerous(rune)) continue;
            if (pendingBreak) sb.Append('\n');
            else if (pendingSpace) sb.Append(' ');
            pendingSpace = pendingBreak = false;
            sb.Append(rune.ToString());
        }
        return sb.ToString();
    }

    /// <summary>Length as a reader counts it: user-perceived characters, not UTF-16 units.</summary>
    public static int VisibleLength(string text) => new StringInfo(text).LengthInTextElements;

    private static bool IsInvisibleOrDangerous(Rune rune)
    {
        var v = rune.Value;
        // Bidi embeddings, overrides and isolates (the "Trojan source" characters) and marks.
        if (v is >= 0x202A and <= 0x202E or >= 0x2066 and <= 0x2069 or 0x200E or 0x200F or 0x061C) return true;
        // Zero-width characters and the byte-order mark.
        if (v is 0x200B or 0x200C or 0x200D or 0x2060 or 0xFEFF) return true;
        var category = Rune.GetUnicodeCategory(rune);
        return category is UnicodeCategory.Control or UnicodeCategory.Format
            or UnicodeCategory.Surrogate or UnicodeCategory.PrivateUse or UnicodeCategory.OtherNotAssigned;
    }
}
