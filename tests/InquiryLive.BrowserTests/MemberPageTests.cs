using System.Net.Http.Json;
using System.Text.Json;
using InquiryLive.BrowserTests.Infrastructure;
using InquiryLive.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace InquiryLive.BrowserTests;

/// <summary>
/// The member's phone around the vote: a personal link outside the sitting says why it does not
/// work; a named vote is announced before choosing; a revoked link signs the phone out at once and
/// for good; an evaluator is told their vote is counted apart; 签到 from the phone, refused in words
/// before the sitting.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class MemberPageTests(BrowserFixture browser)
{
    [Fact]
    public async Task APersonalLink_BeforeTheSittingSaysWhy_ThenANamedVoteIsAnnounced_AndRevokingTheLinkSignsThePhoneOut()
    {
        using var app = new InquiryApp();
        var baseUrl = app.StartOnKestrel();
        var sessionId = await app.DemoSessionId();
        var admin = await app.SignedIn("admin");
        var issued = (await (await admin.PostAsync($"/api/sessions/{sessionId}/members/links", null)).Content.ReadFromJsonAsync<JsonElement>())
            .EnumerateArray().First();
        var link = new Uri(issued.GetProperty("link").GetString()!);
        var memberId = issued.GetProperty("memberId").GetInt32();

        // The session is still collecting questions: the server says the sitting has not started.
        var phone = await browser.NewPage(baseUrl, phone: true);
        await phone.SetViewportSizeAsync(375, 812);
        await phone.GotoAsync(link.PathAndQuery + link.Fragment);
        await Assertions.Expect(phone.Locator("#signed-out-title")).ToHaveTextAsync("暂时无法登录");
        await Assertions.Expect(phone.Locator("#signed-out-text")).ToHaveTextAsync("会议尚未开始，个人链接在会议进行期间才能使用。请在会议开始后再打开链接。");
        await Assertions.Expect(phone.Locator("#status")).ToBeHiddenAsync();
        await BrowserFixture.Screenshot(phone, "member-link-before-sitting");

        await app.Db(db => db.Sessions.ExecuteUpdateAsync(u => u.SetProperty(s => s.NamedVoting, true)));
        var chair = await app.SignedIn("chair");
        (await chair.PostAsJsonAsync($"/api/sessions/{sessionId}/transitions", new { to = "live" })).EnsureSuccessStatusCode();
        // Opened afresh (only the fragment differs from the page's address, which would not reload it).
        await phone.GotoAsync("about:blank");
        await phone.GotoAsync(link.PathAndQuery + link.Fragment);
        await Assertions.Expect(phone.Locator("#waiting-title")).ToBeVisibleAsync();
        await Assertions.Expect(phone.Locator("#status")).ToHaveAttributeAsync("data-status", "live");

        var departmentId = await app.Db(db => db.Departments.Where(d => d.SessionId == sessionId).OrderBy(d => d.Order).Select(d => d.Id).FirstAsync());
        (await chair.PostAsJsonAsync($"/api/sessions/{sessionId}/polls", new { departmentId })).EnsureSuccessStatusCode();
        await Assertions.Expect(phone.Locator("#notice-named")).ToHaveTextAsync("本次为记名投票：您的选择将与姓名一同记入会议报告。");
        await Assertions.Expect(phone.Locator("#choose")).ToBeVisibleAsync();
        await Assertions.Expect(phone.Locator("#notice-group")).ToBeHiddenAsync();
        await BrowserFixture.Screenshot(phone, "member-named-vote");

        // The admin revokes the link: the server drops the phone's connection, its next call is a 401.
        var sockets = 0;
        var apiCalls = 0;
        phone.WebSocket += (_, _) => sockets++;
        phone.Request += (_, request) => { if (request.Url.Contains("/api/", StringComparison.Ordinal)) apiCalls++; };
        (await admin.DeleteAsync($"/api/sessions/{sessionId}/members/{memberId}/link")).EnsureSuccessStatusCode();
        await Assertions.Expect(phone.Locator("#signed-out-title")).ToHaveTextAsync("登录已失效");
        await Assertions.Expect(phone.Locator("#signed-out-text")).ToHaveTextAsync("您的登录链接已被收回或重新发放，本机的登录已失效。请使用工作人员提供的新链接或二维码重新进入。");
        await Assertions.Expect(phone.Locator("#ballot")).ToBeHiddenAsync();
        await BrowserFixture.Screenshot(phone, "member-link-revoked");
        // And it stays signed out: no reconnecting, no polling (the page would retry every few seconds).
        (sockets, apiCalls) = (0, 0);
        await Task.Delay(TimeSpan.FromSeconds(7));
        Assert.Equal((0, 0), (sockets, apiCalls));
    }

    [Fact]
    public async Task AnEvaluatorIsToldTheirVoteIsCountedApart_AndAMemberSignsInForTheSittingFromThePhone()
    {
        using var app = new InquiryApp();
        var baseUrl = app.StartOnKestrel();
        var sessionId = await app.DemoSessionId();

        // A member signed in with an account before the sitting: 签到 is refused, with the reason.
        var member = await browser.NewPage(baseUrl, phone: true);
        await member.SetViewportSizeAsync(375, 812);
        await member.GotoAsync("/login.html?next=/member.html");
        await member.Locator("#userName").FillAsync("member05");
        await member.Locator("#password").FillAsync(InquiryApp.Password);
        await member.Locator("#submit").ClickAsync();
        await Assertions.Expect(member.Locator("#attendance-state")).ToHaveTextAsync("签到状态：尚未签到");
        await member.Locator("#attendance-sign-in").ClickAsync();
        await Assertions.Expect(member.Locator("#attendance-error")).ToHaveTextAsync("会议尚未开始，开始后才能签到。");

        var admin = await app.SignedIn("admin");
        var group = await (await admin.PostAsJsonAsync($"/api/sessions/{sessionId}/evaluator-groups", new { name = "市民代表" })).Content.ReadFromJsonAsync<JsonElement>();
        var added = await (await admin.PostAsJsonAsync($"/api/sessions/{sessionId}/members", new { displayName = "王市民", groupId = group.GetProperty("id").GetInt32() }))
            .Content.ReadFromJsonAsync<JsonElement>();
        var link = new Uri((await (await admin.PostAsync($"/api/sessions/{sessionId}/members/{added.GetProperty("id").GetInt32()}/link", null))
            .Content.ReadFromJsonAsync<JsonElement>()).GetProperty("link").GetString()!);
        var chair = await app.SignedIn("chair");
        (await chair.PostAsJsonAsync($"/api/sessions/{sessionId}/transitions", new { to = "live" })).EnsureSuccessStatusCode();

        // In the sitting, 签到 from the phone works.
        await member.Locator("#attendance-sign-in").ClickAsync();
        await Assertions.Expect(member.Locator("#attendance-state")).ToHaveTextAsync("签到状态：已签到");
        await Assertions.Expect(member.Locator("#attendance-sign-in")).ToBeHiddenAsync();
        await Assertions.Expect(member.Locator("#attendance-error")).ToBeEmptyAsync();

        var evaluator = await browser.NewPage(baseUrl, phone: true);
        await evaluator.SetViewportSizeAsync(375, 812);
        await evaluator.GotoAsync(link.PathAndQuery + link.Fragment);
        await Assertions.Expect(evaluator.Locator("#waiting-title")).ToBeVisibleAsync();
        // Evaluators are not in 应到 / 实到: no 签到 card for them.
        await Assertions.Expect(evaluator.Locator("#attendance")).ToBeHiddenAsync();
        var departmentId = await app.Db(db => db.Departments.Where(d => d.SessionId == sessionId).OrderBy(d => d.Order).Select(d => d.Id).FirstAsync());
        (await chair.PostAsJsonAsync($"/api/sessions/{sessionId}/polls", new { departmentId })).EnsureSuccessStatusCode();
        await Assertions.Expect(evaluator.Locator("#notice-group")).ToHaveTextAsync("您以“市民代表”身份参加测评，结果单独统计，不计入常委会组成人员的正式测评结果。");
        await Assertions.Expect(evaluator.Locator("#notice-named")).ToBeHiddenAsync();
        await Assertions.Expect(member.Locator("#notices")).ToBeHiddenAsync();
        await BrowserFixture.Screenshot(evaluator, "member-evaluator-notice");
    }
}
