using System.Net.Http.Json;
using System.Text.Json;
using InquiryLive.BrowserTests.Infrastructure;
using InquiryLive.Questions;
using InquiryLive.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace InquiryLive.BrowserTests;

/// <summary>
/// A whole sitting through the pages, as the people in the hall and online work it: the admin opens
/// the session, viewers ask on phones, two moderators screen, the chair calls and times questions
/// and runs the vote, three members vote on phones, and the result reaches viewers, the big screen,
/// the report and the public results page. Screenshots of each step go to the test artifacts.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class WholeSittingTests(BrowserFixture browser)
{
    private const string Housing = "市住房和城乡建设局";
    private const string Target = "老旧小区加装电梯补贴什么时候发放？";
    private const string Duplicate = "老旧小区加装电梯的补贴什么时候发放";
    private const string Xss = "<img src=x onerror=alert(1)><script>alert(2)</script> 物业费为何上涨？";

    /// <summary>Pushes cross processes and a 2-core CI box: wait generously, never sleep.</summary>
    private static readonly LocatorAssertionsToHaveTextOptions Pushed = new() { Timeout = 15000 };
    private static readonly LocatorAssertionsToContainTextOptions PushedContains = new() { Timeout = 15000 };
    private static readonly LocatorAssertionsToHaveCountOptions PushedCount = new() { Timeout = 15000 };
    private static readonly LocatorAssertionsToBeVisibleOptions PushedVisible = new() { Timeout = 15000 };
    private static readonly LocatorAssertionsToHaveAttributeOptions PushedAttribute = new() { Timeout = 15000 };

    [Fact]
    public async Task AWholeSitting_FromOpeningToPublishedResults_RunsThroughThePages()
    {
        using var app = new InquiryApp();
        var baseUrl = app.StartOnKestrel();
        var sessionId = await app.DemoSessionId();
        // Turnout counted against the members present: the three members who sign in make a valid vote.
        await app.Db(db => db.Sessions.ExecuteUpdateAsync(u => u.SetProperty(s => s.TurnoutBase, InquiryLive.Domain.Satisfaction.CountBase.Present)));

        // 1. The admin opens the sitting from the admin page.
        var admin = await SignIn(baseUrl, "admin", "/admin.html");
        await Assertions.Expect(admin.Locator("#f-title")).ToHaveValueAsync("关于全市物业管理服务工作情况的专题询问");
        await admin.Locator("#transitions button[data-to='live']").ClickAsync();
        await Assertions.Expect(admin.Locator("#transitions button[data-to='ended']")).ToBeVisibleAsync(PushedVisible);
        await BrowserFixture.Screenshot(admin, "sitting-01-admin-opens");

        // The big screen and a watching viewer are open from the start.
        var screen = await browser.NewPage(baseUrl);
        await screen.SetViewportSizeAsync(1920, 1080);
        await screen.GotoAsync($"/screen.html?s={sessionId}");
        await Assertions.Expect(screen.Locator("#status")).ToHaveAttributeAsync("data-status", "live", PushedAttribute);
        await Assertions.Expect(screen.Locator("#state")).ToHaveTextAsync("直播中", Pushed);

        // 2. Viewers on phones ask: a question, its near-duplicate, and one carrying an XSS payload.
        var asker = await Ask(baseUrl, Target, "老张");
        var duplicateAsker = await Ask(baseUrl, Duplicate, "李阿姨");
        var xssAsker = await Ask(baseUrl, Xss, "<b>老王</b>");
        await Assertions.Expect(xssAsker.Locator("#mine li .mine-text")).ToHaveTextAsync(Xss);
        var injected = await xssAsker.Locator("#main img[src='x'], #main b, #main script:not([src])").EvaluateAllAsync<string[]>("els => els.map(e => e.outerHTML)");
        Assert.Empty(injected);
        await BrowserFixture.Screenshot(xssAsker, "sitting-02-viewer-asks");
        var ids = await app.Db(db => db.Questions.AsNoTracking().ToDictionaryAsync(q => q.Text, q => q.Id));
        var (targetId, duplicateId, xssId) = (ids[Target], ids[Duplicate], ids[Xss]);

        // 3. Two moderators screen the same queue (oldest first): the first holds the first question,
        //    the second starts on the next one.
        var one = await SignIn(baseUrl, "moderator1", "/moderate.html");
        await Assertions.Expect(one.Locator("#d-text")).ToHaveTextAsync(Target);
        await Assertions.Expect(one.Locator("#count-pending")).ToHaveTextAsync("3");
        var two = await SignIn(baseUrl, "moderator2", "/moderate.html");
        await Assertions.Expect(two.Locator($"#q-{targetId} .badge.held")).ToContainTextAsync("moderator1", PushedContains);
        await Assertions.Expect(two.Locator("#d-text")).ToHaveTextAsync(Duplicate);
        await Assertions.Expect(two.Locator("#queue li")).ToHaveCountAsync(3);

        // The second merges the duplicate into its most similar question with one key.
        await Assertions.Expect(two.Locator("#similar li").First).ToContainTextAsync(Target, PushedContains);
        await two.Keyboard.PressAsync("1");
        await Assertions.Expect(two.Locator("#count-merged")).ToHaveTextAsync("1", Pushed);
        await Assertions.Expect(one.Locator($"#q-{duplicateId}")).ToHaveCountAsync(0, PushedCount);
        await Assertions.Expect(one.Locator($"#q-{targetId} .badge")).ToContainTextAsync("2 人提问", PushedContains);

        // The first tags the department and approves; the second approves the XSS one as it reads.
        await one.Locator("#d-department").SelectOptionAsync(new SelectOptionValue { Label = Housing });
        await one.Keyboard.PressAsync("a");
        await Assertions.Expect(two.Locator("#count-approved")).ToHaveTextAsync("1", Pushed);
        await Assertions.Expect(two.Locator("#d-text")).ToHaveTextAsync(Xss, Pushed);
        await two.Keyboard.PressAsync("a");
        await Assertions.Expect(one.Locator("#count-approved")).ToHaveTextAsync("2", Pushed);
        await Assertions.Expect(one.Locator("#count-pending")).ToHaveTextAsync("0", Pushed);
        await BrowserFixture.Screenshot(one, "sitting-03-moderator-one");
        await BrowserFixture.Screenshot(two, "sitting-03-moderator-two");
        await Assertions.Expect(asker.Locator("#mine li").First).ToHaveAttributeAsync("data-status", "approved", PushedAttribute);
        await Assertions.Expect(duplicateAsker.Locator("#mine li").First).ToHaveAttributeAsync("data-status", "merged", PushedAttribute);

        // 4. The chair calls the next questioner on the agenda; the answer clock runs on the big screen.
        var chair = await SignIn(baseUrl, "chair", "/chair.html");
        await Assertions.Expect(chair.Locator("#status")).ToHaveAttributeAsync("data-status", "live", PushedAttribute);
        await Assertions.Expect(chair.Locator(".online-item")).ToHaveCountAsync(2, PushedCount);
        await Assertions.Expect(chair.Locator("#online")).ToContainTextAsync(Xss);
        Assert.Equal(0, await chair.Locator("main img[src='x'], main script:not([src])").CountAsync());
        await chair.Locator(".agenda-item.is-next button.call").ClickAsync();
        await Assertions.Expect(screen.Locator("#questioner")).ToHaveTextAsync("刘志强 委员", Pushed);
        await Assertions.Expect(screen.Locator("#department")).ToHaveTextAsync(Housing, Pushed);
        await chair.Keyboard.PressAsync("s");
        await Assertions.Expect(screen.Locator("#clock")).ToHaveAttributeAsync("data-clock", "running", PushedAttribute);
        await Assertions.Expect(chair.Locator("#clock")).ToHaveAttributeAsync("data-clock", "running", PushedAttribute);
        await BrowserFixture.Screenshot(chair, "sitting-04-chair-agenda-questioner");
        await BrowserFixture.Screenshot(screen, "sitting-04-screen-clock");
        await chair.Locator("#answered").ClickAsync();
        await Assertions.Expect(screen.Locator("#floor")).ToBeHiddenAsync(new() { Timeout = 15000 });

        // 5. Then the approved online question, read out by a named person.
        await chair.Locator(".online-item", new() { HasText = Target }).Locator("button.call").ClickAsync();
        await chair.Locator("#read-by").FillAsync("李敏");
        await chair.Locator("#read-submit").ClickAsync();
        // The dialog closes when the chair's own call returns, which may be after the screen has the
        // question: until then the page (rightly) ignores shortcut keys typed into the dialog.
        await Assertions.Expect(chair.Locator("#read-dialog")).ToBeHiddenAsync(new() { Timeout = 15000 });
        await Assertions.Expect(screen.Locator("#question")).ToHaveTextAsync(Target, Pushed);
        await Assertions.Expect(screen.Locator("#questioner")).ToContainTextAsync("李敏", PushedContains);
        await Assertions.Expect(screen.Locator("#department")).ToHaveTextAsync(Housing, Pushed);
        await chair.Keyboard.PressAsync("s");
        await Assertions.Expect(screen.Locator("#clock")).ToHaveAttributeAsync("data-clock", "running", PushedAttribute);
        var viewer = asker;
        await viewer.Locator("#tab-feed").ClickAsync();
        await Assertions.Expect(viewer.Locator("#floor-text")).ToHaveTextAsync(Target, Pushed);
        await BrowserFixture.Screenshot(chair, "sitting-05-chair-online-question");
        await BrowserFixture.Screenshot(viewer, "sitting-05-viewer-current-question");

        // 6. Members sign in on three phones by their personal links.
        var adminApi = await app.SignedIn("admin");
        var links = (await (await adminApi.PostAsync($"/api/sessions/{sessionId}/members/links", null)).Content.ReadFromJsonAsync<JsonElement>())
            .EnumerateArray().Take(3).Select(l => new Uri(l.GetProperty("link").GetString()!)).ToList();
        var phones = new List<IPage>();
        foreach (var link in links)
        {
            var phone = await browser.NewPage(baseUrl, phone: true);
            await phone.GotoAsync(link.PathAndQuery + link.Fragment);
            await Assertions.Expect(phone.Locator("#waiting-title")).ToBeVisibleAsync(PushedVisible);
            phones.Add(phone);
        }

        // 7. The chair opens the vote from the console's vote panel, on the current question.
        await chair.Locator("#vote-open").ClickAsync();
        await Assertions.Expect(chair.Locator("#vote-state")).ToHaveTextAsync("投票中", Pushed);
        await BrowserFixture.Screenshot(chair, "sitting-07-chair-opens-vote");
        var choices = new[] { ("satisfied", "满意"), ("satisfied", "满意"), ("basicallySatisfied", "基本满意") };
        for (var i = 0; i < phones.Count; i++)
        {
            var (choice, label) = choices[i];
            await Assertions.Expect(phones[i].Locator("#poll-title")).ToBeVisibleAsync(PushedVisible);
            await Assertions.Expect(phones[i].Locator("#poll-department")).ToContainTextAsync(Housing, PushedContains);
            await phones[i].Locator($"button[data-choice=\"{choice}\"]").ClickAsync();
            await Assertions.Expect(phones[i].Locator("#confirm-text")).ToContainTextAsync(label);
            await phones[i].Locator("#confirm-yes").ClickAsync();
            await Assertions.Expect(phones[i].Locator("#recorded-choice")).ToHaveTextAsync($"您的选择：{label}", Pushed);
        }
        await BrowserFixture.Screenshot(phones[0], "sitting-07-member-voted");

        // 8. The chair closes and publishes.
        await Assertions.Expect(chair.Locator("#vote-turnout")).ToHaveTextAsync("已投 3 / 应投 35", Pushed);
        await chair.Locator("#vote-close").ClickAsync();
        await Assertions.Expect(chair.Locator("#vote-summary .poll-result-verdict")).ToHaveTextAsync("通过", Pushed);
        await chair.Locator("#vote-publish").ClickAsync();
        await Assertions.Expect(chair.Locator("#vote-state")).ToHaveTextAsync("已公布", Pushed);
        await BrowserFixture.Screenshot(chair, "sitting-08-chair-publishes");

        // 9. Viewers, the big screen and the members' phones show the result.
        await Assertions.Expect(screen.Locator("#result .poll-result-verdict")).ToHaveTextAsync("通过", Pushed);
        await Assertions.Expect(screen.Locator("#result .poll-result-figures")).ToContainTextAsync("满意＋基本满意 3 / 有效票 3（100.0%）", PushedContains);
        await Assertions.Expect(screen.Locator("#result .poll-result-attendance")).ToHaveTextAsync("应到 35 人 · 实到 3 人 · 请假 0 人 · 参加测评 3 人", Pushed);
        await BrowserFixture.Screenshot(screen, "sitting-09-screen-result");
        await viewer.Locator("#tab-results").ClickAsync();
        await Assertions.Expect(viewer.Locator("#results > li")).ToHaveCountAsync(1, PushedCount);
        await Assertions.Expect(viewer.Locator("#results .result-members")).ToContainTextAsync("满意＋基本满意 3 / 有效票 3（100.0%）", PushedContains);
        await BrowserFixture.Screenshot(viewer, "sitting-09-viewer-result");
        await Assertions.Expect(phones[2].Locator("#result .poll-result-verdict")).ToHaveTextAsync("通过", Pushed);

        // 10. The question is answered and the sitting ends.
        await chair.Locator("#answered").ClickAsync();
        await Assertions.Expect(screen.Locator("#floor")).ToBeHiddenAsync(new() { Timeout = 15000 });
        // Ending takes a second press (within four seconds) to confirm.
        var end = chair.Locator("#sitting button[data-to='ended']");
        await end.ClickAsync();
        await Assertions.Expect(end).ToHaveTextAsync("再按一次确认结束");
        await end.ClickAsync();
        await Assertions.Expect(screen.Locator("#state")).ToHaveTextAsync("已结束", Pushed);
        await BrowserFixture.Screenshot(screen, "sitting-10-screen-ended");

        // 11. Afterwards: the report (staff) and the public results page show the vote.
        var report = await SignIn(baseUrl, "chair", $"/report.html?s={sessionId}");
        await Assertions.Expect(report.Locator("#report")).ToContainTextAsync(Target, PushedContains);
        await Assertions.Expect(report.Locator("#report")).ToContainTextAsync("李敏", PushedContains);
        await Assertions.Expect(report.Locator("#report")).ToContainTextAsync(Housing, PushedContains);
        await BrowserFixture.Screenshot(report, "sitting-11-report");
        var results = await browser.NewPage(baseUrl, phone: true);
        await results.GotoAsync($"/results.html?s={sessionId}");
        await Assertions.Expect(results.Locator("#votes .vote")).ToHaveCountAsync(1, PushedCount);
        await Assertions.Expect(results.Locator("#votes .vote")).ToContainTextAsync(Housing);
        // Not its figures yet: results.html (js/results/main.js) still reads the old result fields (rate,
        // entitled) and prints "—" and "参评 3/undefined"; its move to the shared result view is its owner's.
        await Assertions.Expect(results.Locator("#votes .vote")).ToContainTextAsync("通过");
        await BrowserFixture.Screenshot(results, "sitting-11-public-results");

        // What the pages did is what was stored: one published vote, 2 + 1 + 0, and the XSS question kept literal.
        var poll = await app.Db(db => db.PollItems.AsNoTracking().SingleAsync());
        Assert.Equal((2, 1, 0, "passed"), (poll.Satisfied, poll.BasicallySatisfied, poll.Dissatisfied, poll.Verdict));
        Assert.Equal(QuestionStatus.Merged, await app.Db(db => db.Questions.Where(q => q.Id == duplicateId).Select(q => q.Status).SingleAsync()));
        Assert.Equal(QuestionStatus.Approved, await app.Db(db => db.Questions.Where(q => q.Id == xssId).Select(q => q.Status).SingleAsync()));
    }

    private async Task<IPage> Ask(string baseUrl, string text, string nickname)
    {
        var page = await browser.NewPage(baseUrl, phone: true);
        await page.GotoAsync("/");
        await Assertions.Expect(page.Locator("#status")).ToHaveAttributeAsync("data-status", "live", PushedAttribute);
        await page.Locator("#tab-ask").ClickAsync();
        await page.Locator("#ask-text").FillAsync(text);
        await page.Locator("#ask-nickname").FillAsync(nickname);
        await page.Locator("#ask-submit").ClickAsync();
        await Assertions.Expect(page.Locator("#mine li")).ToHaveCountAsync(1, PushedCount);
        await Assertions.Expect(page.Locator("#mine li").First).ToHaveAttributeAsync("data-status", "pending");
        return page;
    }

    private async Task<IPage> SignIn(string baseUrl, string userName, string next)
    {
        var page = await browser.NewPage(baseUrl);
        await page.GotoAsync($"/login.html?next={Uri.EscapeDataString(next)}");
        await page.Locator("#userName").FillAsync(userName);
        await page.Locator("#password").FillAsync(InquiryApp.Password);
        await page.Locator("#submit").ClickAsync();
        // The address is polled (not awaited as a navigation event), so a fast redirect cannot be missed.
        var path = next.Split('?')[0];
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("^[^?]*" + System.Text.RegularExpressions.Regex.Escape(path)), new() { Timeout = 15000 });
        return page;
    }
}
