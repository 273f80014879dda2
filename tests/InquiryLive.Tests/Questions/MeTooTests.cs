using System.Net;
using InquiryLive.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace InquiryLive.Tests.Questions;

public sealed class MeTooTests
{
    [Fact]
    public async Task MeToo_OnAnApprovedQuestion_CountsOncePerViewer_AndPushesTheNewCountToViewersAndStaff()
    {
        using var app = new InquiryApp();
        var sessionId = await app.DemoSessionId();
        var questionId = await (await app.NewViewer()).AskOk(sessionId, "电梯维修基金怎么用？");
        await app.Approve(sessionId, questionId);
        await using var watcher = await app.ConnectHub("/hubs/live");
        await watcher.Join(sessionId);
        await using var console = await app.ConnectHub("/hubs/console", await app.SignedIn("chair"));
        await console.Join(sessionId);
        var fan = await app.NewViewer();
        var url = $"/api/sessions/{sessionId}/questions/{questionId}/me-too";

        var first = await fan.PostAsync(url, null);
        var again = await fan.PostAsync(url, null);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(2, (await first.Json()).GetProperty("askedBy").GetInt32());
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Equal("question.meTooAlready", (await again.Json()).GetProperty("code").GetString());
        Assert.Equal(1, await app.Db(db => db.Questions.Select(q => q.MeTooCount).SingleAsync()));
        Assert.Equal(1, await app.Db(db => db.MeToos.CountAsync()));
        var pushed = await watcher.WaitForEvent("question.publicUpdated");
        Assert.Equal(1, pushed.Data.GetProperty("question").GetProperty("meTooCount").GetInt32());
        Assert.False(pushed.Data.GetProperty("question").TryGetProperty("flags", out _));
        await console.WaitForEvent("question.updated", d => d.GetProperty("question").GetProperty("meTooCount").GetInt32() == 1);

        (await (await app.NewViewer()).PostAsync(url, null)).EnsureSuccessStatusCode();
        Assert.Equal(2, await app.Db(db => db.Questions.Select(q => q.MeTooCount).SingleAsync()));
    }

    [Fact]
    public async Task MeToo_OnAPendingQuestion_Gets404()
    {
        using var app = new InquiryApp();
        var sessionId = await app.DemoSessionId();
        var questionId = await (await app.NewViewer()).AskOk(sessionId, "还没审核的问题");
        var response = await (await app.NewViewer()).PostAsync($"/api/sessions/{sessionId}/questions/{questionId}/me-too", null);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(0, await app.Db(db => db.MeToos.CountAsync()));
    }

    [Fact]
    public async Task MeToo_OnYourOwnQuestion_Gets409()
    {
        using var app = new InquiryApp();
        var sessionId = await app.DemoSessionId();
        var asker = await app.NewViewer();
        var questionId = await asker.AskOk(sessionId, "我自己的问题");
        await app.Approve(sessionId, questionId);
        var response = await asker.PostAsync($"/api/sessions/{sessionId}/questions/{questionId}/me-too", null);
        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal("question.ownQuestion", (await response.Json()).GetProperty("code").GetString());
    }
}
