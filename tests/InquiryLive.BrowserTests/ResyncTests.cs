using System.Net.Http.Json;
using InquiryLive.BrowserTests.Infrastructure;
using InquiryLive.Tests.Infrastructure;
using Microsoft.Playwright;

namespace InquiryLive.BrowserTests;

[Collection(BrowserCollection.Name)]
public sealed class ResyncTests(BrowserFixture browser)
{
    [Fact]
    public async Task WithTheWebSocketBlocked_ThePageStillShowsTheSession_AndFollowsItOverHttp()
    {
        using var app = new InquiryApp();
        var baseUrl = app.StartOnKestrel();
        var page = await browser.NewPage(baseUrl, phone: true);
        // A network that refuses WebSockets (some proxies do): every hub connection is closed at once.
        await page.RouteWebSocketAsync("**/hubs/live", ws => ws.CloseAsync());
        await page.GotoAsync("/");

        await Assertions.Expect(page.Locator("#title")).ToContainTextAsync("物业管理服务");
        await Assertions.Expect(page.Locator("#status")).Not.ToHaveAttributeAsync("data-status", "live");

        var chair = await app.SignedIn("chair");
        (await chair.PostAsJsonAsync($"/api/sessions/{await app.DemoSessionId()}/transitions", new { to = "live" })).EnsureSuccessStatusCode();
        await Assertions.Expect(page.Locator("#state")).ToHaveTextAsync("直播中", new() { Timeout = 15000 });
    }

    [Fact]
    public async Task AfterTheWebSocketDrops_DuringABurstOfEvents_ThePageCatchesUpWithNoGap()
    {
        using var app = new InquiryApp();
        var baseUrl = app.StartOnKestrel();
        var sessionId = await app.DemoSessionId();
        var page = await browser.NewPage(baseUrl, phone: true);
        IWebSocketRoute? socket = null;
        await page.RouteWebSocketAsync("**/hubs/live", ws => { socket = ws; ws.ConnectToServer(); });
        await page.GotoAsync("/");
        await Assertions.Expect(page.Locator("#status")).ToHaveAttributeAsync("data-status", "live");

        // Drop the connection, then change the state several times while the page is away.
        await socket!.CloseAsync();
        var chair = await app.SignedIn("chair");
        foreach (var to in new[] { "live", "paused", "live", "paused", "live" })
        {
            (await chair.PostAsJsonAsync($"/api/sessions/{sessionId}/transitions", new { to })).EnsureSuccessStatusCode();
        }

        // It reconnects (or polls) and ends on the last state, having applied every event in order.
        await Assertions.Expect(page.Locator("#state")).ToHaveTextAsync("直播中", new() { Timeout = 20000 });
        await Assertions.Expect(page.Locator("#status")).ToHaveAttributeAsync("data-status", "live", new() { Timeout = 20000 });
    }
}
