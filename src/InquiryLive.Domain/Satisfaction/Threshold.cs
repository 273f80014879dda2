namespace InquiryLive.Domain.Satisfaction;

/// <summary>
/// A share of a base as Chinese law words it, kept as an exact fraction: "过半数" is <em>more than</em>
/// 1/2 (strict), "半数以上" and "三分之二以上" <em>include</em> the bound. Compared with integers only,
/// so 79.99 % never meets an 80 % bar and 2 of 4 is never more than half.
/// </summary>
public sealed record Threshold(int Numerator, int Denominator, bool Strict)
{
    /// <summary>True when <paramref name="count"/> of <paramref name="of"/> meets the bar; an empty base never does.</summary>
    public bool IsMetBy(int count, int of)
    {
        if (of <= 0) return false;
        var left = (long)count * Denominator;
        var right = (long)Numerator * of;
        return Strict ? left > right : left >= right;
    }

    /// <summary>The smallest count of <paramref name="of"/> that meets the bar (e.g. 18 of 35 for 过半数).</summary>
    public int SmallestCountFor(int of)
    {
        var product = (long)Numerator * of;
        var whole = product / Denominator;
        var exact = product % Denominator == 0;
        return (int)(Strict ? whole + 1 : exact ? whole : whole + 1);
    }

    /// <summary>A fraction in lowest terms with 0 &lt; n ≤ d ≤ 100: anything else is not a share of a base.</summary>
    public bool IsWellFormed => Numerator > 0 && Denominator is > 0 and <= 100 && Numerator <= Denominator;
}

/// <summary>A threshold under the name committees use for it, chosen from a list in the pages.</summary>
public sealed record ThresholdPreset(string Key, Threshold Threshold, string NameZh, string NameEn);

/// <summary>
/// The named thresholds a session can choose from. The key is what the API carries; a stored vote
/// keeps the fraction itself, so a past result never changes meaning if this list grows.
/// </summary>
public static class ThresholdPresets
{
    public static readonly ThresholdPreset MoreThanHalf = new("moreThanHalf", new(1, 2, true), "过半数", "more than half");
    public static readonly ThresholdPreset HalfOrMore = new("halfOrMore", new(1, 2, false), "半数以上", "half or more");
    public static readonly ThresholdPreset SixtyPercentOrMore = new("sixtyPercentOrMore", new(3, 5, false), "百分之六十以上", "60 % or more");
    public static readonly ThresholdPreset TwoThirdsOrMore = new("twoThirdsOrMore", new(2, 3, false), "三分之二以上", "two thirds or more");
    public static readonly ThresholdPreset MoreThanTwoThirds = new("moreThanTwoThirds", new(2, 3, true), "超过三分之二", "more than two thirds");
    public static readonly ThresholdPreset SeventyPercentOrMore = new("seventyPercentOrMore", new(7, 10, false), "百分之七十以上", "70 % or more");
    public static readonly ThresholdPreset EightyPercentOrMore = new("eightyPercentOrMore", new(4, 5, false), "百分之八十以上", "80 % or more");
    public static readonly ThresholdPreset NinetyPercentOrMore = new("ninetyPercentOrMore", new(9, 10, false), "百分之九十以上", "90 % or more");

    public static readonly IReadOnlyList<ThresholdPreset> All =
    [
        MoreThanHalf, HalfOrMore, SixtyPercentOrMore, TwoThirdsOrMore, MoreThanTwoThirds, SeventyPercentOrMore,
        EightyPercentOrMore, NinetyPercentOrMore,
    ];

    public static ThresholdPreset? Find(string? key) => All.FirstOrDefault(p => p.Key == key);

    /// <summary>The preset of a stored fraction; null for one no preset names (then it is shown as a fraction).</summary>
    public static ThresholdPreset? Of(Threshold threshold) => All.FirstOrDefault(p => p.Threshold == threshold);
}
