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
        var sb = new StringBuilder(text.Length);
        foreach (var rune in Fold(text).EnumerateRunes())
        {
            if (Keep(rune)) sb.Append(rune.ToString());
        }
        return sb.ToString();
    }

    /// <summary>
    /// The distinct character bigrams of the normalised text, each packed into one number (two code
    /// points of 21 bits), so thousands of questions compare without allocating strings. A
    /// one-character text is its own "gram".
    /// </summary>
    public static HashSet<long> Bigrams(string? text)
    {
        var grams = new HashSet<long>();
        if (string.IsNullOrEmpty(text)) return grams;
        long previous = -1;
        var kept = 0;
        foreach (var rune in Fold(text).EnumerateRunes())
        {
            if (!Keep(rune)) continue;
            if (previous >= 0) grams.Add((previous << 21) | (long)rune.Value);
            previous = rune.Value;
            kept++;
        }
        if (kept == 1) grams.Add(previous);
        return grams;
    }

    public static double Jaccard(IReadOnlySet<long> a, IReadOnlySet<long> b)
    {
        if (a.Count == 0 || b.Count == 0) return 0;
        var (small, large) = a.Count <= b.Count ? (a, b) : (b, a);
        var shared = small.Count(large.Contains);
        return (double)shared / (a.Count + b.Count - shared);
    }

    public static double Similarity(string? a, string? b) => Jaccard(Bigrams(a), Bigrams(b));

    private static string Fold(string text) =>
        (text.IsNormalized(NormalizationForm.FormKC) ? text : text.Normalize(NormalizationForm.FormKC)).ToLowerInvariant();

    private static bool Keep(Rune rune) =>
        Rune.IsLetterOrDigit(rune) || Rune.GetUnicodeCategory(rune) is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark;
}
