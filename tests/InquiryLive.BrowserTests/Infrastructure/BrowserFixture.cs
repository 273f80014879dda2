using InquiryLive.Hosting;
using Microsoft.Playwright;

namespace InquiryLive.BrowserTests.Infrastructure;

/// <summary>
/// One headless Debian Chromium for the whole browser suite (Playwright drives it; no browser is
/// downloaded). Set CHROMIUM_PATH to use another binary.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    private IPlaywright? _playwright;

    public IBrowser Browser { get; private set; } = null!;

    public static string ArtifactsFolder { get; } = Directory.CreateDirectory(
        Path.Combine(ContentRoot.Find(), "artifacts", "browser-tests")).FullName;

    public async Task InitializeAsync()
    {
        // Pushes cross a real server and browser on a 2-core CI machine: expectations wait up to 15 s
        // (they pass as soon as the condition holds; tests that measure latency set their own bound).
        Assertions.SetDefaultExpectTimeout(15000);
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Environment.GetEnvironmentVariable("CHROMIUM_PATH") ?? "/usr/bin/chromium",
            Headless = true,
            Args =
            [
                "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
            ],
        });
    }

    /// <summary>A fresh browser context (its own cookies, like another device), phone-sized or desktop.</summary>
    public async Task<IPage> NewPage(string baseUrl, bool phone = false, string locale = "zh-CN")
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = baseUrl,
            Locale = locale,
            ViewportSize = phone ? new ViewportSize { Width = 412, Height = 915 } : new ViewportSize { Width = 1440, Height = 900 },
            IsMobile = phone,
            HasTouch = phone,
        });
        var page = await context.NewPageAsync();
        page.Dialog += (_, dialog) => throw new InvalidOperationException($"A dialog opened: {dialog.Message}");
        return page;
    }

    public static Task Screenshot(IPage page, string name) =>
        page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ArtifactsFolder, name + ".png"), FullPage = true });

    public async Task DisposeAsync()
    {
        if (Browser is not null) await Browser.DisposeAsync();
        _playwright?.Dispose();
    }
}

[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserFixture>
{
    public const string Name = "browser";
}
