using System.Net.Http.Json;
using System.Text.Json;
using InquiryLive.Questions;
using InquiryLive.Tests.Infrastructure;

namespace InquiryLive.Tests.Questions;

public sealed class MyQuestionsTests
{
    [Fact]
    public async Task MyQuestions_ShowsOnlyTheCallersOwn_NewestFirst()
    {
        using var app = new InquiryApp();
        var sessionId = await app.DemoSessionId();
        var me = await app.NewViewer();
        var first = await me.AskOk(sessionId, "我的第一个");
        var second = await me.AskOk(sessionId, "我的第二个");
        await (await app.NewViewer()).AskOk(sessionId, "别人的");

        var mine = await me.GetFromJsonAsync<JsonElement>($"/api/sessions/{sessionId}/my-questions");

        var ids = mine.EnumerateArray().Select(q => q.GetProperty("id").GetGuid()).ToArray();
        Assert.Equal(2, ids.Length);
        Assert.Equal(new[] { first, second }.Order(), ids.Order());
        var texts = mine.EnumerateArray().Select(q => q.GetProperty("text").GetString()).ToArray();
        Assert.DoesNotContain("别人的", texts);
        var stranger = await app.NewViewer();
        Assert.Equal(0, (await stranger.GetFromJsonAsync<JsonElement>($"/api/sessions/{sessionId}/my-questions")).GetArrayLength());
    }

    [Fact]
    public async Task StatusChange_IsPushedToTheAskerOnly()
    {
        using var app = new InquiryApp();
        var sessionId = await app.DemoSessionId();
        var asker = await app.NewViewer();
        var other = await app.NewViewer();
        await using var askerHub = await app.ConnectHub("/hubs/live", asker);
        await using var otherHub = await app.ConnectHub("/hubs/live", other);
        var mine = await asker.AskOk(sessionId, "我的问题会被采纳吗？");
        var theirs = await other.AskOk(sessionId, "别人的问题");

        await app.Approve(sessionId, mine);
        await app.Decide(sessionId, theirs, QuestionStatus.Rejected);

        var change = await askerHub.WaitForMyQuestion(c => c.QuestionId == mine);
        Assert.Equal("approved", change.Status);
        // Pushes to one connection arrive in order: once the other viewer has its own note, it would
        // already hold the asker's note had that leaked.
        await otherHub.WaitForMyQuestion(c => c.QuestionId == theirs);
        Assert.All(otherHub.MyQuestionChanges, c => Assert.Equal(theirs, c.QuestionId));
        Assert.All(askerHub.MyQuestionChanges, c => Assert.Equal(mine, c.QuestionId));
    }

    [Fact]
    public async Task ApprovedList_AndSnapshot_ShowApprovedQuestionsMostAskedFirst_AndNeverPendingOnes()
    {
        using var app = new InquiryApp();
        var sessionId = await app.DemoSessionId();
        var quiet = await (await app.NewViewer()).AskOk(sessionId, "少人关心");
        var popular = await (await app.NewViewer()).AskOk(sessionId, "很多人关心");
        await (await app.NewViewer()).AskOk(sessionId, "还在审核");
        await app.Approve(sessionId, quiet);
        await app.Approve(sessionId, popular);
        (await (await app.NewViewer()).PostAsync($"/api/sessions/{sessionId}/questions/{popular}/me-too", null)).EnsureSuccessStatusCode();

        var list = await app.Browser().GetFromJsonAsync<JsonElement>($"/api/sessions/{sessionId}/questions/approved");
        var snapshot = await app.Browser().GetFromJsonAsync<JsonElement>($"/api/sessions/{sessionId}/snapshot");

        Assert.Equal(new[] { popular, quiet }, list.EnumerateArray().Select(q => q.GetProperty("id").GetGuid()).ToArray());
        Assert.Equal(2, list[0].GetProperty("askedBy").GetInt32());
        Assert.Equal(new[] { popular, quiet }, snapshot.GetProperty("questions").EnumerateArray().Select(q => q.GetProperty("id").GetGuid()).ToArray());
        Assert.False(list[0].TryGetProperty("viewerId", out _));
    }
}
