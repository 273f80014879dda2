using System.Net.Http.Json;
using System.Text.Json;
using InquiryLive.BrowserTests.Infrastructure;
using InquiryLive.Polls;
using InquiryLive.Tests.Evaluation;
using InquiryLive.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace InquiryLive.BrowserTests;

/// <summary>The clerk console: 签到 by mouse and keyboard followed by the big screen, and paper counts that never show a tally.</summary>
[Collection(BrowserCollection.Name)]
public sealed class ClerkPageTests(BrowserFixture browser)
{
    private async Task<IPage> Clerk(string baseUrl, Guid sessionId, List<string>? requests = null)
    {
        var page = await browser.NewPage(baseUrl);
        if (requests is not null) page.Request += (_, r) => requests.Add(r.Url);
        var login = await page.Context.APIRequest.PostAsync("/api/auth/login", new() { DataObject = new { userName = "clerk", password = InquiryApp.Password } });
        Assert.True(login.Ok);
        await page.GotoAsync($"/clerk.html?s={sessionId}");
        await Assertions.Expect(page.Locator("#status")).ToHaveAttributeAsync("data-status", "live");
        return page;
    }

    private static ILocator Row(IPage page, string name) => page.Locator("#att-list tr", new() { Has = page.Locator("th", new() { HasTextString = name }) });

