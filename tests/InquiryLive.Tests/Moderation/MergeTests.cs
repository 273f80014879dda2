using System.Net;
using System.Net.Http.Json;
using InquiryLive.Questions;
using InquiryLive.Tests.Infrastructure;

namespace InquiryLive.Tests.Moderation;

public sealed class MergeTests
{
    [Fact]
    public async Task Merge_CountsTheSourcesAskersAndMeToos_TowardsTheTarget()
    {
        using var app = new InquiryApp();
        var sessionId = await app.DemoSessionId();
        var target = await app.Submit(sessionId, "物业费上涨前是否必须经业主大会同意？", meToo: 2);
        var source = await app.Submit(sessionId, "物业费涨价要不要业主大会表决？", meToo: 4, merged: 1);
        var moderator = await app.SignedIn("moderator1");

        var response = await moderator.Act(sessionId, source, "merge", new { targetId = target });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        // The source's asker, the one merged into it earlier, and its four "me too"s.
        var merged = await app.Question(target);
        Assert.Equal(6, merged.MergedCount);
        Assert.Equal(1 + 6 + 2, (await response.Json()).GetProperty("askedBy").GetInt32());
        var gone = await app.Question(source);
        Assert.Equal((QuestionStatus.Merged, (Guid?)target), (gone.Status, gone.MergedIntoId));
        var decision = Assert.Single(await app.Decisions(source));
        Assert.Equal(("merge", (Guid?)target), (decision.Action, decision.TargetQuestionId));
    }

    [Fact]
    public async Task Merging_AnApprovedQuestion_WithdrawsItFromThePublicList()
    {
        using var app = new InquiryApp();
        var sessionId = await app.DemoSessionId();
        var target = await app.Submit(sessionId, "小区绿地被改成停车场是否合法？");
        var source = await app.Submit(sessionId, "小区绿地改停车场合法吗？");
        var moderator = await app.SignedIn("moderator1");
        (await moderator.Act(sessionId, target, "approve")).EnsureSuccessStatusCode();
        (await moderator.Act(sessionId, source, "approve")).EnsureSuccessStatusCode();
        await using var viewer = await app.ConnectHub("/hubs/live");
        await viewer.Join(sessionId);

        (await moderator.Act(sessionId, source, "merge", new { targetId = target })).EnsureSuccessStatusCode();

        var withdrawn = await viewer.WaitForEvent("question.withdrawn");
        Assert.Equal(source, withdrawn.Data.GetProperty("questionId").GetGuid());
        var updated = await viewer.WaitForEvent("question.publicUpdated");
        Assert.Equal(2, updated.Data.GetProperty("question").GetProperty("askedBy").GetInt32());
    }

    [Fact]
    public async Task Merge_IntoItself_Is400_AndIntoARejectedQuestion_Is409_AndNeitherWritesAnything()
    {
        using var app = new InquiryApp();
        var sessionId = await app.DemoSessionId();
        var rejected = await app.Submit(sessionId, "广告：专业疏通下水道");
        var source = await app.Submit(sessionId, "下水道堵了物业不管怎么办？");
        var moderator = await app.SignedIn("moderator1");
        (await moderator.Act(sessionId, rejected, "reject", new { reason = "广告或无意义内容" })).EnsureSuccessStatusCode();

        var self = await moderator.Act(sessionId, source, "merge", new { targetId = source });
        var intoRejected = await moderator.Act(sessionId, source, "merge", new { targetId = rejected });
        var intoOtherSession = await moderator.Act(sessionId, source, "merge", new { targetId = Guid.NewGuid() });

        Assert.Equal(HttpStatusCode.BadRequest, self.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, intoRejected.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, intoOtherSession.StatusCode);
        Assert.Equal(QuestionStatus.Pending, (await app.Question(source)).Status);
        Assert.Empty(await app.Decisions(source));
    }

    [Fact]
    public async Task ClusterMerge_MergesAllSourcesInOneTransaction_OrNoneWhenOneIsDecided()
    {
        using var app = new InquiryApp();
        var sessionId = await app.DemoSessionId();
        var target = await app.Submit(sessionId, "电动车充电桩什么时候装？");
        var a = await app.Submit(sessionId, "电动车充电桩啥时候装？", meToo: 1);
        var b = await app.Submit(sessionId, "小区电动车充电桩什么时候安装？");
        var moderator = await app.SignedIn("moderator1");
        var url = ModerationTestKit.Url(sessionId, "clusters/merge");
        var rejected = await app.Submit(sessionId, "充电桩");
        (await moderator.Act(sessionId, rejected, "reject", new { reason = "内容不完整，无法理解" })).EnsureSuccessStatusCode();
        var refused = await moderator.PostAsJsonAsync(url, new { targetId = target, sourceIds = new[] { a, b, rejected } });
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Equal(0, (await app.Question(target)).MergedCount);
        Assert.Equal(QuestionStatus.Pending, (await app.Question(a)).Status);

        var merged = await moderator.PostAsJsonAsync(url, new { targetId = target, sourceIds = new[] { a, b } });
        Assert.Equal(HttpStatusCode.OK, merged.StatusCode);
        Assert.Equal(3, (await app.Question(target)).MergedCount);
        Assert.Equal(4, (await merged.Json()).GetProperty("askedBy").GetInt32());
    }
}
