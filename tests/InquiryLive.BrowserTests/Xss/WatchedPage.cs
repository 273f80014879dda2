using InquiryLive.BrowserTests.Infrastructure;
using InquiryLive.Tests.Infrastructure;
using Microsoft.Playwright;

namespace InquiryLive.BrowserTests.Xss;

/// <summary>
/// A page in Chromium that notes everything a payload would do if it ran (a dialog, a script error,
/// a failed request) and checks that user text is shown literally. Problems are collected, not
/// thrown, so one run reports every page that fails.
/// </summary>
internal sealed class WatchedPage
{
    private readonly string _name;

    private WatchedPage(IPage page, string name)
    {
        Page = page;
        _name = name;
    }

    public IPage Page { get; }

    public List<string> Problems { get; } = [];

    /// <summary>Opens <paramref name="url"/> in a fresh context, signed in as <paramref name="user"/> when given.</summary>
    public static async Task<WatchedPage> Open(BrowserFixture browser, string baseUrl, string url, string? user, bool phone = false)
    {
        var page = await browser.NewPage(baseUrl, phone);
        var watched = new WatchedPage(page, url.TrimStart('/').Split('?', '#')[0].Replace(".html", "", StringComparison.Ordinal) switch { "" => "viewer", var n => n });
        var problems = watched.Problems;
        page.Dialog += (_, dialog) => { problems.Add($"a dialog opened: {dialog.Message}"); _ = dialog.DismissAsync(); };
        page.PageError += (_, error) => problems.Add($"page error: {error}");
        // A failed load is reported with its address below; an injected <img src=x> would show as one.
        page.Console += (_, message) => { if (message.Type == "error" && !message.Text.StartsWith("Failed to load resource", StringComparison.Ordinal)) problems.Add($"console error: {message.Text}"); };
        page.Response += (_, response) => { if (response.Status >= 400) problems.Add($"{response.Status} for {response.Request.Method} {new Uri(response.Url).PathAndQuery}"); };
        if (user is not null)
        {
            var login = await page.Context.APIRequest.PostAsync("/api/auth/login", new() { DataObject = new { userName = user, password = InquiryApp.Password } });
            Assert.True(login.Ok, $"sign-in as {user}");
        }
        await page.GotoAsync(url);
        return watched;
    }

    /// <summary>Each text appears in the page's text (textContent), markup and all.</summary>
    public async Task ExpectText(params string[] texts)
    {
        foreach (var text in texts)
        {
            try
            {
                await Assertions.Expect(Page.Locator("body")).ToContainTextAsync(text, new() { Timeout = 15000 });
            }
            catch (PlaywrightException)
            {
                Problems.Add($"does not show {text} literally");
            }
        }
    }

    /// <summary>Each text is the value of some form field (the setup page edits user text in place).</summary>
    public async Task ExpectFieldValues(params string[] values)
    {
        foreach (var value in values)
        {
            try
            {
                await Page.WaitForFunctionAsync(
                    "v => [...document.querySelectorAll('input, textarea')].some(e => e.value === v)", value, new() { Timeout = 15000 });
            }
            catch (PlaywrightException)
            {
                Problems.Add($"no field holds {value}");
            }
        }
    }

    /// <summary>
    /// Looks for injected elements and bidi overrides, saves a screenshot, closes the page and returns
    /// everything found, each line naming the page.
    /// </summary>
    public async Task<IEnumerable<string>> Finish()
    {
        var injected = await Page.Locator(XssPayloads.Injected).EvaluateAllAsync<string[]>("els => els.map(e => e.outerHTML.slice(0, 120))");
        Problems.AddRange(injected.Select(e => "injected element " + e));
        if ((await Page.Locator("body").TextContentAsync())!.Contains('\u202E', StringComparison.Ordinal)) Problems.Add("shows a bidi override character");
        await BrowserFixture.Screenshot(Page, "xss-" + _name);
        await Page.Context.CloseAsync();
        return Problems.Select(p => $"{_name}: {p}").ToList();
    }
}
