using System.Net.Http.Json;
using System.Text.Json;
using InquiryLive.BrowserTests.Infrastructure;
using InquiryLive.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace InquiryLive.BrowserTests;

/// <summary>
/// The 测评表 through the pages: the chair opens a sheet of departments on the chair console, members
/// fill it on phones, the chair closes and publishes, and the big screen shows the table with 签到
/// and the base of every figure. And an invalid result: the chair must confirm, having read why,
/// before it is published, and the big screen then says 无效 and why.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class SheetEvaluationTests(BrowserFixture browser)
{
    private static readonly string[] Departments = ["市住房和城乡建设局", "市市场监督管理局", "市城市管理局", "市发展和改革委员会"];

    [Fact]
    public async Task ChairOpensASheetOfFourDepartments_ThreePhonesFillIt_AndTheBigScreenShowsThePublishedTable()
    {
        using var app = new InquiryApp();
        var baseUrl = app.StartOnKestrel();
        var sessionId = await app.DemoSessionId();
        var chairApi = await app.SignedIn("chair");
        (await chairApi.PostAsJsonAsync($"/api/sessions/{sessionId}/transitions", new { to = "live" })).EnsureSuccessStatusCode();
        // Turnout counted against the members present: the three who sign in by link make a valid vote.
        await app.Db(db => db.Sessions.ExecuteUpdateAsync(u => u.SetProperty(s => s.TurnoutBase, InquiryLive.Domain.Satisfaction.CountBase.Present)));
        var admin = await app.SignedIn("admin");
        var links = (await (await admin.PostAsync($"/api/sessions/{sessionId}/members/links", null)).Content.ReadFromJsonAsync<JsonElement>())
            .EnumerateArray().Take(3).Select(l => new Uri(l.GetProperty("link").GetString()!)).ToList();

        var chair = await SignIn(baseUrl, "chair", "/chair.html");
        await Assertions.Expect(chair.Locator("#vote-open")).ToBeVisibleAsync();
        var screen = await browser.NewPage(baseUrl);
        await screen.SetViewportSizeAsync(1920, 1080);
        await screen.GotoAsync($"/screen.html?s={sessionId}");
        await Assertions.Expect(screen.Locator("#status")).ToHaveAttributeAsync("data-status", "live");
        var overlay = await browser.NewPage(baseUrl);
        await overlay.SetViewportSizeAsync(1920, 1080);
        await overlay.GotoAsync($"/overlay.html?s={sessionId}");
        await Assertions.Expect(overlay.Locator("body")).ToHaveAttributeAsync("data-status", "live");

        var phones = new List<IPage>();
        foreach (var link in links)
        {
            var phone = await browser.NewPage(baseUrl, phone: true);
            await phone.SetViewportSizeAsync(375, 812);
            await phone.GotoAsync(link.PathAndQuery + link.Fragment);
            await Assertions.Expect(phone.Locator("#waiting-title")).ToBeVisibleAsync();
            await Assertions.Expect(phone.Locator("#attendance-state")).ToHaveTextAsync("签到状态：已签到");
            phones.Add(phone);
        }

        // 签到 by link: the chair and the hall see 应到 / 实到 / 请假.
        await Assertions.Expect(chair.Locator("#vote-attendance")).ToHaveTextAsync("签到：应到 35 人 · 实到 3 人 · 请假 0 人");
        await Assertions.Expect(screen.Locator("#attendance")).ToHaveTextAsync("签到：应到 35 人 · 实到 3 人 · 请假 0 人");

        // The chair picks 测评表: every department is ticked; 全不选 / 全选 work; the fifth is left out.
        await chair.Locator("input[name='kind'][value='sheet']").CheckAsync();
        var boxes = chair.Locator("input[name='sheetDepartment']");
        await Assertions.Expect(boxes).ToHaveCountAsync(5);
        await Assertions.Expect(chair.Locator("#vote-selected")).ToHaveTextAsync("已选 5 / 5 个部门");
        await Assertions.Expect(chair.Locator("#vote-select-all")).ToHaveTextAsync("全不选");
        await chair.Locator("#vote-select-all").ClickAsync();
        await Assertions.Expect(chair.Locator("#vote-selected")).ToHaveTextAsync("已选 0 / 5 个部门");
        await Assertions.Expect(chair.Locator("#vote-select-all")).ToHaveTextAsync("全选");
        await chair.Locator("#vote-select-all").ClickAsync();
        await chair.Locator("label", new() { HasText = "市民政局" }).Locator("input").UncheckAsync();
        await Assertions.Expect(chair.Locator("#vote-selected")).ToHaveTextAsync("已选 4 / 5 个部门");
        await Assertions.Expect(chair.Locator("#vote-open")).ToHaveTextAsync("发起测评表");
        await BrowserFixture.Screenshot(chair, "sheet-01-chair-chooses-departments");
        await chair.Locator("#vote-open").ClickAsync();
        await Assertions.Expect(chair.Locator("#vote-state")).ToHaveTextAsync("投票中");
        await Assertions.Expect(chair.Locator("#vote-sheet-info")).ToHaveTextAsync("测评表 · 4 项");
        await Assertions.Expect(screen.Locator("#turnout-sheet")).ToHaveTextAsync("测评表 · 4 项");
        await Assertions.Expect(screen.Locator("#turnout-text")).ToHaveTextAsync("已投 0 / 应投 35");

        // Three phones fill it in; the second leaves the last item blank and chooses one by arrow key.
        var sheets = new[]
        {
            new[] { "satisfied", "satisfied", "satisfied", "satisfied" },
            new[] { "satisfied", "basicallySatisfied", "dissatisfied", "blank" },
            new[] { "satisfied", "dissatisfied", "dissatisfied", "satisfied" },
        };
        for (var p = 0; p < phones.Count; p++)
        {
            var phone = phones[p];
            await Assertions.Expect(phone.Locator("#sheet-title")).ToBeVisibleAsync();
            await Assertions.Expect(phone.Locator("#sheet-info")).ToHaveTextAsync("测评表 · 共 4 项");
            await Assertions.Expect(phone.Locator(".sheet-item legend")).ToHaveTextAsync(Departments.Select((d, i) => $"{i + 1}{d}").ToArray());
            await Assertions.Expect(phone.Locator("#sheet-progress")).ToHaveTextAsync("已填 0 / 4 项");
            for (var i = 0; i < 4; i++)
            {
                var item = phone.Locator(".sheet-item").Nth(i);
                if (p == 1 && i == 1)
                {
                    // Radio semantics: the arrow key moves from 满意 to 基本满意 and chooses it.
                    await item.Locator("input[value='satisfied']").CheckAsync();
                    await phone.Keyboard.PressAsync("ArrowRight");
                    await Assertions.Expect(item.Locator("input[value='basicallySatisfied']")).ToBeCheckedAsync();
                    continue;
                }
                if (p == 2 && i == 3)
                {
                    // Asking to check with an item left out names it.
                    await phone.Locator("#sheet-next").ClickAsync();
                    await Assertions.Expect(phone.Locator("#sheet-missing")).ToHaveTextAsync($"还有 1 项未选择：{Departments[3]}");
                }
                await item.Locator($"input[value='{sheets[p][i]}']").CheckAsync();
            }
            await Assertions.Expect(phone.Locator("#sheet-progress")).ToHaveTextAsync("已填 4 / 4 项");
            await phone.Locator("#sheet-next").ClickAsync();
            await Assertions.Expect(phone.Locator("#sheet-confirm-title")).ToBeVisibleAsync();
            await Assertions.Expect(phone.Locator("#sheet-summary li")).ToHaveCountAsync(4);
            if (p == 1)
            {
                await Assertions.Expect(phone.Locator("#sheet-summary li").Nth(3)).ToHaveTextAsync($"{Departments[3]}：不填");
                await BrowserFixture.Screenshot(phone, "sheet-02-member-confirms");
            }
            await phone.Locator("#sheet-submit").ClickAsync();
            await Assertions.Expect(phone.Locator("#sheet-recorded-title")).ToHaveTextAsync("您的测评表已提交");
            await Assertions.Expect(phone.Locator("#sheet-form")).ToBeHiddenAsync();
        }
        await Assertions.Expect(phones[1].Locator("#sheet-mine li")).ToHaveTextAsync(
            [$"{Departments[0]}：满意", $"{Departments[1]}：基本满意", $"{Departments[2]}：不满意", $"{Departments[3]}：不填"]);
        await BrowserFixture.Screenshot(phones[1], "sheet-03-member-submitted");

        // The chair closes: the preview is the table; nothing is invalid, so publishing asks nothing.
        await Assertions.Expect(chair.Locator("#vote-turnout")).ToHaveTextAsync("已投 3 / 应投 35");
        await Assertions.Expect(screen.Locator("#turnout-text")).ToHaveTextAsync("已投 3 / 应投 35");
        await chair.Locator("#vote-close").ClickAsync();
        await Assertions.Expect(chair.Locator("#vote-summary tbody tr")).ToHaveCountAsync(4);
        await BrowserFixture.Screenshot(chair, "sheet-04-chair-preview");
        await chair.Locator("#vote-publish").ClickAsync();
        await Assertions.Expect(chair.Locator("#vote-state")).ToHaveTextAsync("已公布");
        await Assertions.Expect(chair.Locator("#publish-dialog")).ToHaveCountAsync(0);

        // The big screen: one row per department, its verdict and the figure that decided it with its base.
        var table = screen.Locator("#result .poll-result-table");
        await Assertions.Expect(table.Locator("tbody tr")).ToHaveCountAsync(4);
        await Assertions.Expect(screen.Locator("#result .poll-result-attendance")).ToHaveTextAsync("应到 35 人 · 实到 3 人 · 请假 0 人 · 参加测评 3 人");
        await Assertions.Expect(table.Locator("tbody tr th")).ToHaveTextAsync(Departments);
        await Assertions.Expect(table.Locator("tbody tr .verdict")).ToHaveTextAsync(["通过", "须再次报告", "须再次报告", "通过"]);
        await Assertions.Expect(table.Locator("tbody tr .poll-result-basis")).ToHaveTextAsync(
        [
            "满意＋基本满意 3 / 有效票 3（100.0%）", "满意＋基本满意 2 / 有效票 3（66.6%）",
            "满意＋基本满意 1 / 有效票 3（33.3%）", "满意＋基本满意 2 / 有效票 2（100.0%）",
        ]);
        await Assertions.Expect(screen.Locator("#result .poll-result-rule")).ToContainTextAsync("参加测评人数下限：实到人数过半数");
        await Assertions.Expect(screen.Locator("#floor")).ToBeHiddenAsync();
        await BrowserFixture.Screenshot(screen, "sheet-05-big-screen-table");
        await Assertions.Expect(overlay.Locator("#result .or-tag")).ToHaveTextAsync("测评表结果已公布");
        await Assertions.Expect(overlay.Locator("#result .or-items li")).ToHaveCountAsync(4);
        await overlay.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.ArtifactsFolder, "sheet-06-overlay.png"), OmitBackground = true });
        foreach (var phone in phones)
        {
            await Assertions.Expect(phone.Locator("#result .poll-result-table tbody tr")).ToHaveCountAsync(4);
        }
        await BrowserFixture.Screenshot(phones[0], "sheet-07-member-result");

        // The same departments again: the server explains, the chair gives the reason, the new sheet opens.
        await chair.Locator("#vote-next").ClickAsync();
        await chair.Locator("input[name='kind'][value='sheet']").CheckAsync();
        await chair.Locator("#vote-open").ClickAsync();
        await Assertions.Expect(chair.Locator("#supersede-dialog")).ToBeVisibleAsync();
        await Assertions.Expect(chair.Locator("#supersede-detail")).ToContainTextAsync("已经测评过");
        await chair.Locator("#supersede-submit").ClickAsync();
        await Assertions.Expect(chair.Locator("#supersede-error")).ToHaveTextAsync("请填写重新测评的理由。");
        await chair.Locator("#supersede-reason").FillAsync("部分委员未收到测评表，重新测评。");
        await BrowserFixture.Screenshot(chair, "sheet-08-chair-supersede-reason");
        await chair.Locator("#supersede-submit").ClickAsync();
        await Assertions.Expect(chair.Locator("#vote-state")).ToHaveTextAsync("投票中");
        await Assertions.Expect(chair.Locator("#vote-sheet-info")).ToHaveTextAsync("测评表 · 5 项");
        var superseded = await app.Db(db => db.PollItems.CountAsync(i => i.SupersededReason == "部分委员未收到测评表，重新测评。"));
        Assert.Equal(4, superseded);
    }

    [Fact]
    public async Task AnInvalidSingleResult_AsksTheChairToConfirmWithTheReason_AndTheBigScreenShowsItAsInvalid()
    {
        using var app = new InquiryApp();
        var baseUrl = app.StartOnKestrel();
        var sessionId = await app.DemoSessionId();
        var chairApi = await app.SignedIn("chair");
        (await chairApi.PostAsJsonAsync($"/api/sessions/{sessionId}/transitions", new { to = "live" })).EnsureSuccessStatusCode();
        var member = await app.SignedIn("member01");

        var chair = await SignIn(baseUrl, "chair", "/chair.html");
        var screen = await browser.NewPage(baseUrl);
        await screen.SetViewportSizeAsync(1920, 1080);
        await screen.GotoAsync($"/screen.html?s={sessionId}");
        await Assertions.Expect(screen.Locator("#status")).ToHaveAttributeAsync("data-status", "live");

        // By keyboard: each step leaves the focus on the next step's button.
        await chair.Locator("#vote-department").SelectOptionAsync(new SelectOptionValue { Label = Departments[0] });
        await chair.Locator("#vote-open").FocusAsync();
        await chair.Keyboard.PressAsync("Enter");
        await Assertions.Expect(chair.Locator("#vote-state")).ToHaveTextAsync("投票中");
        await Assertions.Expect(chair.Locator("#vote-close")).ToBeFocusedAsync();
        var pollId = await app.Db(db => db.Polls.Select(p => p.Id).SingleAsync());
        (await member.PostAsJsonAsync($"/api/sessions/{sessionId}/polls/{pollId}/ballots", new { ballotId = Guid.NewGuid(), choice = "satisfied" })).EnsureSuccessStatusCode();
        await Assertions.Expect(chair.Locator("#vote-turnout")).ToHaveTextAsync("已投 1 / 应投 35");
        await chair.Keyboard.PressAsync("Enter");
        await Assertions.Expect(chair.Locator("#vote-publish")).ToBeFocusedAsync();

        // One of 35 took part: under the 参加测评人数下限 (过半数 of all members), the preview says so.
        const string Reason = "参加测评 1 人，未达到参加测评人数下限：须全体组成人员 35 人的过半数（至少 18 人）。";
        await Assertions.Expect(chair.Locator("#vote-summary .poll-result-verdict")).ToHaveTextAsync("无效");
        await Assertions.Expect(chair.Locator("#vote-summary .poll-result-invalid")).ToHaveTextAsync(Reason);

        // The clerk re-enters the count from the paper ballot: the chair's preview follows (staff event).
        var clerk = await app.SignedIn("clerk");
        (await clerk.PostAsJsonAsync($"/api/sessions/{sessionId}/polls/{pollId}/paper",
            new { satisfied = 1, basicallySatisfied = 0, dissatisfied = 0, ballots = 1, replace = true, reason = "核对纸质票" })).EnsureSuccessStatusCode();
        await Assertions.Expect(chair.Locator("#vote-summary")).ToContainTextAsync("纸质票录入（clerk）");
        await Assertions.Expect(chair.Locator("#vote-summary .poll-result-invalid")).ToHaveTextAsync(Reason);

        // Publishing asks first, with the reason; cancelling publishes nothing.
        await chair.Locator("#vote-publish").ClickAsync();
        var dialog = chair.Locator("#publish-dialog");
        await Assertions.Expect(dialog).ToBeVisibleAsync();
        await Assertions.Expect(dialog.Locator("#publish-invalid li")).ToHaveTextAsync($"对{Departments[0]}答询的满意度测评：{Reason}");
        await Assertions.Expect(dialog).ToContainTextAsync("公布后将标明“无效”");
        await BrowserFixture.Screenshot(chair, "invalid-01-chair-confirms");
        await dialog.Locator(".dialog-cancel").ClickAsync();
        await Assertions.Expect(dialog).ToBeHiddenAsync();
        await Assertions.Expect(chair.Locator("#vote-state")).ToHaveTextAsync("已结束，待公布");
        Assert.Equal(InquiryLive.Polls.PollState.Closed, await app.Db(db => db.Polls.Select(p => p.State).SingleAsync()));

        await chair.Locator("#vote-publish").ClickAsync();
        await dialog.Locator("#publish-confirm").ClickAsync();
        await Assertions.Expect(chair.Locator("#vote-state")).ToHaveTextAsync("已公布");

        // The hall sees 无效 and why, with the figure and its base.
        await Assertions.Expect(screen.Locator("#result .poll-result-verdict")).ToHaveTextAsync("无效");
        await Assertions.Expect(screen.Locator("#result .poll-result-invalid")).ToHaveTextAsync(Reason);
        await Assertions.Expect(screen.Locator("#result .poll-result-figures")).ToContainTextAsync("参加测评 1 / 全体组成人员 35");
        await BrowserFixture.Screenshot(screen, "invalid-02-big-screen");
    }

    private async Task<IPage> SignIn(string baseUrl, string userName, string next)
    {
        var page = await browser.NewPage(baseUrl);
        await page.GotoAsync($"/login.html?next={Uri.EscapeDataString(next)}");
        await page.Locator("#userName").FillAsync(userName);
        await page.Locator("#password").FillAsync(InquiryApp.Password);
        await page.Locator("#submit").ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("^[^?]*" + System.Text.RegularExpressions.Regex.Escape(next)));
        await Assertions.Expect(page.Locator("#status")).ToHaveAttributeAsync("data-status", "live");
        return page;
    }
}