    [Fact]
    public async Task Clerk_MarksMembersPresentAndOnLeave_ByMouseAndKeyboard_AndTheBigScreensAttendanceFollows()
    {
        using var app = new InquiryApp();
        var baseUrl = app.StartOnKestrel();
        var (sessionId, chair) = await Voting.LiveSession(app);
        var screen = await browser.NewPage(baseUrl);
        await screen.GotoAsync($"/screen.html?s={sessionId}");
        await Assertions.Expect(screen.Locator("#attendance")).ToContainTextAsync("应到 35 人 · 实到 0 人 · 请假 0 人");

        var page = await Clerk(baseUrl, sessionId);
        await Assertions.Expect(page.Locator("#att-list > tr")).ToHaveCountAsync(35);
        await Assertions.Expect(page.Locator("#att-expected")).ToHaveTextAsync("35 人");

        // By mouse: the first member is present.
        await Row(page, "王建华").GetByRole(AriaRole.Button, new() { Name = "实到", Exact = true }).ClickAsync();
        await Assertions.Expect(Row(page, "王建华")).ToHaveAttributeAsync("data-status", "present");
        await Assertions.Expect(Row(page, "王建华").GetByRole(AriaRole.Button, new() { Name = "实到", Exact = true })).ToHaveAttributeAsync("aria-pressed", "true");

        // By keyboard: find her by name, Enter jumps to her 实到 button, Tab to 请假, Enter.
        await page.Locator("#att-filter").FillAsync("李红梅");
        await Assertions.Expect(page.Locator("#att-list > tr:not(.hidden)")).ToHaveCountAsync(1);
        await page.Locator("#att-filter").PressAsync("Enter");
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(Row(page, "李红梅")).ToHaveAttributeAsync("data-status", "onLeave");
        await Assertions.Expect(page.Locator("#att-present")).ToHaveTextAsync("1 人");
        await Assertions.Expect(page.Locator("#att-onleave")).ToHaveTextAsync("1 人");
        await Assertions.Expect(screen.Locator("#attendance")).ToContainTextAsync("应到 35 人 · 实到 1 人 · 请假 1 人");

        // Members who sign in by their personal links (the first three, 李红梅 among them: she came after
        // all) appear present on the clerk's page without a reload.
        await page.Locator("#att-filter").FillAsync("");
        await Voting.MembersByLink(app, sessionId, 3);
        await Assertions.Expect(Row(page, "张德胜")).ToHaveAttributeAsync("data-status", "present");
        await Assertions.Expect(Row(page, "张德胜").Locator(".att-when")).ToContainTextAsync("本人签到");
        await Assertions.Expect(Row(page, "李红梅")).ToHaveAttributeAsync("data-status", "present");
        await Assertions.Expect(page.Locator("#att-onleave")).ToHaveTextAsync("0 人");
        await Assertions.Expect(screen.Locator("#attendance")).ToContainTextAsync("应到 35 人 · 实到 3 人 · 请假 0 人");
        await BrowserFixture.Screenshot(page, "clerk-attendance");
        await BrowserFixture.Screenshot(screen, "screen-attendance");

        // 重新签到 is refused while a vote is open, in the server's words; afterwards it clears everyone.
        var poll = await Voting.Open(chair, sessionId);
        await page.Locator("#att-reset").ClickAsync();
        await page.Locator("#att-reset-yes").ClickAsync();
        await Assertions.Expect(page.Locator("#att-error")).ToHaveTextAsync("测评进行中，不能修改名单或签到基数。");
        await Voting.Close(chair, sessionId, poll);
        await page.Locator("#att-reset").ClickAsync();
        await Assertions.Expect(page.Locator("#att-reset-yes")).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.Locator("#att-list > tr[data-status='absent']")).ToHaveCountAsync(35);
        await Assertions.Expect(screen.Locator("#attendance")).ToContainTextAsync("应到 35 人 · 实到 0 人 · 请假 0 人");
    }

    [Fact]
    public async Task Clerk_EntersPaperCountsForASheet_IsToldToReplaceWithAReasonOverElectronicBallots_AndNeverSeesACount()
    {
        using var app = new InquiryApp();
        var baseUrl = app.StartOnKestrel();
        var (sessionId, chair) = await Voting.LiveSession(app);
        var departments = await app.Db(db => db.Departments.OrderBy(d => d.Order).Select(d => d.Id).Take(3).ToListAsync());
        var phones = await Voting.MembersByLink(app, sessionId, 3);
        var opened = await chair.PostAsJsonAsync($"/api/sessions/{sessionId}/polls",
            new { title = "对各应询部门的满意度测评表", items = departments.Select(d => new { departmentId = d }) });
        opened.EnsureSuccessStatusCode();
        var poll = await opened.Content.ReadFromJsonAsync<JsonElement>();
        var pollId = poll.GetProperty("id").GetGuid();
        var items = poll.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetInt64()).ToList();
        foreach (var phone in phones)
        {
            (await phone.PostAsJsonAsync($"/api/sessions/{sessionId}/polls/{pollId}/ballots",
                new { ballotId = Guid.NewGuid(), choices = items.Select(i => new { itemId = i, choice = "dissatisfied" }) })).EnsureSuccessStatusCode();
        }

        var requests = new List<string>();
        var page = await Clerk(baseUrl, sessionId, requests);
        await Assertions.Expect(page.Locator("#paper-body")).ToContainTextAsync("正在进行");
        await Voting.Close(chair, sessionId, pollId);
        var rows = page.Locator("#paper-form tbody tr");
        await Assertions.Expect(rows).ToHaveCountAsync(3);
        await Assertions.Expect(page.Locator("#paper-form")).ToContainTextAsync("测评表（3 项）");

        for (var i = 0; i < 3; i++)
        {
            var inputs = rows.Nth(i).Locator("input");
            await inputs.Nth(0).FillAsync("2");
            await inputs.Nth(1).FillAsync("1");
            await inputs.Nth(2).FillAsync("0");
        }
        // More papers than members present: record 签到 first.
        await page.Locator("#paper-ballots").FillAsync("5");
        await page.Locator("#paper-submit").ClickAsync();
        await Assertions.Expect(page.Locator("#paper-error")).ToContainTextAsync("请先在签到中登记");
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "去登记签到" })).ToBeVisibleAsync();

        // The vote holds electronic ballots: the server's words, then the replace box and a reason.
        await page.Locator("#paper-ballots").FillAsync("3");
        await page.Locator("#paper-submit").ClickAsync();
        await Assertions.Expect(page.Locator("#paper-error")).ToContainTextAsync("本项测评已有 3 张电子票");
        await Assertions.Expect(page.Locator("#paper-replace")).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("Space");
        await page.Locator("#paper-submit").ClickAsync();
        await Assertions.Expect(page.Locator("#paper-form [data-error-for='reason']")).ToHaveTextAsync("替换已有计票结果须说明理由。");
        await page.Locator("#paper-reason").FillAsync("电子表决器故障，以纸质票为准");
        await page.Locator("#paper-submit").ClickAsync();

        // Entered: how many papers, nothing more. The form is empty again; no tally was asked for.
        await Assertions.Expect(page.Locator("#paper-done")).ToHaveTextAsync("已录入（3 张选票），原有计票结果已替换并记入测评记录。");
        foreach (var input in await page.Locator("#paper-form input[type=number]").AllAsync()) await Assertions.Expect(input).ToHaveValueAsync("");
        await Assertions.Expect(page.Locator(".poll-result")).ToHaveCountAsync(0);
        foreach (var word in new[] { "须再次报告", "基本满意 1", "满意 2", "不满意 3", "通过" })
        {
            await Assertions.Expect(page.Locator("main")).Not.ToContainTextAsync(word);
        }
        Assert.DoesNotContain(requests, r => r.Contains("/tally", StringComparison.Ordinal) || r.Contains("/report", StringComparison.Ordinal));
        await BrowserFixture.Screenshot(page, "clerk-paper-sheet");

        var stored = await app.Db(db => db.Polls.Include(p => p.Items).SingleAsync(p => p.Id == pollId));
        Assert.True(stored.EnteredByHand);
        Assert.All(stored.Items, i => Assert.Equal((2, 1, 0), (i.Satisfied, i.BasicallySatisfied, i.Dissatisfied)));
        var audit = await app.Db(db => db.VoteAudit.SingleAsync(a => a.PollId == pollId && a.Action == VoteAuditActions.PaperReplaced));
        Assert.Equal("电子表决器故障，以纸质票为准", audit.Reason);
        Assert.Equal("clerk", audit.By);
    }
}
