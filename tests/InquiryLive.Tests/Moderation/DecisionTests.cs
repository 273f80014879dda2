using System.Net;
using InquiryLive.Questions;
using InquiryLive.Tests.Infrastructure;

namespace InquiryLive.Tests.Moderation;

public sealed class DecisionTests
{
    [Fact]
    public async Task Approve_PendingQuestion_PushesItToTheChair_AndTellsTheAsker()
    {
        using var app = new InquiryApp();
        var sessionId = await app.DemoSessionId();
        var (asker, viewerId) = await app.Viewer();
        var id = await app.Submit(sessionId, "小区公共收益的账目为什么不公开？", viewerId, meToo: 3, merged: 1);
        var departmentId = (await app.Db(db => Task.FromResult(db.Departments.First(d => d.SessionId == sessionId)))).Id;
        await using var chair = await app.ConnectHub("/hubs/console", await app.SignedIn("chair"));
        await chair.Join(sessionId);
        await using var askerHub = await app.ConnectHub("/hubs/live", asker);
        var moderator = await app.SignedIn("moderator1");

        var response = await moderator.Act(sessionId, id, "approve", new { departmentId });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var approved = await chair.WaitForEvent("question.approved");
        Assert.Equal("public", approved.Stream);
        var pushed = approved.Data.GetProperty("question");
        Assert.Equal(id, pushed.GetProperty("id").GetGuid());
        Assert.Equal(departmentId, pushed.GetProperty("departmentId").GetInt32());
        Assert.Equal(3, pushed.GetProperty("meTooCount").GetInt32());
        Assert.Equal(1, pushed.GetProperty("mergedCount").GetInt32());
        Assert.Equal(5, pushed.GetProperty("askedBy").GetInt32());
        var updated = await chair.WaitForEvent("question.updated");
        Assert.Equal("staff", updated.Stream);
        Assert.Equal("moderator1", updated.Data.GetProperty("question").GetProperty("decidedBy").GetString());
        var note = await askerHub.WaitForMyQuestion(c => c.QuestionId == id);
        Assert.Equal("approved", note.Status);

        var stored = await app.Question(id);
        Assert.Equal(QuestionStatus.Approved, stored.Status);
        Assert.Equal("moderator1", stored.DecidedBy);
        var decision = Assert.Single(await app.Decisions(id));
        Assert.Equal("approve", decision.Action);
        Assert.Equal("moderator1", decision.Moderator);
    }

    [Fact]
    public async Task Reject_WithAReason_TellsTheAskerTheReason()
    {
        using var app = new InquiryApp();
        var sessionId = await app.DemoSessionId();
        var (asker, viewerId) = await app.Viewer();
        var id = await app.Submit(sessionId, "主持人今天穿的什么牌子？", viewerId);
        await using var askerHub = await app.ConnectHub("/hubs/live", asker);
        var moderator = await app.SignedIn("moderator2");

        var response = await moderator.Act(sessionId, id, "reject", new { reason = "与本次询问主题无关" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var note = await askerHub.WaitForMyQuestion(c => c.QuestionId == id);
        Assert.Equal("rejected", note.Status);
        Assert.Equal("与本次询问主题无关", note.RejectReason);
        var stored = await app.Question(id);
        Assert.Equal(QuestionStatus.Rejected, stored.Status);
        Assert.Equal("与本次询问主题无关", Assert.Single(await app.Decisions(id)).Reason);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData(null)]
    public async Task Reject_WithoutAReason_Is400_AndWritesNothing(string? reason)
    {
        using var app = new InquiryApp();
        var sessionId = await app.DemoSessionId();
        var id = await app.Submit(sessionId, "物业费为什么年年涨？");
        var moderator = await app.SignedIn("moderator1");

        var response = await moderator.Act(sessionId, id, "reject", new { reason });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.Json()).GetProperty("errors").TryGetProperty("reason", out _));
        Assert.Equal(QuestionStatus.Pending, (await app.Question(id)).Status);
        Assert.Empty(await app.Decisions(id));
    }

    [Fact]
    public async Task Edit_KeepsTheOriginalText_AndTheAskerSeesTheNewText()
    {
        using var app = new InquiryApp();
        var sessionId = await app.DemoSessionId();
        var (asker, viewerId) = await app.Viewer();
        var id = await app.Submit(sessionId, "电梯坏了三个月没人修，物叶公司说没钱", viewerId);
        await using var askerHub = await app.ConnectHub("/hubs/live", asker);
        var moderator = await app.SignedIn("moderator1");

        var response = await moderator.Act(sessionId, id, "edit", new { text = "电梯坏了三个月没人修，物业公司说没钱" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var view = await response.Json();
        Assert.Equal("电梯坏了三个月没人修，物叶公司说没钱", view.GetProperty("originalText").GetString());
        var note = await askerHub.WaitForMyQuestion(c => c.QuestionId == id);
        Assert.Equal("电梯坏了三个月没人修，物业公司说没钱", note.Text);
        var decision = Assert.Single(await app.Decisions(id));
        Assert.Equal(("edit", "电梯坏了三个月没人修，物叶公司说没钱", "电梯坏了三个月没人修，物业公司说没钱"),
            (decision.Action, decision.BeforeText, decision.AfterText));
    }

    [Fact]
    public async Task Edit_OfAnApprovedQuestion_UpdatesThePublicList()
    {
        using var app = new InquiryApp();
        var sessionId = await app.DemoSessionId();
        var id = await app.Submit(sessionId, "老旧小区加装电悌的补贴什么时候发？");
        var moderator = await app.SignedIn("moderator1");
        (await moderator.Act(sessionId, id, "approve")).EnsureSuccessStatusCode();
        await using var viewer = await app.ConnectHub("/hubs/live");
        await viewer.Join(sessionId);

        (await moderator.Act(sessionId, id, "edit", new { text = "老旧小区加装电梯的补贴什么时候发？" })).EnsureSuccessStatusCode();

        var e = await viewer.WaitForEvent("question.publicUpdated");
        Assert.Equal("老旧小区加装电梯的补贴什么时候发？", e.Data.GetProperty("question").GetProperty("text").GetString());
        Assert.False(e.Data.GetProperty("question").TryGetProperty("originalText", out _));
    }

    [Fact]
    public async Task Approve_WithADepartmentOfNoSuchSession_Is400_AndWritesNothing()
    {
        using var app = new InquiryApp();
        var sessionId = await app.DemoSessionId();
        var id = await app.Submit(sessionId, "维修基金怎么申请？");
        var moderator = await app.SignedIn("moderator1");

        var response = await moderator.Act(sessionId, id, "approve", new { departmentId = 99999 });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(QuestionStatus.Pending, (await app.Question(id)).Status);
        Assert.Empty(await app.Decisions(id));
    }

    [Fact]
    public async Task Deciding_AnUnknownQuestion_Is404()
    {
        using var app = new InquiryApp();
        var sessionId = await app.DemoSessionId();
        var moderator = await app.SignedIn("moderator1");

        var response = await moderator.Act(sessionId, Guid.NewGuid(), "approve");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("question.notFound", (await response.Json()).GetProperty("code").GetString());
    }
}
