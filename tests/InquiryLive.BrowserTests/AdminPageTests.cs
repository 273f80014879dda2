using InquiryLive.BrowserTests.Infrastructure;
using InquiryLive.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace InquiryLive.BrowserTests;

[Collection(BrowserCollection.Name)]
public sealed class AdminPageTests(BrowserFixture browser)
{
    [Fact]
    public async Task Admin_EditsTheSetup_AndSeesFieldErrorsForABadStreamUrl()
    {
        using var app = new InquiryApp();
        var baseUrl = app.StartOnKestrel();
        var page = await browser.NewPage(baseUrl);
        await page.GotoAsync("/login.html?next=/admin.html");
        await page.Locator("#userName").FillAsync("admin");
        await page.Locator("#password").FillAsync(InquiryApp.Password);
        await page.Locator("#submit").ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("^[^?]*/admin\\.html"), new() { Timeout = 15000 });

        await Assertions.Expect(page.Locator("#f-title")).ToHaveValueAsync("关于全市物业管理服务工作情况的专题询问");
        await Assertions.Expect(page.Locator("#agenda > li")).ToHaveCountAsync(6);
        await Assertions.Expect(page.Locator("#roster > tr")).ToHaveCountAsync(35);

        await page.Locator("#f-stream").FillAsync("javascript:alert(1)");
        await page.Locator("#save-settings").ClickAsync();
        await Assertions.Expect(page.Locator("[data-error-for='streamUrl']")).ToContainTextAsync("http");

        await page.Locator("#f-stream").FillAsync("https://live.example.cn/inquiry.m3u8");
        await page.Locator("#save-settings").ClickAsync();
        await Assertions.Expect(page.Locator("[data-error-for='streamUrl']")).ToBeEmptyAsync();

        await page.Locator("#dept-name").FillAsync("市消防救援支队");
        await page.Locator("#dept-head").FillAsync("支队长");
        await page.Locator("#dept-add button").ClickAsync();
        await Assertions.Expect(page.Locator("#departments > li")).ToHaveCountAsync(6);

        // Move the second questioner up.
        await page.Locator("#agenda > li").Nth(1).Locator("button[aria-label='上移']").ClickAsync();
        await Assertions.Expect(page.Locator("#agenda > li").First.Locator("input").First).ToHaveValueAsync("周慧敏 委员");
        await BrowserFixture.Screenshot(page, "admin-setup");

        Assert.Equal("https://live.example.cn/inquiry.m3u8", await app.Db(db => db.Sessions.Select(s => s.StreamUrl).SingleAsync()));
    }
}
