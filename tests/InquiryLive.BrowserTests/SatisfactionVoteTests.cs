using System.Net.Http.Json;
using System.Text.Json;
using InquiryLive.BrowserTests.Infrastructure;
using InquiryLive.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace InquiryLive.BrowserTests;

[Collection(BrowserCollection.Name)]
public sealed class SatisfactionVoteTests(BrowserFixture browser)
{
    [Fact]
    public async Task ChairAndThreeMemberPhones_Vote_ThenCloseAndPublish_AndViewersReceiveTheResult()
    {
        using var app = new InquiryApp();
        var baseUrl = app.StartOnKestrel();
        var sessionId = await app.DemoSessionId();
        var chairApi = await app.SignedIn("chair");
        (await chairApi.PostAsJsonAsync($"/api/sessions/{sessionId}/transitions", new { to = "live" })).EnsureSuccessStatusCode();
        // Turnout counted against the members present: the three who sign in by link make a valid vote.
        await app.Db(db => db.Sessions.ExecuteUpdateAsync(u => u.SetProperty(s => s.TurnoutBase, InquiryLive.Domain.Satisfaction.CountBase.Present)));
        var admin = await app.SignedIn("admin");
        var links = (await (await admin.PostAsync($"/api/sessions/{sessionId}/members/links", null)).Content.ReadFromJsonAsync<JsonElement>())
            .EnumerateArray().Take(3).Select(l => l.GetProperty("link").GetString()!).ToList();
        await using var viewer = await InquiryApp.ConnectHubOverNetwork(baseUrl, "/hubs/live");
        await viewer.Join(sessionId);

        var chair = await browser.NewPage(baseUrl);
        await chair.GotoAsync("/login.html?next=/vote-console.html");
        await chair.Locator("#userName").FillAsync("chair");
        await chair.Locator("#password").FillAsync(InquiryApp.Password);
        await chair.Locator("#submit").ClickAsync();
        await Assertions.Expect(chair.Locator("#vote-open")).ToBeVisibleAsync();

        var phones = new List<IPage>();
        foreach (var link in links)
        {
            var phone = await browser.NewPage(baseUrl, phone: true);
            await phone.GotoAsync(new Uri(link).PathAndQuery + new Uri(link).Fragment);
            await Assertions.Expect(phone.Locator("#waiting-title")).ToBeVisibleAsync();
            // The token left the address bar as soon as it was exchanged for a cookie.
            Assert.DoesNotContain("token", phone.Url, StringComparison.Ordinal);
            phones.Add(phone);
        }

        // 签到 by link: the three members are present; the line sits by the vote controls.
        await Assertions.Expect(chair.Locator("#vote-attendance")).ToHaveTextAsync("签到：应到 35 人 · 实到 3 人 · 请假 0 人");
        await chair.Locator("#vote-open").ClickAsync();
        await Assertions.Expect(chair.Locator("#vote-state")).ToHaveTextAsync("投票中");

        var choices = new[] { ("satisfied", "满意"), ("basicallySatisfied", "基本满意"), ("dissatisfied", "不满意") };
        for (var i = 0; i < phones.Count; i++)
        {
            var phone = phones[i];
            var (choice, label) = choices[i];
            await Assertions.Expect(phone.Locator("#poll-title")).ToBeVisibleAsync();
            await phone.Locator($"button[data-choice=\"{choice}\"]").ClickAsync();
            await Assertions.Expect(phone.Locator("#confirm-text")).ToContainTextAsync(label);
            await phone.Locator("#confirm-yes").ClickAsync();
            await Assertions.Expect(phone.Locator("#recorded-title")).ToBeVisibleAsync();
            await Assertions.Expect(phone.Locator("#recorded-choice")).ToHaveTextAsync($"您的选择：{label}");
            await Assertions.Expect(phone.Locator("#choose")).ToBeHiddenAsync();
        }
        await BrowserFixture.Screenshot(phones[0], "member-vote-recorded");

        await Assertions.Expect(chair.Locator("#vote-turnout")).ToHaveTextAsync("已投 3 / 应投 35");
        await chair.Locator("#vote-close").ClickAsync();
        // 2 of 3 positive is 66.6 %, under the 80 % bar: a re-report is required.
        await Assertions.Expect(chair.Locator("#vote-summary .poll-result-verdict")).ToHaveTextAsync("须再次报告");
        await Assertions.Expect(chair.Locator("#vote-summary .poll-result-figures")).ToContainTextAsync("满意＋基本满意 2 / 有效票 3");
        await Assertions.Expect(phones[1].Locator("#closed-note")).ToBeVisibleAsync();
        await BrowserFixture.Screenshot(chair, "vote-console-closed");
        await chair.Locator("#vote-publish").ClickAsync();
        await Assertions.Expect(chair.Locator("#vote-state")).ToHaveTextAsync("已公布");

        var published = await viewer.WaitForEvent("poll.published");
        var result = published.Data.GetProperty("result");
        Assert.Equal((1, 1, 1), (result.GetProperty("satisfied").GetInt32(), result.GetProperty("basicallySatisfied").GetInt32(), result.GetProperty("dissatisfied").GetInt32()));
        Assert.Equal("reReportRequired", result.GetProperty("verdict").GetString());
        foreach (var phone in phones)
        {
            await Assertions.Expect(phone.Locator("#result .poll-result-verdict")).ToHaveTextAsync("须再次报告");
            await Assertions.Expect(phone.Locator("#result .poll-result-figures")).ToContainTextAsync("满意＋基本满意 2 / 有效票 3");
        }
        await BrowserFixture.Screenshot(phones[2], "member-result-published");
    }
}
