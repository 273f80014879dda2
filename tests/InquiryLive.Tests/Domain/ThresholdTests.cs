using InquiryLive.Domain.Satisfaction;

namespace InquiryLive.Tests.Domain;

/// <summary>
/// Every preset at its bound, for committees of 3, 4, 6, 35 and 70: the smallest count that meets
/// it, and one fewer that does not. The expected counts are worked out by hand from the law's wording
/// (过半数 is more than half, 以上 includes the bound), not computed from the code under test.
/// </summary>
public sealed class ThresholdTests
{
    [Theory]
    // 过半数: more than half. 2 of 4 is not; 17 of 35 is not; 35 of 70 is not.
    [InlineData("moreThanHalf", 3, 2)]
    [InlineData("moreThanHalf", 4, 3)]
    [InlineData("moreThanHalf", 6, 4)]
    [InlineData("moreThanHalf", 35, 18)]
    [InlineData("moreThanHalf", 70, 36)]
    // 半数以上: half or more. 2 of 4 is; 35 of 70 is.
    [InlineData("halfOrMore", 3, 2)]
    [InlineData("halfOrMore", 4, 2)]
    [InlineData("halfOrMore", 6, 3)]
    [InlineData("halfOrMore", 35, 18)]
    [InlineData("halfOrMore", 70, 35)]
    // 三分之二以上: exactly two thirds is enough (4 of 6); 23.33 of 35 needs 24.
    [InlineData("twoThirdsOrMore", 3, 2)]
    [InlineData("twoThirdsOrMore", 4, 3)]
    [InlineData("twoThirdsOrMore", 6, 4)]
    [InlineData("twoThirdsOrMore", 35, 24)]
    [InlineData("twoThirdsOrMore", 70, 47)]
    // 超过三分之二: exactly two thirds is not enough (4 of 6, 2 of 3).
    [InlineData("moreThanTwoThirds", 3, 3)]
    [InlineData("moreThanTwoThirds", 4, 3)]
    [InlineData("moreThanTwoThirds", 6, 5)]
    [InlineData("moreThanTwoThirds", 35, 24)]
    [InlineData("moreThanTwoThirds", 70, 47)]
    // 百分之六十以上.
    [InlineData("sixtyPercentOrMore", 3, 2)]
    [InlineData("sixtyPercentOrMore", 4, 3)]
    [InlineData("sixtyPercentOrMore", 6, 4)]
    [InlineData("sixtyPercentOrMore", 35, 21)]
    [InlineData("sixtyPercentOrMore", 70, 42)]
    // 百分之七十以上: 24.5 of 35 needs 25.
    [InlineData("seventyPercentOrMore", 3, 3)]
    [InlineData("seventyPercentOrMore", 4, 3)]
    [InlineData("seventyPercentOrMore", 6, 5)]
    [InlineData("seventyPercentOrMore", 35, 25)]
    [InlineData("seventyPercentOrMore", 70, 49)]
    // 百分之八十以上: exactly 80 % is enough (28 of 35, 56 of 70).
    [InlineData("eightyPercentOrMore", 3, 3)]
    [InlineData("eightyPercentOrMore", 4, 4)]
    [InlineData("eightyPercentOrMore", 6, 5)]
    [InlineData("eightyPercentOrMore", 35, 28)]
    [InlineData("eightyPercentOrMore", 70, 56)]
    // 百分之九十以上.
    [InlineData("ninetyPercentOrMore", 3, 3)]
    [InlineData("ninetyPercentOrMore", 4, 4)]
    [InlineData("ninetyPercentOrMore", 6, 6)]
    [InlineData("ninetyPercentOrMore", 35, 32)]
    [InlineData("ninetyPercentOrMore", 70, 63)]
    public void Preset_IsMetFromItsSmallestCount_AndNotOneBelow(string preset, int of, int smallest)
    {
        var threshold = ThresholdPresets.Find(preset)!.Threshold;

        Assert.True(threshold.IsMetBy(smallest, of));
        Assert.False(threshold.IsMetBy(smallest - 1, of));
        Assert.True(threshold.IsMetBy(of, of));
        Assert.Equal(smallest, threshold.SmallestCountFor(of));
    }

    [Fact]
    public void EightyPercent_At79Point99Percent_IsNotMet_ButAt80PercentIs()
    {
        var eighty = ThresholdPresets.EightyPercentOrMore.Threshold;
        Assert.False(eighty.IsMetBy(7999, 10000));
        Assert.True(eighty.IsMetBy(8000, 10000));
        // 3999 / 5000 = 79.98 %: a screen rounding to 80.0 % must not make it pass.
        Assert.False(eighty.IsMetBy(3999, 5000));
    }

    [Fact]
    public void ExactlyHalf_IsNotMoreThanHalf_ButIsHalfOrMore()
    {
        Assert.False(ThresholdPresets.MoreThanHalf.Threshold.IsMetBy(2, 4));
        Assert.True(ThresholdPresets.HalfOrMore.Threshold.IsMetBy(2, 4));
        Assert.False(ThresholdPresets.MoreThanHalf.Threshold.IsMetBy(35, 70));
        Assert.True(ThresholdPresets.HalfOrMore.Threshold.IsMetBy(35, 70));
    }

    [Fact]
    public void ExactlyTwoThirds_IsTwoThirdsOrMore_ButNotMoreThanTwoThirds()
    {
        Assert.True(ThresholdPresets.TwoThirdsOrMore.Threshold.IsMetBy(4, 6));
        Assert.False(ThresholdPresets.MoreThanTwoThirds.Threshold.IsMetBy(4, 6));
    }

    [Fact]
    public void AnEmptyBase_NeverMeetsABar()
    {
        Assert.All(ThresholdPresets.All, p => Assert.False(p.Threshold.IsMetBy(0, 0)));
    }

    [Fact]
    public void HugeCounts_DoNotOverflow()
    {
        Assert.True(ThresholdPresets.EightyPercentOrMore.Threshold.IsMetBy(int.MaxValue, int.MaxValue));
        Assert.False(ThresholdPresets.MoreThanHalf.Threshold.IsMetBy(int.MaxValue / 2, int.MaxValue - 1));
    }

    [Fact]
    public void Presets_HaveDistinctKeysAndFractions_AndAreWellFormed()
    {
        Assert.Equal(ThresholdPresets.All.Count, ThresholdPresets.All.Select(p => p.Key).Distinct().Count());
        Assert.Equal(ThresholdPresets.All.Count, ThresholdPresets.All.Select(p => p.Threshold).Distinct().Count());
        Assert.All(ThresholdPresets.All, p => Assert.True(p.Threshold.IsWellFormed));
        Assert.Equal("过半数", ThresholdPresets.Of(new Threshold(1, 2, true))!.NameZh);
        Assert.Null(ThresholdPresets.Of(new Threshold(80, 100, false)));
        Assert.Equal("80/100以上", RuleWords.ThresholdZh(new Threshold(80, 100, false)));
    }
}
