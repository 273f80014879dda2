using InquiryLive.BrowserTests.Infrastructure;
using InquiryLive.Live;
using InquiryLive.Moderation;
using InquiryLive.Questions;
using InquiryLive.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace InquiryLive.BrowserTests;

[Collection(BrowserCollection.Name)]
public sealed class ModerationPageTests(BrowserFixture browser)
{
    [Fact]
    public async Task TwoModerators_WorkTheSameQueue_WithNoDoubleDecision_AndTheChairConsoleGetsTheApproval()
    {
        using var app = new InquiryApp();
        var baseUrl = app.StartOnKestrel();
        var sessionId = await app.DemoSessionId();
        var start = DateTimeOffset.UtcNow.AddMinutes(-10);
        var first = await Submit(app, sessionId, "小区公共收益的账目为什么不公开？", start);
        var second = await Submit(app, sessionId, "物业费上涨前是否必须经业主大会同意？", start.AddMinutes(1));
        await Submit(app, sessionId, "老旧小区加装电梯补贴什么时候发放？", start.AddMinutes(2));
        var chairCookie = await InquiryApp.CookieHeader(await app.SignedIn("chair"));
        await using var chair = await InquiryApp.ConnectHubOverNetwork(baseUrl, "/hubs/console", chairCookie);
        await chair.Join(sessionId);

        var one = await SignIn(baseUrl, "moderator1");
        await Assertions.Expect(one.Locator("#d-text")).ToHaveTextAsync("小区公共收益的账目为什么不公开？");
        await Assertions.Expect(one.Locator("#status")).ToHaveAttributeAsync("data-status", "live");
        await Assertions.Expect(one.Locator("#count-pending")).ToHaveTextAsync("3");

        await WaitUntilClaimed(app, first, "moderator1");

        // The second moderator opens the same queue: the first question shows as held, so the console starts on the next.
        var two = await SignIn(baseUrl, "moderator2");
        await Assertions.Expect(two.Locator($"#q-{first} .badge.held")).ToContainTextAsync("moderator1");
        await Assertions.Expect(two.Locator("#d-text")).ToHaveTextAsync("物业费上涨前是否必须经业主大会同意？");
        await Assertions.Expect(one.Locator($"#q-{second} .badge.held")).ToContainTextAsync("moderator2");

        // Going back to the held question, the second moderator cannot decide it.
        await two.Keyboard.PressAsync("k");
        await Assertions.Expect(two.Locator("#d-held")).ToContainTextAsync("moderator1");
        await Assertions.Expect(two.Locator("#approve")).ToBeDisabledAsync();
        await two.Keyboard.PressAsync("a");
        await two.Keyboard.PressAsync("j");
        await Assertions.Expect(two.Locator("#d-text")).ToHaveTextAsync("物业费上涨前是否必须经业主大会同意？");

        await one.Keyboard.PressAsync("a");
        var approved = await chair.WaitForEvent("question.approved", d => d.GetProperty("question").GetProperty("id").GetGuid() == first);
        Assert.Equal(1, approved.Data.GetProperty("question").GetProperty("askedBy").GetInt32());
        // The approval leaves the second moderator's pending queue at once.
        await Assertions.Expect(two.Locator("#queue li")).ToHaveCountAsync(2);
        await Assertions.Expect(two.Locator("#count-approved")).ToHaveTextAsync("1");

        // The first moderator moves on past the question the second holds.
        await Assertions.Expect(one.Locator("#d-text")).ToHaveTextAsync("老旧小区加装电梯补贴什么时候发放？");
        await two.Locator("#reason").FillAsync("重复提问，已有相同问题");
        await two.Locator("#reason").PressAsync("Enter");
        await Assertions.Expect(two.Locator("#count-rejected")).ToHaveTextAsync("1");
        await Assertions.Expect(one.Locator("#count-pending")).ToHaveTextAsync("1");
        await Assertions.Expect(one.Locator("#queue li")).ToHaveCountAsync(1);
        // A question sent now appears on both consoles by itself.
        await Submit(app, sessionId, "小区公共收益用在了哪里？", DateTimeOffset.UtcNow);
        await Assertions.Expect(one.Locator("#queue li")).ToHaveCountAsync(2);
        await Assertions.Expect(two.Locator("#count-pending")).ToHaveTextAsync("2");
        await BrowserFixture.Screenshot(one, "moderation-first-moderator");
        await BrowserFixture.Screenshot(two, "moderation-second-moderator");

        var decisions = await app.Db(db => db.ModerationDecisions.AsNoTracking()
            .Where(d => d.QuestionId == first || d.QuestionId == second).OrderBy(d => d.Id)
            .Select(d => new { d.QuestionId, d.Moderator, d.Action }).ToListAsync());
        Assert.Equal([new { QuestionId = first, Moderator = "moderator1", Action = "approve" }, new { QuestionId = second, Moderator = "moderator2", Action = "reject" }], decisions);
    }

