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
/// agenda item, a roster member, an evaluator group and its member) and by the chair (a vote's
/// title), then shown where those pages put
/// them: the setup page (<c>/admin.html</c>, mostly as field values), the member's voting page
/// (<c>/member.html</c>, signed in by the member's personal link) and the link sheet
/// (<c>/member-links.html</c>, after issuing and revoking on the page). Nothing runs, nothing is
/// injected, every payload is shown literally.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class XssOnSetupAndMemberPagesTests(BrowserFixture browser)
{
    private const string Title = Svg + " 专题询问";
    private const string GroupName = "<img src=x onerror=alert('group')>市民代表";
    private const string Evaluator = "<b onclick=alert('evaluator')>王市民</b>";

    /// <summary>What the admin and chair entered, and where to find it.</summary>
    private sealed record Arranged(string BaseUrl, Guid SessionId, HttpClient Chair, string Link, int MemberId, int EvaluatorId, string PollUrl);

    private static async Task<Arranged> Arrange(InquiryApp app)
    {
        var baseUrl = app.StartOnKestrel();
        var sessionId = await app.DemoSessionId();
        var s = $"/api/sessions/{sessionId}";
        var admin = await app.SignedIn("admin");
        var chair = await app.SignedIn("chair");

        await Ok(admin.PatchAsJsonAsync(s, new { title = Title, topic = JsUrl, description = Handler }));
        var department = (await Read(admin, $"{s}/setup")).GetProperty("departments")[0].GetProperty("id").GetInt32();
        await Ok(admin.PutAsJsonAsync($"{s}/departments/{department}", new { name = Img, headTitle = Bidi }));
        var agenda = await Read(await Ok(admin.PostAsJsonAsync($"{s}/agenda", new { questionerName = Script, questionerKind = "member", departmentId = department, subject = LongLine })));
        var member = await Read(await Ok(admin.PostAsJsonAsync($"{s}/members", new { displayName = Breakout })));
        var memberId = member.GetProperty("id").GetInt32();
        var link = (await Read(await Ok(admin.PostAsync($"{s}/members/{memberId}/link", null)))).GetProperty("link").GetString()!;
        var group = await Read(await Ok(admin.PostAsJsonAsync($"{s}/evaluator-groups", new { name = GroupName })));
        var evaluatorId = (await Read(await Ok(admin.PostAsJsonAsync($"{s}/members", new { displayName = Evaluator, groupId = group.GetProperty("id").GetInt32() })))).GetProperty("id").GetInt32();

        // The chair calls the payload agenda item (its subject becomes the question) and opens a vote on it.
        await Ok(chair.PostAsJsonAsync($"{s}/transitions", new { to = "live" }));
        await Ok(chair.PostAsJsonAsync($"{s}/floor/call", new { agendaItemId = agenda.GetProperty("id").GetInt32() }));
        var poll = await Read(await Ok(chair.PostAsJsonAsync($"{s}/polls", new { title = JsUrl })));
        return new Arranged(baseUrl, sessionId, chair, link, memberId, evaluatorId, $"{s}/polls/{poll.GetProperty("id").GetGuid()}");
    }

    [Fact]
    public async Task ThePayloadCorpus_IsShownLiterally_AndNeverRuns_OnTheSetupAndLinkPages()
    {
        using var app = new InquiryApp();
        var a = await Arrange(app);
        var failures = new List<string>();
        failures.AddRange(await SetupPage(a.BaseUrl));
        failures.AddRange(await LinkSheet(a.BaseUrl, a.SessionId, a.MemberId, a.EvaluatorId));
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    [Fact]
    public async Task ThePayloadCorpus_IsShownLiterally_AndNeverRuns_OnTheMemberPage()
    {
        using var app = new InquiryApp();
        var a = await Arrange(app);
        var failures = (await MemberPage(a.BaseUrl, new Uri(a.Link), a.Chair, a.PollUrl)).ToList();
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    /// <summary>The setup page lists sessions and departments as options and the roster as a table; the rest are fields to edit.</summary>
    private async Task<IEnumerable<string>> SetupPage(string baseUrl)
    {
        var page = await WatchedPage.Open(browser, baseUrl, "/admin.html", "admin");
        await page.ExpectText(Title, Img, Breakout, GroupName, Evaluator);
        await page.ExpectFieldValues(Title, JsUrl, Handler, Img, PlainText.Normalize(Bidi), Script, LongLine);
        return await page.Finish();
    }

    /// <summary>The member signs in by the personal link, sees the open vote, then its published result.</summary>
    private async Task<IEnumerable<string>> MemberPage(string baseUrl, Uri link, HttpClient chair, string pollUrl)
    {
        var page = await WatchedPage.Open(browser, baseUrl, link.PathAndQuery + link.Fragment, user: null, phone: true);
        await page.ExpectText(Breakout + "，您好", Img, JsUrl, LongLine);
        await Ok(chair.PostAsync($"{pollUrl}/close", null));
        // Nobody voted: the chair confirms publishing a result that is invalid (under the minimum turnout).
        await Ok(chair.PostAsJsonAsync($"{pollUrl}/publish", new { confirmInvalid = true }));
        try
        {
            await Assertions.Expect(page.Page.Locator("#result .poll-result-title")).ToHaveTextAsync(JsUrl);
        }
        catch (PlaywrightException)
        {
            page.Problems.Add($"the published result does not show {JsUrl} literally");
        }
        return await page.Finish();
    }

    /// <summary>
    /// The link sheet names the member on a card, in the QR code's alt text, and in the toast after
    /// revoking; an evaluator's card carries their group's name.
    /// </summary>
    private async Task<IEnumerable<string>> LinkSheet(string baseUrl, Guid sessionId, int memberId, int evaluatorId)
    {
        var page = await WatchedPage.Open(browser, baseUrl, $"/member-links.html?s={sessionId}", "admin");
        await page.ExpectText(Title, Breakout, Evaluator);
        try
        {
            await Assertions.Expect(page.Page.Locator($"li[data-member-id='{evaluatorId}'] .group")).ToHaveTextAsync("身份：" + GroupName);
        }
        catch (PlaywrightException e)
        {
            page.Problems.Add($"the evaluator's card does not name the group literally: {e.Message}");
        }
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
