using System.Net;
using System.Net.Http.Json;
using InquiryLive.Questions;
using InquiryLive.Tests.Infrastructure;

namespace InquiryLive.Tests.Moderation;

public sealed class AccessTests
{
    [Theory]
    [InlineData(null, HttpStatusCode.Unauthorized)]
    [InlineData("member05", HttpStatusCode.Forbidden)]
    [InlineData("chair", HttpStatusCode.Forbidden)]
    [InlineData("clerk", HttpStatusCode.Forbidden)]
    public async Task OnlyModeratorsAndAdmins_MayModerate(string? userName, HttpStatusCode expected)
    {
        using var app = new InquiryApp();
        var sessionId = await app.DemoSessionId();
        var id = await app.Submit(sessionId, "物业公司退出机制是什么？");
        var client = userName is null ? app.Browser() : await app.SignedIn(userName);

        Assert.Equal(expected, (await client.GetAsync(ModerationTestKit.Url(sessionId, "queue"))).StatusCode);
        Assert.Equal(expected, (await client.Act(sessionId, id, "approve")).StatusCode);
        Assert.Equal(expected, (await client.GetAsync(ModerationTestKit.Url(sessionId, "audit"))).StatusCode);
        Assert.Equal(QuestionStatus.Pending, (await app.Question(id)).Status);
    }

    [Fact]
    public async Task AnAdmin_MayModerate()
    {
        using var app = new InquiryApp();
        var sessionId = await app.DemoSessionId();
        var id = await app.Submit(sessionId, "物业公司退出机制是什么？");

        var response = await (await app.SignedIn("admin")).Act(sessionId, id, "approve");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("admin", (await app.Question(id)).DecidedBy);
    }

    [Fact]
    public async Task TheSensitiveWordList_IsForAdminsOnly()
    {
        using var app = new InquiryApp();
        var moderator = await app.SignedIn("moderator1");

        Assert.Equal(HttpStatusCode.Forbidden, (await moderator.GetAsync("/api/moderation/sensitive-words")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await moderator.PutAsJsonAsync("/api/moderation/sensitive-words", new { words = new[] { "x" } })).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.Browser().GetAsync("/api/moderation/sensitive-words")).StatusCode);
    }
}
