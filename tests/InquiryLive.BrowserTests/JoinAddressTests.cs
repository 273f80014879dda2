using InquiryLive.BrowserTests.Infrastructure;
using InquiryLive.Tests.Infrastructure;
using Microsoft.Playwright;

namespace InquiryLive.BrowserTests;

/// <summary>The address printed under the join QR code is the one the code encodes: the operator's public address when set.</summary>
[Collection(BrowserCollection.Name)]
public sealed class JoinAddressTests(BrowserFixture browser)
{
    [Fact]
    public async Task ThePrintableJoinPageAndTheBigScreen_ShowTheConfiguredPublicAddress()
    {
        using var app = new InquiryApp(new() { ["Join:PublicUrl"] = "https://rd.example.gov.cn" });
        var baseUrl = app.StartOnKestrel();
        var sessionId = await app.DemoSessionId();
        var expected = $"https://rd.example.gov.cn/?s={sessionId}";

        var join = await browser.NewPage(baseUrl);
        await join.GotoAsync($"/join.html?s={sessionId}");
        await Assertions.Expect(join.Locator("#url")).ToHaveTextAsync(expected);

        var screen = await browser.NewPage(baseUrl);
        await screen.SetViewportSizeAsync(1920, 1080);
        await screen.GotoAsync($"/screen.html?s={sessionId}");
        await Assertions.Expect(screen.Locator("#join-url")).ToHaveTextAsync(expected);
        await Assertions.Expect(screen.Locator("#qr")).ToHaveAttributeAsync("alt", expected);
    }

    [Fact]
    public async Task WithoutAPublicAddress_ThePagesShowTheAddressTheyWereOpenedOn()
    {
        using var app = new InquiryApp();
        var baseUrl = app.StartOnKestrel();
        var sessionId = await app.DemoSessionId();

        var join = await browser.NewPage(baseUrl);
        await join.GotoAsync($"/join.html?s={sessionId}");
        await Assertions.Expect(join.Locator("#url")).ToHaveTextAsync($"{baseUrl.TrimEnd('/')}/?s={sessionId}");
    }
}
