using InquiryLive.Domain.Moderation;

namespace InquiryLive.Tests.Domain;

public sealed class TextSimilarityTests
{
    [Fact]
    public void Normalize_FoldsWidthAndCase_AndDropsPunctuationAndSpaces()
    {
        Assert.Equal("物业费abc123", TextSimilarity.Normalize(" 物业费，ＡＢＣ　１２３？！"));
    }

    [Fact]
    public void TheSameQuestion_WithDifferentPunctuation_IsIdentical()
    {
        Assert.Equal(1.0, TextSimilarity.Similarity("小区物业费为什么年年上涨？", "小区物业费，为什么年年上涨!"));
    }

    [Theory]
    [InlineData("老旧小区加装电梯的补贴什么时候发放？", "老旧小区加装电梯补贴什么时候发？")]
    [InlineData("停车位只租不售是否合法？", "小区停车位只租不售合法吗")]
    [InlineData("垃圾分类后收运车为什么又混装？", "垃圾分类了，收运车为什么还混装")]
    public void Rewordings_OfOneQuestion_ScoreAsDuplicates(string a, string b)
    {
        Assert.True(TextSimilarity.Similarity(a, b) >= 0.5, $"{a} / {b}: {TextSimilarity.Similarity(a, b):0.00}");
    }

    [Theory]
    [InlineData("小区物业费为什么年年上涨？", "物业费年年涨，小区业主怎么办")]
    [InlineData("老旧小区加装电梯的补贴什么时候发放？", "垃圾分类的收运时间能否调整？")]
    [InlineData("物业公司不作为怎么办？", "业主委员会如何成立？")]
    public void DifferentQuestions_DoNotScoreAsDuplicates(string a, string b)
    {
        Assert.True(TextSimilarity.Similarity(a, b) < 0.5, $"{a} / {b}: {TextSimilarity.Similarity(a, b):0.00}");
    }

    [Fact]
    public void EmptyOrPunctuationOnlyText_IsSimilarToNothing()
    {
        Assert.Equal(0, TextSimilarity.Similarity("？？？", "？？？"));
        Assert.Equal(0, TextSimilarity.Similarity("", "物业"));
    }

    [Fact]
    public void Clusters_LinkChainsOfNearDuplicates_AndLeaveLoneQuestionsOut()
    {
        var finder = new DuplicateFinder<int>([
            new(1, "老旧小区加装电梯补贴什么时候发放？"),
            new(2, "业主委员会选举如何启动？"),
            new(3, "老旧小区加装电梯的补贴什么时候发放"),
            new(4, "加装电梯补贴什么时候发放？"),
            new(5, "小区停车位只租不售是否合法？"),
            new(6, "停车位只租不售合法吗？"),
        ]);

        var clusters = finder.Clusters(0.5);

        Assert.Equal([[1, 3, 4], [5, 6]], clusters.Select(c => c.ToArray()).ToArray());
    }

    [Fact]
    public void Clusters_OfThousandsOfQuestions_AreFound()
    {
        var topics = new[] { "物业费上涨", "电梯维修", "停车位出租", "垃圾分类", "绿化带被占", "充电桩安装", "公共收益", "门禁收费" };
        var items = Enumerable.Range(0, 4000).Select(i =>
            new SimilarityItem<int>(i, $"关于{topics[i % topics.Length]}的问题，小区业主想知道处理进度和负责部门{(i % 3 == 0 ? "？" : "")}"));

        var clusters = new DuplicateFinder<int>(items).Clusters(0.8);

        Assert.Equal(topics.Length, clusters.Count);
        Assert.All(clusters, c => Assert.Equal(500, c.Count));
    }

    [Theory]
    [InlineData(0.4)]
    [InlineData(0.5)]
    [InlineData(0.7)]
    public void Clusters_AgreeWithComparingEveryPair(double threshold)
    {
        var random = new Random(7);
        var parts = new[] { "物业", "电梯", "停车", "小区", "补贴", "收费", "维修", "公开", "账目", "业主", "为什么", "什么时候", "谁来管", "合法吗" };
        var texts = Enumerable.Range(0, 300).Select(_ => string.Concat(Enumerable.Range(0, random.Next(2, 7)).Select(_ => parts[random.Next(parts.Length)]))).ToArray();

        var clusters = new DuplicateFinder<int>(texts.Select((t, i) => new SimilarityItem<int>(i, t))).Clusters(threshold);

        // Brute force: union every pair at or above the threshold.
        var parent = Enumerable.Range(0, texts.Length).ToArray();
        int Find(int i) => parent[i] == i ? i : parent[i] = Find(parent[i]);
        for (var i = 0; i < texts.Length; i++)
        {
            for (var j = 0; j < i; j++)
            {
                if (TextSimilarity.Similarity(texts[i], texts[j]) >= threshold) parent[Find(i)] = Find(j);
            }
        }
        var expected = Enumerable.Range(0, texts.Length).GroupBy(Find).Where(g => g.Count() > 1)
            .Select(g => string.Join(",", g.Order())).Order().ToArray();
        Assert.Equal(expected, clusters.Select(c => string.Join(",", c.Order())).Order().ToArray());
    }

    [Fact]
    public void Similar_ReturnsTheTopMatchesAboveTheThreshold_ExcludingItself()
    {
        var finder = new DuplicateFinder<string>([
            new("a", "小区物业费为什么每年都在上涨？"),
            new("b", "小区物业费为什么年年上涨？"),
            new("c", "垃圾分类的收运时间能否调整？"),
        ]);

        var matches = finder.Similar("小区物业费为什么每年都在上涨？", top: 5, threshold: 0.3, self: "a");

        Assert.Equal(["b"], matches.Select(m => m.Key));
    }
}
