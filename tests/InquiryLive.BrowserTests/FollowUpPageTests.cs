using System.Net.Http.Json;
using InquiryLive.BrowserTests.Infrastructure;
using InquiryLive.Tests.FollowUp;
using InquiryLive.Tests.Infrastructure;
using Microsoft.Playwright;

namespace InquiryLive.BrowserTests;

[Collection(BrowserCollection.Name)]
public sealed class FollowUpPageTests(BrowserFixture browser)
{
    private static async Task<FinishedSitting> ArrangeWithFollowUp(InquiryApp app)
    {
        var s = await FinishedSitting.ArrangeAsync(app);
        var clerk = await app.SignedIn("clerk");
        (await clerk.PostAsJsonAsync($"/api/sessions/{s.SessionId}/rectifications", new
        {
            pollId = s.ReReportPoll, title = "物业服务收费公示整改", detail = "全市小区公示收费项目和标准",
            deadline = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(90)).ToString("yyyy-MM-dd"), owner = "价格监督检查处",
        })).EnsureSuccessStatusCode();
        (await clerk.PutAsJsonAsync($"/api/sessions/{s.SessionId}/questions/{s.DeferredQuestion}/written-reply",
            new { text = "维修资金审批时限已压缩至 15 个工作日。" })).EnsureSuccessStatusCode();
        return s;
    }

    [Fact]
    public async Task Report_AfterSignIn_ShowsTheSitting_AndPrintsToANonEmptyA4Pdf()
    {
        using var app = new InquiryApp();
        var baseUrl = app.StartOnKestrel();
        var s = await ArrangeWithFollowUp(app);
        var page = await browser.NewPage(baseUrl);

        await page.GotoAsync($"/report.html?s={s.SessionId}");
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/login\\.html\\?next="));
        await page.FillAsync("#userName", "chair");
        await page.FillAsync("#password", InquiryApp.Password);
        await page.ClickAsync("#submit");

        await Assertions.Expect(page.Locator("#report-title")).ToContainTextAsync("物业管理服务");
        await Assertions.Expect(page.Locator("#report")).ToContainTextAsync("明年能覆盖多少个小区？");
        await Assertions.Expect(page.Locator("#report")).ToContainTextAsync("须再次报告");
        await Assertions.Expect(page.Locator("#report")).ToContainTextAsync("物业服务收费公示整改");
        await Assertions.Expect(page.Locator("#exports")).ToBeHiddenAsync();   // the chair reads; exports are the office's
        await BrowserFixture.Screenshot(page, "followup-report");

        var pdfPath = Path.Combine(BrowserFixture.ArtifactsFolder, "session-report.pdf");
        await page.EmulateMediaAsync(new PageEmulateMediaOptions { Media = Media.Print });
        await page.PdfAsync(new PagePdfOptions { Path = pdfPath, PreferCSSPageSize = true, PrintBackground = true });
        var pdf = await File.ReadAllBytesAsync(pdfPath);
        Assert.True(pdf.Length > 1000);
        Assert.Equal("%PDF-", System.Text.Encoding.ASCII.GetString(pdf, 0, 5));
    }

    [Fact]
    public async Task PublicResults_WithoutSignIn_ShowPublishedVotesItemsAndReplies_ButNothingUnpublished()
    {
        using var app = new InquiryApp();
        var baseUrl = app.StartOnKestrel();
        var s = await ArrangeWithFollowUp(app);
        var page = await browser.NewPage(baseUrl, phone: true);

        await page.GotoAsync($"/results.html?s={s.SessionId}");

        await Assertions.Expect(page.Locator("#title")).ToContainTextAsync("物业管理服务");
        await Assertions.Expect(page.Locator("#votes .vote")).ToHaveCountAsync(3);
        await Assertions.Expect(page.Locator("#votes")).Not.ToContainTextAsync("尚未公布的测评");
        await Assertions.Expect(page.Locator("#rectifications")).ToContainTextAsync("物业服务收费公示整改");
        await Assertions.Expect(page.Locator("#rectifications .rect-status")).ToHaveTextAsync("未开始");
        await Assertions.Expect(page.Locator("#replies")).ToContainTextAsync("15 个工作日");
        await Assertions.Expect(page.Locator("#status")).ToHaveAttributeAsync("data-status", "live");

        // A clerk closes the item; the open page follows without a reload.
        var clerk = await app.SignedIn("clerk");
        var id = await app.Db(db => Task.FromResult(db.RectificationItems.Single().Id));
        (await clerk.PostAsJsonAsync($"/api/sessions/{s.SessionId}/rectifications/{id}/close", new { note = "已全面公示" })).EnsureSuccessStatusCode();
        await Assertions.Expect(page.Locator("#rectifications .rect-status")).ToHaveTextAsync("已销号");
        await BrowserFixture.Screenshot(page, "followup-public-results");
    }

    [Fact]
    public async Task FollowUpConsole_ClerkCreatesAnItem_ClosesItWithANote_AndRepliesInWriting()
    {
        using var app = new InquiryApp();
        var baseUrl = app.StartOnKestrel();
        var s = await FinishedSitting.ArrangeAsync(app);
        var page = await browser.NewPage(baseUrl);
        var login = await page.Context.APIRequest.PostAsync("/api/auth/login", new() { DataObject = new { userName = "clerk", password = InquiryApp.Password } });
        Assert.True(login.Ok);

        await page.GotoAsync($"/followup.html?s={s.SessionId}");
        await Assertions.Expect(page.Locator("#items .empty")).ToHaveTextAsync("没有符合条件的整改事项。");
        await page.SelectOptionAsync("#source", "poll");
        await page.SelectOptionAsync("#pollId", s.ReReportPoll.ToString());
        await page.FillAsync("#title", "物业收费公示整改");
        await page.FillAsync("#deadline", DateTime.UtcNow.AddDays(30).ToString("yyyy-MM-dd"));
        await page.FillAsync("#owner", "价格监督检查处");
        await page.ClickAsync("#new-item button[type=submit]");

        var item = page.Locator("#items .item");
        await Assertions.Expect(item).ToContainTextAsync("市市场监督管理局");
        await Assertions.Expect(item.Locator(".status-badge")).ToHaveTextAsync("未开始");
        await item.GetByRole(AriaRole.Button, new() { Name = "销号" }).ClickAsync();
        await Assertions.Expect(page.Locator("#toast")).ToContainTextAsync("销号须填写整改结果说明");
        await item.Locator("textarea").FillAsync("收费公示制度已建立");
        await item.GetByRole(AriaRole.Button, new() { Name = "销号" }).ClickAsync();
        await Assertions.Expect(item.Locator(".status-badge")).ToHaveTextAsync("已销号");

        var question = page.Locator(".awaiting-q", new() { HasText = "小区电梯老化" });
        await question.Locator("textarea").FillAsync("审批时限已压缩至 15 个工作日。");
        await question.GetByRole(AriaRole.Button, new() { Name = "提交答复" }).ClickAsync();
        await Assertions.Expect(page.Locator(".awaiting-q", new() { HasText = "小区电梯老化" })).ToHaveCountAsync(0);
        await BrowserFixture.Screenshot(page, "followup-console");
        Assert.Equal("审批时限已压缩至 15 个工作日。", await app.Db(db => Task.FromResult(db.Questions.Single(q => q.Id == s.DeferredQuestion).WrittenReply)));
    }
}
