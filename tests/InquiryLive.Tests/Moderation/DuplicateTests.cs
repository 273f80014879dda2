using System.Net.Http.Json;
using System.Text.Json;
using InquiryLive.Tests.Infrastructure;

namespace InquiryLive.Tests.Moderation;

public sealed class DuplicateTests
{
    [Fact]
    public async Task SimilarQuestions_AreSuggestedMostSimilarFirst_AndUnrelatedOnesAreNot()
    {
        using var app = new InquiryApp();
        var sessionId = await app.DemoSessionId();
        var id = await app.Submit(sessionId, "小区物业费为什么每年都在上涨？");
        var close = await app.Submit(sessionId, "小区物业费为什么年年上涨？");
        var closer = await app.Submit(sessionId, "小区的物业费为什么每年都在上涨");
        await app.Submit(sessionId, "垃圾分类的收运时间能否调整？");
        var moderator = await app.SignedIn("moderator1");

        var similar = await moderator.GetFromJsonAsync<JsonElement>(ModerationTestKit.Url(sessionId, $"questions/{id}/similar"));

        var found = similar.EnumerateArray().Select(s => s.GetProperty("question").GetProperty("id").GetGuid()).ToArray();
        Assert.Equal([closer, close], found);
        Assert.True(similar[0].GetProperty("score").GetDouble() > similar[1].GetProperty("score").GetDouble());
    }

    [Fact]
    public async Task Clusters_GroupPendingNearDuplicates_WithTheMostAskedAsTarget()
    {
        using var app = new InquiryApp();
        var sessionId = await app.DemoSessionId();
        var a1 = await app.Submit(sessionId, "老旧小区加装电梯补贴什么时候发放？");
        var a2 = await app.Submit(sessionId, "老旧小区加装电梯的补贴什么时候发放", meToo: 5);
        var a3 = await app.Submit(sessionId, "加装电梯补贴什么时候发放？");
        var b1 = await app.Submit(sessionId, "小区停车位只租不售是否合法？");
        var b2 = await app.Submit(sessionId, "停车位只租不售合法吗？");
        await app.Submit(sessionId, "业主委员会选举如何启动？");
        var moderator = await app.SignedIn("moderator1");

        var clusters = await moderator.GetFromJsonAsync<JsonElement>(ModerationTestKit.Url(sessionId, "clusters"));

        Assert.Equal(2, clusters.GetArrayLength());
        var elevator = clusters[0];
        Assert.Equal(a2, elevator.GetProperty("suggestedTargetId").GetGuid());
        Assert.Equal(new HashSet<Guid> { a1, a2, a3 }, Members(elevator));
        Assert.Equal(1 + 1 + 6, elevator.GetProperty("askedBy").GetInt32());
        Assert.Equal(new HashSet<Guid> { b1, b2 }, Members(clusters[1]));
    }

    private static HashSet<Guid> Members(JsonElement cluster) =>
        cluster.GetProperty("questions").EnumerateArray().Select(q => q.GetProperty("id").GetGuid()).ToHashSet();
}
