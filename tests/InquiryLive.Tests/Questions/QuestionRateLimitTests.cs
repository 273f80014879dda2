using System.Net;
using InquiryLive.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace InquiryLive.Tests.Questions;

public sealed class QuestionRateLimitTests
{
    [Fact]
    public async Task Ask_MoreThanTheViewerLimit_Gets429WithRetryAfterAndProblemDetails_WhileOtherViewersCarryOn()
    {
        using var app = new InquiryApp();
        var sessionId = await app.DemoSessionId();
        var flooder = await app.NewViewer();
        for (var i = 0; i < 3; i++) await flooder.AskOk(sessionId, $"问题 {i}");

        var refused = await flooder.Ask(sessionId, new { id = Guid.NewGuid(), text = "第四个" }, language: "en");

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.True(int.Parse(refused.Headers.GetValues("Retry-After").Single(), System.Globalization.CultureInfo.InvariantCulture) > 0);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        var problem = await refused.Json();
        Assert.Equal(429, problem.GetProperty("status").GetInt32());
        Assert.Contains("Too many", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        await (await app.NewViewer()).AskOk(sessionId, "别人不受影响");
        Assert.Equal(4, await app.Db(db => db.Questions.CountAsync()));
    }

    [Fact]
    public async Task Ask_ARefusal_IsAnsweredOnlyAfterThePause_SoAFloodCannotTurnRefusalsIntoLoad()
    {
        using var app = new InquiryApp(new() { ["RateLimits:QuestionsPerMinute"] = "1", ["RateLimits:RefusalPauseMilliseconds"] = "400" });
        var sessionId = await app.DemoSessionId();
        var viewer = await app.NewViewer();
        await viewer.AskOk(sessionId, "一个");

        var watch = System.Diagnostics.Stopwatch.StartNew();
        var refused = await viewer.Ask(sessionId, new { id = Guid.NewGuid(), text = "两个" });
        watch.Stop();

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        // A lower bound only: the pause is at least what is configured, however busy the machine.
        Assert.True(watch.Elapsed >= TimeSpan.FromMilliseconds(390), $"the refusal came after {watch.ElapsedMilliseconds} ms");
        Assert.Equal(1, await app.Db(db => db.Questions.CountAsync()));
    }

    [Fact]
    public async Task Ask_TheViewerLimit_IsConfigurable()
    {
        using var app = new InquiryApp(new() { ["RateLimits:QuestionsPerMinute"] = "1" });
        var sessionId = await app.DemoSessionId();
        var viewer = await app.NewViewer();
        await viewer.AskOk(sessionId, "一个");
        Assert.Equal(HttpStatusCode.TooManyRequests, (await viewer.Ask(sessionId, new { id = Guid.NewGuid(), text = "两个" })).StatusCode);
    }

    [Fact]
    public async Task Ask_ManyViewersFromOneAddress_AreLimitedByTheLooserAddressLimit()
    {
        using var app = new InquiryApp(new() { ["RateLimits:QuestionsPerMinutePerAddress"] = "5" });
        var sessionId = await app.DemoSessionId();
        for (var i = 0; i < 5; i++) await (await app.NewViewer()).AskOk(sessionId, $"同一网络 {i}");

        var refused = await (await app.NewViewer()).Ask(sessionId, new { id = Guid.NewGuid(), text = "第六位" });

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.True(refused.Headers.Contains("Retry-After"));
        Assert.Equal(5, await app.Db(db => db.Questions.CountAsync()));
    }
}
