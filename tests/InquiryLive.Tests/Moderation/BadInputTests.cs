using System.Net;
using System.Net.Http.Json;
using InquiryLive.Questions;
using InquiryLive.Tests.Infrastructure;

namespace InquiryLive.Tests.Moderation;

public sealed class BadInputTests
{
    [Theory]
    [InlineData("edit", "{\"text\":\"   \"}", "text")]
    [InlineData("edit", "{}", "text")]
    [InlineData("merge", "{}", "targetId")]
    [InlineData("reject", "{\"reason\":\"\\u202e\"}", "reason")]
    public async Task ADecisionWithBadInput_Is400NamingTheField_AndWritesNothing(string action, string body, string field)
    {
        using var app = new InquiryApp();
        var sessionId = await app.DemoSessionId();
        var id = await app.Submit(sessionId, "物业费收缴率低怎么办？");
        var moderator = await app.SignedIn("moderator1");

        var response = await moderator.PostAsync(ModerationTestKit.Url(sessionId, $"questions/{id}/{action}"),
            new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.Json()).GetProperty("errors").TryGetProperty(field, out _));
        var q = await app.Question(id);
        Assert.Equal((QuestionStatus.Pending, "物业费收缴率低怎么办？", (string?)null), (q.Status, q.Text, q.OriginalText));
        Assert.Empty(await app.Decisions(id));
    }

    [Fact]
    public async Task AClusterMergeWithNoSources_OrTheTargetAmongThem_Is400()
    {
        using var app = new InquiryApp();
        var sessionId = await app.DemoSessionId();
        var target = await app.Submit(sessionId, "电梯年检报告在哪里查？");
        var moderator = await app.SignedIn("moderator1");
        var url = ModerationTestKit.Url(sessionId, "clusters/merge");

        var none = await moderator.PostAsJsonAsync(url, new { targetId = target, sourceIds = Array.Empty<Guid>() });
        var self = await moderator.PostAsJsonAsync(url, new { targetId = target, sourceIds = new[] { target } });

        Assert.Equal(HttpStatusCode.BadRequest, none.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, self.StatusCode);
        Assert.Empty(await app.Decisions(target));
    }

    [Fact]
    public async Task TheConflict_IsExplainedInEnglish_WhenAskedFor()
    {
        using var app = new InquiryApp();
        var sessionId = await app.DemoSessionId();
        var id = await app.Submit(sessionId, "电梯年检报告在哪里查？");
        (await (await app.SignedIn("moderator1")).Act(sessionId, id, "approve")).EnsureSuccessStatusCode();
        var second = await app.SignedIn("moderator2");
        second.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en-GB");

        var response = await second.Act(sessionId, id, "approve");

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal("This question was already decided by moderator1 (approved); nothing was changed.",
            (await response.Json()).GetProperty("detail").GetString());
    }
}
