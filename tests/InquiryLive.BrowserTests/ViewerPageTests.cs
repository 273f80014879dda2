using System.Net.Http.Json;
using InquiryLive.BrowserTests.Infrastructure;
using InquiryLive.Tests.Infrastructure;
using Microsoft.Playwright;

namespace InquiryLive.BrowserTests;

[Collection(BrowserCollection.Name)]
public sealed class ViewerPageTests(BrowserFixture browser)
{
    [Fact]
    public async Task FrontPage_ShowsTheDemoSession_AndFollowsAPushedStateChange()
    {
        using var app = new InquiryApp();
        var baseUrl = app.StartOnKestrel();
        var page = await browser.NewPage(baseUrl, phone: true);
        await page.GotoAsync("/");

        await Assertions.Expect(page.Locator("#title")).ToContainTextAsync("物业管理服务");
        await Assertions.Expect(page.Locator("#status")).ToHaveAttributeAsync("data-status", "live");
        await Assertions.Expect(page.Locator("#state")).ToHaveTextAsync("征集问题中");

        var chair = await app.SignedIn("chair");
        var sessionId = await app.DemoSessionId();
        (await chair.PostAsJsonAsync($"/api/sessions/{sessionId}/transitions", new { to = "live" })).EnsureSuccessStatusCode();

        await Assertions.Expect(page.Locator("#state")).ToHaveTextAsync("直播中");
        await BrowserFixture.Screenshot(page, "viewer-front-page");
    }
}
