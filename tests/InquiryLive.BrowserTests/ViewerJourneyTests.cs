using System.Net.Http.Json;
using System.Text.Json;
using InquiryLive.BrowserTests.Infrastructure;
using InquiryLive.Live;
using InquiryLive.Questions;
using InquiryLive.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace InquiryLive.BrowserTests;

[Collection(BrowserCollection.Name)]
public sealed class ViewerJourneyTests(BrowserFixture browser)
{
    private const string Xss = "<img src=x onerror=alert(1)><script>alert(2)</script> 物业费为何上涨？";

    [Fact]
    public async Task Viewer_OnAPhone_Watches_Likes_Asks_AndSeesTheirQuestionApproved()
    {
        using var app = new InquiryApp();
        var baseUrl = app.StartOnKestrel();
        var sessionId = await app.DemoSessionId();
        var page = await browser.NewPage(baseUrl, phone: true);
        await page.GotoAsync("/");

        // Watching: no stream URL, so the poster says so; the live feed follows the clerk.
        await Assertions.Expect(page.Locator("#status")).ToHaveAttributeAsync("data-status", "live");
        await Assertions.Expect(page.Locator("#poster-title")).ToHaveTextAsync("本场暂未提供视频直播");
        await Assertions.Expect(page.Locator("#floor-empty")).ToBeVisibleAsync();
        var clerk = await app.SignedIn("clerk");
        (await clerk.PostAsJsonAsync($"/api/sessions/{sessionId}/feed", new { text = "9:30 专题询问开始。" })).EnsureSuccessStatusCode();
        await Assertions.Expect(page.Locator("#feed li")).ToContainTextAsync("9:30 专题询问开始。");

        // Liking: each tap shows at once; the batch reaches the server's stored total.
        for (var i = 0; i < 3; i++) await page.Locator("#like").ClickAsync();
        await Assertions.Expect(page.Locator("#likes")).ToHaveTextAsync("3");
        await WaitUntil(async () => await app.Db(db => db.Sessions.Select(s => s.LikeCount).SingleAsync()) == 3);

        // Asking: an XSS payload is sent and shown as literal text.
        await page.Locator("#tab-ask").ClickAsync();
        await page.Locator("#ask-text").FillAsync(Xss);
        await Assertions.Expect(page.Locator("#ask-count")).ToContainTextAsync("/ 500");
        await page.Locator("#ask-nickname").FillAsync("<b>老张</b>");
        await page.Locator("#ask-submit").ClickAsync();
        var mine = page.Locator("#mine li");
        await Assertions.Expect(mine).ToHaveCountAsync(1);
        await Assertions.Expect(mine.First).ToHaveAttributeAsync("data-status", "pending");
        await Assertions.Expect(mine.First.Locator(".mine-text")).ToHaveTextAsync(Xss);
        Assert.Equal(0, await page.Locator("#main img:not(.like-icon), #main script:not([src])").CountAsync());

        // A moderator approves it: the asker's status changes live, and it joins the public list.
        var questionId = await app.Db(db => db.Questions.Select(q => q.Id).SingleAsync());
        await Approve(app, sessionId, questionId);
        await Assertions.Expect(mine.First).ToHaveAttributeAsync("data-status", "approved");
        await Assertions.Expect(mine.First.Locator(".status-badge")).ToHaveTextAsync("已采纳");
        await page.Locator("#tab-questions").ClickAsync();
        var listed = page.Locator("#questions li");
        await Assertions.Expect(listed).ToHaveCountAsync(1);
        await Assertions.Expect(listed.First.Locator(".question-text")).ToHaveTextAsync(Xss);
        await Assertions.Expect(listed.First.Locator(".badge")).ToHaveTextAsync("我的提问");

        // Another viewer says "me too": the count rises on the asker's phone.
        var other = await browser.NewPage(baseUrl, phone: true);
        await other.GotoAsync("/");
        await other.Locator("#tab-questions").ClickAsync();
        await other.Locator("#questions li .metoo").ClickAsync();
        await Assertions.Expect(other.Locator("#questions li .metoo")).ToBeDisabledAsync();
        await Assertions.Expect(listed.First.Locator(".asked-by")).ToHaveTextAsync("2 人关注");

        // Still there after a reload (the viewer cookie persists), and the reload keeps it literal.
        await page.ReloadAsync();
        await page.Locator("#tab-ask").ClickAsync();
        await Assertions.Expect(page.Locator("#mine li .mine-text")).ToHaveTextAsync(Xss);
        Assert.Equal(0, await page.Locator("#main img:not(.like-icon), #main b").CountAsync());
        await BrowserFixture.Screenshot(page, "viewer-journey-phone");
    }