    [Fact]
    public async Task OneKey_MergesAQuestionIntoItsMostSimilar_AndTheAuditPageShowsIt()
    {
        using var app = new InquiryApp();
        var baseUrl = app.StartOnKestrel();
        var sessionId = await app.DemoSessionId();
        var start = DateTimeOffset.UtcNow.AddMinutes(-10);
        var duplicate = await Submit(app, sessionId, "老旧小区加装电梯的补贴什么时候发放", start);
        var target = await Submit(app, sessionId, "老旧小区加装电梯补贴什么时候发放？", start.AddMinutes(1));

        var page = await SignIn(baseUrl, "moderator1", locale: "en");
        await Assertions.Expect(page.Locator("#d-text")).ToHaveTextAsync("老旧小区加装电梯的补贴什么时候发放");
        await Assertions.Expect(page.Locator("#similar li")).ToHaveCountAsync(1);
        await page.Keyboard.PressAsync("1");

        await Assertions.Expect(page.Locator("#count-merged")).ToHaveTextAsync("1");
        await Assertions.Expect(page.Locator("#d-text")).ToHaveTextAsync("老旧小区加装电梯补贴什么时候发放？");
        Assert.Equal(1, await app.Db(db => db.Questions.Where(q => q.Id == target).Select(q => q.MergedCount).SingleAsync()));
        await BrowserFixture.Screenshot(page, "moderation-after-merge");

        var admin = await SignIn(baseUrl, "admin", next: $"/audit.html?s={sessionId}", locale: "en");
        await Assertions.Expect(admin.Locator("#rows tr")).ToHaveCountAsync(1);
        await Assertions.Expect(admin.Locator("#rows tr").First).ToContainTextAsync("Merge");
        await Assertions.Expect(admin.Locator("#words-source")).ToHaveTextAsync("In force: the default list");
        await admin.Locator("#words-text").FillAsync("传销\nscam");
        await admin.Locator("#words-save").ClickAsync();
        await Assertions.Expect(admin.Locator("#words-source")).ToHaveTextAsync("In force: the list kept by admins");
        await BrowserFixture.Screenshot(admin, "moderation-audit");
        Assert.Equal(duplicate, await app.Db(db => db.ModerationDecisions.Select(d => d.QuestionId).SingleAsync()));
    }

    [Fact]
    public async Task ACluster_IsMergedInBulk_LeavingOutWhatTheModeratorUnticks()
    {
        using var app = new InquiryApp();
        var baseUrl = app.StartOnKestrel();
        var sessionId = await app.DemoSessionId();
        var start = DateTimeOffset.UtcNow.AddMinutes(-10);
        var target = await Submit(app, sessionId, "小区停车位只租不售是否合法？", start);
        var kept = await Submit(app, sessionId, "停车位只租不售合法吗？", start.AddMinutes(1));
        var merged = await Submit(app, sessionId, "小区停车位只租不售合法吗", start.AddMinutes(2));
        await Submit(app, sessionId, "业主委员会选举如何启动？", start.AddMinutes(3));

        var page = await SignIn(baseUrl, "moderator2");
        await Assertions.Expect(page.Locator("#count-pending")).ToHaveTextAsync("4");
        await page.Locator("#clusters-toggle").ClickAsync();
        await Assertions.Expect(page.Locator(".cluster")).ToHaveCountAsync(1);
        await Assertions.Expect(page.Locator(".cluster li.target")).ToHaveTextAsync("小区停车位只租不售是否合法？");
        await page.Locator($".cluster input[value='{kept}']").UncheckAsync();
        await page.Locator(".cluster button").ClickAsync();

        await Assertions.Expect(page.Locator("#count-merged")).ToHaveTextAsync("1");
        await Assertions.Expect(page.Locator("#count-pending")).ToHaveTextAsync("3");
        var states = await app.Db(db => db.Questions.Where(q => q.Id == kept || q.Id == merged || q.Id == target)
            .ToDictionaryAsync(q => q.Id, q => (q.Status, q.MergedCount)));
        Assert.Equal((QuestionStatus.Pending, 1), states[target]);
        Assert.Equal(QuestionStatus.Pending, states[kept].Status);
        Assert.Equal(QuestionStatus.Merged, states[merged].Status);
    }

    private static async Task WaitUntilClaimed(InquiryApp app, Guid questionId, string moderator)
    {
        for (var i = 0; i < 100; i++)
        {
            if (await app.Db(db => db.Questions.AnyAsync(q => q.Id == questionId && q.ClaimedBy == moderator))) return;
            await Task.Delay(100);
        }
        throw new TimeoutException($"{moderator} never claimed the question.");
    }

    private async Task<IPage> SignIn(string baseUrl, string userName, string next = "/moderate.html", string locale = "zh-CN")
    {
        var page = await browser.NewPage(baseUrl, locale: locale);
        if (locale == "en") await page.AddInitScriptAsync("localStorage.setItem('il.lang', 'en')");
        await page.GotoAsync($"/login.html?next={Uri.EscapeDataString(next)}");
        await page.Locator("#userName").FillAsync(userName);
        await page.Locator("#password").FillAsync(InquiryApp.Password);
        await page.Locator("#submit").ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("^[^?]*" + System.Text.RegularExpressions.Regex.Escape(next.Split('?')[0])), new() { Timeout = 15000 });
        return page;
    }

    /// <summary>Stores a pending question with its question.submitted event, as viewer intake does.</summary>
    private static async Task<Guid> Submit(InquiryApp app, Guid sessionId, string text, DateTimeOffset at)
    {
        using var scope = app.Services.CreateScope();
        var id = Guid.NewGuid();
        await scope.ServiceProvider.GetRequiredService<SessionCommands>().RunAsync(sessionId, change =>
        {
            var q = new Question { Id = id, SessionId = sessionId, ViewerId = "viewer-browser", Text = text, Status = QuestionStatus.Pending, CreatedAt = at };
            change.Db.Questions.Add(q);
            change.PublishToStaff("question.submitted", new StaffQuestionChanged(StaffQuestionView.From(q)));
            return Task.CompletedTask;
        });
        return id;
    }
}
