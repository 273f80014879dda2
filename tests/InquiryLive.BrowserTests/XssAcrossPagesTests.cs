using System.Net.Http.Json;
using System.Text.Json;
using InquiryLive.BrowserTests.Infrastructure;
using InquiryLive.Domain.Text;
using InquiryLive.Tests.Infrastructure;
using Microsoft.Playwright;

namespace InquiryLive.BrowserTests;

/// <summary>
/// A corpus of XSS payloads entered wherever people type text (question, nickname, live feed,
/// follow-up, reject reason, agenda, session title, rectification item and note, written reply),
/// then every page that shows user text opened in Chromium: no dialog, no script error, no element
/// injected, and the payload shown literally.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class XssAcrossPagesTests(BrowserFixture browser)
{
    private const string Script = "<script>alert('xss-script')</script>";
    private const string Img = "<img src=x onerror=alert('xss')>";
    private const string Handler = "<div onmouseover=\"alert('xss-on')\" onclick=alert(3)>悬停</div>";
    private const string JsUrl = "<a href=\"javascript:alert('xss-url')\">点我</a>";
    private const string Svg = "<svg onload=alert('xss-svg')><circle r=9></svg>";
    private const string Breakout = "\"><script>alert('xss-break')</script><input value=\"";
    private const string Bidi = "\u202Eexe.gnp\u202C 物业\u2066费\u2069为何上涨";
    private static readonly string LongLine = new string('长', 440) + "<b>x</b>" + new string('w', 40);

    /// <summary>Elements a payload would add if it were parsed as markup.</summary>
    private const string Injected =
        "img[src='x'], svg[onload], [onerror], [onmouseover], [onclick], a[href^='javascript'], circle, script:not([src])";

    [Fact]
    public async Task ThePayloadCorpus_IsShownLiterally_AndNeverRuns_OnAnyPage()
    {
        using var app = new InquiryApp();
        var baseUrl = app.StartOnKestrel();
        var sessionId = await app.DemoSessionId();
        var s = $"/api/sessions/{sessionId}";
        var admin = await app.SignedIn("admin");
        var chair = await app.SignedIn("chair");
        var clerk = await app.SignedIn("clerk");
        var moderator = await app.SignedIn("moderator1");
        var setup = await Read(admin, $"{s}/setup");
        var department = setup.GetProperty("departments")[0].GetProperty("id").GetInt32();

        // The admin: session title and topic, and an agenda item (questioner and subject).
        await Ok(admin.PutAsJsonAsync(s, new { title = Svg + " 专题询问", topic = JsUrl, description = Handler }));
        var agenda = await Read(await Ok(admin.PostAsJsonAsync($"{s}/agenda", new { questionerName = Img, questionerKind = "member", departmentId = department, subject = Breakout })));
        await Ok(chair.PostAsJsonAsync($"{s}/transitions", new { to = "live" }));

        // Viewers ask, each from their own phone, with payload nicknames.
        var asked = new Dictionary<string, Guid>();
        foreach (var (text, nickname) in new[] { (Script, "<img src=x onerror=alert(1)>"), (Img, "<svg onload=alert(1)>"), (Handler, "\"><b>x"), (Svg, ""), (JsUrl, ""), (Breakout, ""), (Bidi, ""), (LongLine, "") })
        {
            var viewer = app.Browser();
            await Ok(viewer.GetAsync("/api/auth/me"));
            var id = Guid.NewGuid();
            await Ok(viewer.PostAsJsonAsync($"{s}/questions", new { id, text, nickname }));
            asked[text] = id;
        }

        // A moderator approves four, rejects one with a payload reason; the rest stay pending.
        foreach (var text in new[] { Script, Img, Handler, Svg })
        {
            await Ok(moderator.PostAsJsonAsync($"{s}/moderation/questions/{asked[text]}/approve", new { departmentId = department }));
        }
        await Ok(moderator.PostAsJsonAsync($"{s}/moderation/questions/{asked[JsUrl]}/reject", new { reason = Handler }));

        // The chair calls the payload agenda item and records a payload follow-up.
        await Ok(chair.PostAsJsonAsync($"{s}/floor/call", new { agendaItemId = agenda.GetProperty("id").GetInt32() }));
        await Ok(chair.PostAsJsonAsync($"{s}/floor/follow-ups", new { questionerName = Svg, text = Script }));

        // The clerk: a live feed post, a rectification item with a progress note, a written reply.
        await Ok(clerk.PostAsJsonAsync($"{s}/feed", new { text = Handler + " " + LongLine }));
        var item = await Read(await Ok(clerk.PostAsJsonAsync($"{s}/rectifications", new
        {
            departmentId = department, title = Img, detail = Svg, owner = Script,
            deadline = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(60)).ToString("yyyy-MM-dd"),
        })));
        await Ok(clerk.PostAsJsonAsync($"{s}/rectifications/{item.GetProperty("id").GetInt64()}/progress", new { note = Breakout }));
        await Ok(clerk.PutAsJsonAsync($"{s}/questions/{asked[Svg]}/written-reply", new { text = JsUrl }));

        var bidi = PlainText.Normalize(Bidi);
        var pages = new (string Url, string? User, bool Phone, string[] Shown)[]
        {
            ("/", null, true, [Svg, Breakout, Handler]),
            ($"/results.html?s={sessionId}", null, true, [Img]),
            ($"/screen.html?s={sessionId}", null, false, [Svg, Breakout]),
            // The overlay shows the latest follow-up in place of the question.
            ($"/overlay.html?s={sessionId}", null, false, [Script]),
            // The moderation queue lists the pending ones, the bidi text without its override characters.
            ("/moderate.html", "moderator1", false, [Breakout, bidi, LongLine]),
            ($"/audit.html?s={sessionId}", "admin", false, [Handler]),
            ("/chair.html", "chair", false, [Breakout, Script]),
            ("/clerk.html", "clerk", false, [Handler]),
            ($"/followup.html?s={sessionId}", "clerk", false, [Img]),
            ($"/report.html?s={sessionId}", "admin", false, [Breakout, Img]),
        };
        var failures = new List<string>();
        foreach (var (url, user, phone, shown) in pages)
        {
            var problems = await Visit(baseUrl, url, user, phone, shown);
            failures.AddRange(problems.Select(p => $"{url}: {p}"));
        }
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    private async Task<List<string>> Visit(string baseUrl, string url, string? user, bool phone, string[] shown)
    {
        var (page, errors) = await Open(baseUrl, url, user, phone);
        var problems = new List<string>();
        foreach (var text in shown)
        {
            try
            {
                await Assertions.Expect(page.Locator("body")).ToContainTextAsync(text, new() { Timeout = 15000 });
            }
            catch (PlaywrightException)
            {
                problems.Add($"does not show {text} literally");
            }
        }
        var injected = await page.Locator(Injected).EvaluateAllAsync<string[]>("els => els.map(e => e.outerHTML.slice(0, 120))");
        problems.AddRange(injected.Select(e => "injected element " + e));
        if ((await page.Locator("body").TextContentAsync())!.Contains('\u202E', StringComparison.Ordinal)) problems.Add("shows a bidi override character");
        await BrowserFixture.Screenshot(page, "xss-" + url.TrimStart('/').Split('?')[0].Replace(".html", "", StringComparison.Ordinal) switch { "" => "viewer", var n => n });
        problems.AddRange(errors);
        await page.Context.CloseAsync();
        return problems;
    }

    private async Task<(IPage Page, List<string> Errors)> Open(string baseUrl, string url, string? user, bool phone)
    {
        var page = await browser.NewPage(baseUrl, phone);
        var errors = new List<string>();
        page.Dialog += (_, dialog) => { errors.Add($"a dialog opened: {dialog.Message}"); _ = dialog.DismissAsync(); };
        page.PageError += (_, error) => errors.Add($"page error: {error}");
        // A failed load is reported with its address below; an injected <img src=x> would show as one.
        page.Console += (_, message) => { if (message.Type == "error" && !message.Text.StartsWith("Failed to load resource", StringComparison.Ordinal)) errors.Add($"console error: {message.Text}"); };
        page.Response += (_, response) => { if (response.Status >= 400) errors.Add($"{response.Status} for {response.Request.Method} {new Uri(response.Url).PathAndQuery}"); };
        if (user is not null)
        {
            var login = await page.Context.APIRequest.PostAsync("/api/auth/login", new() { DataObject = new { userName = user, password = InquiryApp.Password } });
            Assert.True(login.Ok, $"sign-in as {user}");
        }
        await page.GotoAsync(url);
        return (page, errors);
    }

    private static async Task<HttpResponseMessage> Ok(Task<HttpResponseMessage> sending)
    {
        var response = await sending;
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        }
        return response;
    }

    private static async Task<JsonElement> Read(HttpClient client, string url) => await Read(await Ok(client.GetAsync(url)));

    private static async Task<JsonElement> Read(HttpResponseMessage response) => await response.Content.ReadFromJsonAsync<JsonElement>();
}