    [Fact]
    public async Task Viewer_SeesTheCurrentQuestionClockAndPublishedResults_FromTheSnapshotAndEvents()
    {
        using var app = new InquiryApp();
        var baseUrl = app.StartOnKestrel();
        var sessionId = await app.DemoSessionId();
        var page = await browser.NewPage(baseUrl, phone: true);
        await page.GotoAsync("/");
        await Assertions.Expect(page.Locator("#status")).ToHaveAttributeAsync("data-status", "live");
        var department = await app.Db(db => db.Departments.FirstAsync(d => d.SessionId == sessionId));

        // Events the chair and the vote publish, in the shapes they send them.
        await Publish(app, sessionId, "floor.called", new
        {
            floor = new
            {
                id = 1, order = 1, source = "agenda", questionerName = "李委员", readBy = (string?)null, departmentId = department.Id,
                departmentName = department.Name, text = "老旧小区加装电梯进展如何？", outcome = "pending", calledAt = DateTimeOffset.UtcNow,
                answeredAt = (DateTimeOffset?)null, followUps = Array.Empty<object>(),
            },
        });
        await Publish(app, sessionId, "clock.changed", new { clock = new { phase = "answer", durationSeconds = 300, startedAt = (DateTimeOffset?)null, elapsedMs = 60_000, running = false } });
        var result = PublishedResults.Single("对住建局答询的满意度测评", department.Name, 20, 8, 2, expected: 35) with
        {
            PublicRating = new InquiryLive.Polls.PublicRatingView(120, 40, 15),
        };
        await Publish(app, sessionId, "poll.published", new { result });

        await Assertions.Expect(page.Locator("#floor-questioner")).ToHaveTextAsync("李委员");
        await Assertions.Expect(page.Locator("#floor-department")).ToHaveTextAsync(department.Name);
        await Assertions.Expect(page.Locator("#floor-text")).ToHaveTextAsync("老旧小区加装电梯进展如何？");
        await Assertions.Expect(page.Locator("#clock-time")).ToHaveTextAsync("04:00");
        await page.Locator("#tab-results").ClickAsync();
        // The members' official result, every figure with its base; the viewers' rating apart, labelled as public opinion.
        await Assertions.Expect(page.Locator("#results .result-members .poll-result-verdict")).ToHaveTextAsync("通过");
        await Assertions.Expect(page.Locator("#results .result-members .poll-result-figures")).ToContainTextAsync("满意＋基本满意 28 / 有效票 30（93.3%）");
        await Assertions.Expect(page.Locator("#results .result-members")).Not.ToContainTextAsync("120");
        await Assertions.Expect(page.Locator("#results .result-public .result-label")).ToHaveTextAsync("网友评价（群众意见，仅供参考，不是正式测评结果）");
        await Assertions.Expect(page.Locator("#results .result-public .tally")).ToContainTextAsync("120");

        // English on the switch.
        await page.Locator("#lang").ClickAsync();
        await Assertions.Expect(page.Locator("#tab-results")).ToHaveTextAsync("Results");
        await Assertions.Expect(page.Locator("#results .result-members .result-label")).ToHaveTextAsync("Committee members' vote (official result)");
        await Assertions.Expect(page.Locator("#results .result-members .poll-result-figures")).ToContainTextAsync("satisfied + basically satisfied 28 / valid ballots 30 (93.3%)");
        await BrowserFixture.Screenshot(page, "viewer-floor-results-phone");
    }

    /// <summary>A moderator approves the question through the moderation console's endpoint.</summary>
    private static async Task Approve(InquiryApp app, Guid sessionId, Guid questionId)
    {
        var moderator = await app.SignedIn("moderator1");
        (await moderator.PostAsJsonAsync($"/api/sessions/{sessionId}/moderation/questions/{questionId}/approve", new { })).EnsureSuccessStatusCode();
    }

    private static async Task Publish(InquiryApp app, Guid sessionId, string type, object data)
    {
        using var scope = app.Services.CreateScope();
        await scope.ServiceProvider.GetRequiredService<SessionCommands>().RunAsync(sessionId, change =>
        {
            change.Publish(type, data);
            return Task.CompletedTask;
        });
    }

    private static async Task WaitUntil(Func<Task<bool>> condition)
    {
        for (var i = 0; i < 100; i++)
        {
            if (await condition()) return;
            await Task.Delay(100);
        }
        Assert.Fail("The condition did not become true.");
    }
}
