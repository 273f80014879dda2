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
        await Assertions.Expect(page.Locator("#report")).ToContainTextAsync("需再次报告");
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
}
