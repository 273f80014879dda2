using System.Globalization;
using System.Text;

namespace InquiryLive.Domain.Moderation;

/// <summary>
/// How alike two questions are, for Chinese text that has no spaces between words: normalise
/// (NFKC, lower case, punctuation, symbols and whitespace removed), cut into overlapping character
/// bigrams, and compare the bigram sets with Jaccard (shared / all). 1 is the same text, 0 nothing shared.
/// </summary>
public static class TextSimilarity
{
    public static string Normalize(string? text)
    {
        if (string.IsNullOrEmpty(text)) return string.Empty;
        var folded = text.Normalize(NormalizationForm.FormKC).ToLowerInvariant();
        var sb = new StringBuilder(folded.Length);
        foreach (var rune in folded.EnumerateRunes())
        {
            var category = Rune.GetUnicodeCategory(rune);
            if (Rune.IsLetterOrDigit(rune) || category is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark)
            {
                sb.Append(rune.ToString());
            }
        }
        return sb.ToString();
    }

    /// <summary>The distinct character bigrams of the normalised text (a one-character text is its own "gram").</summary>
    public static HashSet<string> Bigrams(string? text)
    {
        var normal = Normalize(text);
        var runes = normal.EnumerateRunes().Select(r => r.ToString()).ToArray();
        var grams = new HashSet<string>(StringComparer.Ordinal);
        if (runes.Length == 1) grams.Add(runes[0]);
        for (var i = 0; i + 1 < runes.Length; i++) grams.Add(runes[i] + runes[i + 1]);
        return grams;
    }

    public static double Jaccard(IReadOnlySet<string> a, IReadOnlySet<string> b)
    {
        if (a.Count == 0 || b.Count == 0) return 0;
        var (small, large) = a.Count <= b.Count ? (a, b) : (b, a);
        var shared = small.Count(large.Contains);
        return (double)shared / (a.Count + b.Count - shared);
    }

    public static double Similarity(string? a, string? b) => Jaccard(Bigrams(a), Bigrams(b));
}
