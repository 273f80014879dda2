using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using InquiryLive.Questions;
using InquiryLive.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace InquiryLive.Tests.FollowUp;

public sealed class WrittenReplyTests
{
    private static string Url(FinishedSitting s, Guid questionId) => $"/api/sessions/{s.SessionId}/questions/{questionId}/written-reply";

    [Fact]
    public async Task WrittenReply_ToADeferredQuestion_IsPushedToTheAskerOnly()
    {
        using var app = new InquiryApp();
        var asker = app.Browser();
        var askerId = (await asker.GetFromJsonAsync<JsonElement>("/api/auth/me")).GetProperty("viewerId").GetString()!;
        var s = await FinishedSitting.ArrangeAsync(app, askerId);
        await using var askerHub = await app.ConnectHub("/hubs/live", asker);
        await using var otherHub = await app.ConnectHub("/hubs/live", app.Browser());
        await askerHub.Join(s.SessionId);
        await otherHub.Join(s.SessionId);

        var response = await (await app.SignedIn("clerk")).PutAsJsonAsync(Url(s, s.DeferredQuestion), new { text = "维修资金审批已压缩至 15 个工作日。" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var note = await askerHub.WaitForMyQuestion(c => c.QuestionId == s.DeferredQuestion);
        Assert.Equal("answeredInWriting", note.Status);
        Assert.Equal("维修资金审批已压缩至 15 个工作日。", note.WrittenReply);
        // The public update for the same commit reached the other viewer, but no private note did.
        await otherHub.WaitForEvent("question.publicUpdated");
        Assert.Empty(otherHub.MyQuestionChanges);
        var q = await app.Db(db => db.Questions.SingleAsync(x => x.Id == s.DeferredQuestion));
        Assert.Equal(QuestionStatus.AnsweredInWriting, q.Status);
        Assert.NotNull(q.WrittenReplyAt);
        Assert.Equal("clerk", (await app.Db(db => db.WrittenReplies.SingleAsync())).By);
    }

    [Fact]
    public async Task WrittenReply_ToARejectedQuestion_Gets409_AndChangesNothing()
    {
        using var app = new InquiryApp();
        var s = await FinishedSitting.ArrangeAsync(app);
        var response = await (await app.SignedIn("clerk")).PutAsJsonAsync(Url(s, s.RejectedQuestion), new { text = "答复" });
        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal(QuestionStatus.Rejected, await app.Db(db => db.Questions.Where(q => q.Id == s.RejectedQuestion).Select(q => q.Status).SingleAsync()));
        Assert.Equal(0, await app.Db(db => db.WrittenReplies.CountAsync()));
    }

    [Fact]
    public async Task WrittenReply_WithoutText_Gets400_AndChangesNothing()
    {
        using var app = new InquiryApp();
        var s = await FinishedSitting.ArrangeAsync(app);
        var events = await app.Db(db => db.Events.CountAsync());
        var response = await (await app.SignedIn("clerk")).PutAsJsonAsync(Url(s, s.UnaskedQuestion), new { text = " \u200b " });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(QuestionStatus.Approved, await app.Db(db => db.Questions.Where(q => q.Id == s.UnaskedQuestion).Select(q => q.Status).SingleAsync()));
        Assert.Equal(events, await app.Db(db => db.Events.CountAsync()));
    }

    [Fact]
    public async Task WrittenReply_ToAPendingQuestion_IsRefusedWhileTheSittingRuns_AndStaysPrivateAfterwards()
    {
        using var app = new InquiryApp();
        var s = await FinishedSitting.ArrangeAsync(app);
        var clerk = await app.SignedIn("clerk");
        await app.Db(db => db.Sessions.ExecuteUpdateAsync(u => u.SetProperty(x => x.State, InquiryLive.Domain.Sessions.SessionState.Live)));
        Assert.Equal(HttpStatusCode.Conflict, (await clerk.PutAsJsonAsync(Url(s, s.PendingQuestion), new { text = "答复" })).StatusCode);

        await app.Db(db => db.Sessions.ExecuteUpdateAsync(u => u.SetProperty(x => x.State, InquiryLive.Domain.Sessions.SessionState.Ended)));
        Assert.Equal(HttpStatusCode.OK, (await clerk.PutAsJsonAsync(Url(s, s.PendingQuestion), new { text = "可以，正在试点。", departmentId = s.DepartmentIds[4] })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await clerk.PutAsJsonAsync(Url(s, s.DeferredQuestion), new { text = "已答复" })).StatusCode);

        var results = await app.Browser().GetFromJsonAsync<JsonElement>($"/api/sessions/{s.SessionId}/public-results");
        var replies = results.GetProperty("writtenReplies").EnumerateArray().ToList();
        Assert.Equal(s.DeferredQuestion, Assert.Single(replies).GetProperty("questionId").GetGuid());
    }

    [Fact]
    public async Task AwaitingReplies_ListsDeferredUnaskedAndPendingQuestions_ByDepartment()
    {
        using var app = new InquiryApp();
        var s = await FinishedSitting.ArrangeAsync(app);
        var groups = await (await app.SignedIn("chair")).GetFromJsonAsync<JsonElement>($"/api/sessions/{s.SessionId}/written-replies/awaiting");

        var byDepartment = groups.EnumerateArray().ToDictionary(
            g => g.GetProperty("departmentName").GetString() ?? "",
            g => g.GetProperty("questions").EnumerateArray().Select(q => q.GetProperty("questionId").GetGuid()).ToArray());
        Assert.Equal([s.DeferredQuestion], byDepartment["市住房和城乡建设局"]);
        Assert.Equal([s.UnaskedQuestion], byDepartment["市城市管理局"]);
        Assert.Equal([s.PendingQuestion], byDepartment[""]);
        Assert.Equal(3, byDepartment.Count);
    }
}
