using System.Net.Http.Json;
using InquiryLive.BrowserTests.Infrastructure;
using InquiryLive.BrowserTests.Xss;
using InquiryLive.Domain.Text;
using InquiryLive.Tests.Infrastructure;
using Microsoft.Playwright;
using static InquiryLive.BrowserTests.Xss.ApiCalls;
using static InquiryLive.BrowserTests.Xss.XssPayloads;

namespace InquiryLive.BrowserTests;

/// <summary>
/// The payload corpus entered by the admin through the real API (session details, a department, an
/// agenda item, a roster member) and by the chair (a vote's title), then shown where those pages put
/// them: the setup page (<c>/admin.html</c>, mostly as field values), the member's voting page
/// (<c>/member.html</c>, signed in by the member's personal link) and the link sheet
/// (<c>/member-links.html</c>, after issuing and revoking on the page). Nothing runs, nothing is
/// injected, every payload is shown literally.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class XssOnSetupAndMemberPagesTests(BrowserFixture browser)
{
    private const string Title = Svg + " 专题询问";

    [Fact]
    public async Task ThePayloadCorpus_IsShownLiterally_AndNeverRuns_OnTheSetupMemberAndLinkPages()
    {
        using var app = new InquiryApp();
        var baseUrl = app.StartOnKestrel();
        var sessionId = await app.DemoSessionId();
        var s = $"/api/sessions/{sessionId}";
        var admin = await app.SignedIn("admin");
        var chair = await app.SignedIn("chair");

        await Ok(admin.PutAsJsonAsync(s, new { title = Title, topic = JsUrl, description = Handler }));
        var department = (await Read(admin, $"{s}/setup")).GetProperty("departments")[0].GetProperty("id").GetInt32();
        await Ok(admin.PutAsJsonAsync($"{s}/departments/{department}", new { name = Img, headTitle = Bidi }));
        var agenda = await Read(await Ok(admin.PostAsJsonAsync($"{s}/agenda", new { questionerName = Script, questionerKind = "member", departmentId = department, subject = LongLine })));
        var member = await Read(await Ok(admin.PostAsJsonAsync($"{s}/members", new { displayName = Breakout })));
        var memberId = member.GetProperty("id").GetInt32();
        var link = (await Read(await Ok(admin.PostAsync($"{s}/members/{memberId}/link", null)))).GetProperty("link").GetString()!;

        // The chair calls the payload agenda item (its subject becomes the question) and opens a vote on it.
        await Ok(chair.PostAsJsonAsync($"{s}/transitions", new { to = "live" }));
        await Ok(chair.PostAsJsonAsync($"{s}/floor/call", new { agendaItemId = agenda.GetProperty("id").GetInt32() }));
        var poll = await Read(await Ok(chair.PostAsJsonAsync($"{s}/polls", new { title = JsUrl })));
        var pollId = poll.GetProperty("id").GetGuid();

        var failures = new List<string>();
        failures.AddRange(await SetupPage(baseUrl));
        failures.AddRange(await MemberPage(baseUrl, new Uri(link), chair, $"{s}/polls/{pollId}"));
        failures.AddRange(await LinkSheet(baseUrl, sessionId, memberId));
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    /// <summary>The setup page lists sessions and departments as options and the roster as a table; the rest are fields to edit.</summary>
    private async Task<IEnumerable<string>> SetupPage(string baseUrl)
    {
        var page = await WatchedPage.Open(browser, baseUrl, "/admin.html", "admin");
        await page.ExpectText(Title, Img, Breakout);
        await page.ExpectFieldValues(Title, JsUrl, Handler, Img, PlainText.Normalize(Bidi), Script, LongLine);
        return await page.Finish();
    }

    /// <summary>The member signs in by the personal link, sees the open vote, then its published result.</summary>
    private async Task<IEnumerable<string>> MemberPage(string baseUrl, Uri link, HttpClient chair, string pollUrl)
    {
        var page = await WatchedPage.Open(browser, baseUrl, link.PathAndQuery + link.Fragment, user: null, phone: true);
        await page.ExpectText(Breakout + "，您好", Img, JsUrl, LongLine);
        await Ok(chair.PostAsync($"{pollUrl}/close", null));
        await Ok(chair.PostAsync($"{pollUrl}/publish", null));
        try
        {
            await Assertions.Expect(page.Page.Locator("#result-name")).ToHaveTextAsync(JsUrl);
        }
        catch (PlaywrightException)
        {
            page.Problems.Add($"the published result does not show {JsUrl} literally");
        }
        return await page.Finish();
    }

    /// <summary>The link sheet names the member on a card, in the QR code's alt text, and in the toast after revoking.</summary>
    private async Task<IEnumerable<string>> LinkSheet(string baseUrl, Guid sessionId, int memberId)
    {
        var page = await WatchedPage.Open(browser, baseUrl, $"/member-links.html?s={sessionId}", "admin");
        await page.ExpectText(Title, Breakout);
        var card = page.Page.Locator($"li[data-member-id='{memberId}']");
        await card.GetByRole(AriaRole.Button, new() { Name = "重新生成" }).ClickAsync();
        try
        {
            await Assertions.Expect(card.Locator(".link")).ToContainTextAsync("/member.html#token=");
            await Assertions.Expect(card.Locator("img")).ToHaveAttributeAsync("alt", Breakout + " 的个人登录二维码");
            // The QR code itself has arrived (revoking earlier would make its request fail, rightly).
            await Assertions.Expect(card.Locator("img")).ToHaveAttributeAsync("src", new System.Text.RegularExpressions.Regex("^blob:"));
        }
        catch (PlaywrightException e)
        {
            page.Problems.Add($"the issued link's card is not as expected: {e.Message}");
        }
        await card.GetByRole(AriaRole.Button, new() { Name = "收回链接" }).ClickAsync();
        await page.ExpectText($"已收回 {Breakout} 的链接");
        return await page.Finish();
    }
}
