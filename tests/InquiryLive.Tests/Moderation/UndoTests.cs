using System.Net;
using System.Net.Http.Json;
using InquiryLive.Questions;
using InquiryLive.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace InquiryLive.Tests.Moderation;

public sealed class UndoTests
{
    private static readonly DateTimeOffset Start = new(2026, 5, 20, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Undo_OfAnApproval_WithinTheWindow_RestoresThePendingQuestionExactly_AndWithdrawsIt()
    {
        var time = new FakeTime(Start);
        using var app = new InquiryApp(services: s => s.AddSingleton<TimeProvider>(time));
        var sessionId = await app.DemoSessionId();
        var id = await app.Submit(sessionId, "城中村的物业谁来管？");
        var before = await app.Question(id);
        var moderator = await app.SignedIn("moderator1");
        (await moderator.Act(sessionId, id, "approve", new { departmentId = (int?)null })).EnsureSuccessStatusCode();
        await using var viewer = await app.ConnectHub("/hubs/live");
        await viewer.Join(sessionId);

        time.Advance(TimeSpan.FromSeconds(20));
        var response = await moderator.PostAsJsonAsync(ModerationTestKit.Url(sessionId, "undo"), new { });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var after = await app.Question(id);
        Assert.Equal((before.Status, before.Text, before.DepartmentId, before.DecidedBy, before.DecidedAt),
            (after.Status, after.Text, after.DepartmentId, after.DecidedBy, after.DecidedAt));
        Assert.Equal(id, (await viewer.WaitForEvent("question.withdrawn")).Data.GetProperty("questionId").GetGuid());
        var decisions = await app.Decisions(id);
        Assert.Equal(["approve", "undo"], decisions.Select(d => d.Action));
        Assert.NotNull(decisions[0].UndoneAt);
    }

    [Fact]
    public async Task Undo_AfterTheWindow_Is409_AndChangesNothing()
    {
        var time = new FakeTime(Start);
        using var app = new InquiryApp(services: s => s.AddSingleton<TimeProvider>(time));
        var sessionId = await app.DemoSessionId();
        var id = await app.Submit(sessionId, "公共维修资金使用流程太复杂");
        var moderator = await app.SignedIn("moderator1");
        (await moderator.Act(sessionId, id, "reject", new { reason = "重复提问，已有相同问题" })).EnsureSuccessStatusCode();

        time.Advance(TimeSpan.FromSeconds(31));
        var response = await moderator.PostAsJsonAsync(ModerationTestKit.Url(sessionId, "undo"), new { });

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal("moderation.undoExpired", (await response.Json()).GetProperty("code").GetString());
        Assert.Equal(QuestionStatus.Rejected, (await app.Question(id)).Status);
    }

    [Fact]
    public async Task Undo_OfAMerge_TakesTheCountsBackFromTheTarget()
    {
        using var app = new InquiryApp();
        var sessionId = await app.DemoSessionId();
        var target = await app.Submit(sessionId, "快递柜收费是否合理？");
        var source = await app.Submit(sessionId, "快递柜超时收费合理吗？", meToo: 2);
        var moderator = await app.SignedIn("moderator1");
        (await moderator.Act(sessionId, source, "merge", new { targetId = target })).EnsureSuccessStatusCode();
        Assert.Equal(3, (await app.Question(target)).MergedCount);

        (await moderator.PostAsJsonAsync(ModerationTestKit.Url(sessionId, "undo"), new { })).EnsureSuccessStatusCode();

        Assert.Equal(0, (await app.Question(target)).MergedCount);
        var restored = await app.Question(source);
        Assert.Equal((QuestionStatus.Pending, (Guid?)null), (restored.Status, restored.MergedIntoId));
    }

    [Fact]
    public async Task Undo_OnlyTakesBackTheCallersOwnDecision()
    {
        using var app = new InquiryApp();
        var sessionId = await app.DemoSessionId();
        var id = await app.Submit(sessionId, "物业服务标准由谁制定？");
        (await (await app.SignedIn("moderator1")).Act(sessionId, id, "approve")).EnsureSuccessStatusCode();

        var response = await (await app.SignedIn("moderator2")).PostAsJsonAsync(ModerationTestKit.Url(sessionId, "undo"), new { });

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal("moderation.nothingToUndo", (await response.Json()).GetProperty("code").GetString());
        Assert.Equal(QuestionStatus.Approved, (await app.Question(id)).Status);
    }

    [Fact]
    public async Task Undo_OfAnEdit_RestoresTheTextAndTheOriginal()
    {
        using var app = new InquiryApp();
        var sessionId = await app.DemoSessionId();
        var id = await app.Submit(sessionId, "业委会经费从那里来？");
        var moderator = await app.SignedIn("moderator1");
        (await moderator.Act(sessionId, id, "edit", new { text = "业委会经费从哪里来？" })).EnsureSuccessStatusCode();

        (await moderator.PostAsJsonAsync(ModerationTestKit.Url(sessionId, "undo"), new { })).EnsureSuccessStatusCode();

        var q = await app.Question(id);
        Assert.Equal(("业委会经费从那里来？", (string?)null), (q.Text, q.OriginalText));
    }
}
