using System.Net.Http.Json;
using InquiryLive.BrowserTests.Infrastructure;
using InquiryLive.Domain.Satisfaction;
using InquiryLive.Polls;
using InquiryLive.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace InquiryLive.BrowserTests;

[Collection(BrowserCollection.Name)]
public sealed class AdminPageTests(BrowserFixture browser)
{
    private async Task<IPage> SignedInAdmin(string baseUrl, int width = 1440)
    {
        var page = await browser.NewPage(baseUrl);
        await page.SetViewportSizeAsync(width, 900);
        var login = await page.Context.APIRequest.PostAsync("/api/auth/login", new() { DataObject = new { userName = "admin", password = InquiryApp.Password } });
        Assert.True(login.Ok);
        await page.GotoAsync("/admin.html");
        await Assertions.Expect(page.Locator("#rule-now")).ToBeVisibleAsync();
        return page;
    }

    [Fact]
    public async Task Admin_EditsTheSetup_AndSeesFieldErrorsForABadStreamUrl()
    {
        using var app = new InquiryApp();
        var baseUrl = app.StartOnKestrel();
        var page = await browser.NewPage(baseUrl);
        await page.GotoAsync("/login.html?next=/admin.html");
        await page.Locator("#userName").FillAsync("admin");
        await page.Locator("#password").FillAsync(InquiryApp.Password);
        await page.Locator("#submit").ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("^[^?]*/admin\\.html"), new() { Timeout = 15000 });

        await Assertions.Expect(page.Locator("#f-title")).ToHaveValueAsync("关于全市物业管理服务工作情况的专题询问");
        await Assertions.Expect(page.Locator("#agenda > li")).ToHaveCountAsync(6);
        await Assertions.Expect(page.Locator("#roster > tr")).ToHaveCountAsync(35);

        await page.Locator("#f-stream").FillAsync("javascript:alert(1)");
        await page.Locator("#save-settings").ClickAsync();
        await Assertions.Expect(page.Locator("[data-error-for='streamUrl']")).ToContainTextAsync("http");

        await page.Locator("#f-stream").FillAsync("https://live.example.cn/inquiry.m3u8");
        await page.Locator("#save-settings").ClickAsync();
        await Assertions.Expect(page.Locator("[data-error-for='streamUrl']")).ToBeEmptyAsync();

        await page.Locator("#dept-name").FillAsync("市消防救援支队");
        await page.Locator("#dept-head").FillAsync("支队长");
        await page.Locator("#dept-add button").ClickAsync();
        await Assertions.Expect(page.Locator("#departments > li")).ToHaveCountAsync(6);

        // Move the second questioner up.
        await page.Locator("#agenda > li").Nth(1).Locator("button[aria-label='上移']").ClickAsync();
        await Assertions.Expect(page.Locator("#agenda > li").First.Locator("input").First).ToHaveValueAsync("周慧敏 委员");
        await BrowserFixture.Screenshot(page, "admin-setup");

        Assert.Equal("https://live.example.cn/inquiry.m3u8", await app.Db(db => db.Sessions.Select(s => s.StreamUrl).SingleAsync()));
    }

    [Fact]
    public async Task Admin_ChoosesRulePresets_AndSavesThem_AndTheSentenceSpellsOutTheSavedRule()
    {
        using var app = new InquiryApp();
        var baseUrl = app.StartOnKestrel();
        var page = await SignedInAdmin(baseUrl);
        var rules = page.Locator("#rules");

        // The default rule, in words; every choice is a named preset, never a number to type.
        await Assertions.Expect(page.Locator("#rule-now")).ToContainTextAsync("满意率规则：满意＋基本满意须达有效票的百分之八十以上；参加测评人数下限：全体组成人员过半数");
        await Assertions.Expect(rules.Locator("input[type=number], input[type=text]")).ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator("#f-turnout-base option")).ToHaveTextAsync(["全体组成人员", "实到人数"]);

        await page.SelectOptionAsync("#f-rule", new SelectOptionValue { Label = "过半数分档规则" });
        await page.SelectOptionAsync("#f-bar", new SelectOptionValue { Label = "过半数" });
        await page.SelectOptionAsync("#f-bar-base", new SelectOptionValue { Label = "全体组成人员" });
        await page.SelectOptionAsync("#f-turnout", new SelectOptionValue { Label = "三分之二以上" });
        await page.SelectOptionAsync("#f-turnout-base", new SelectOptionValue { Label = "实到人数" });
        await page.CheckAsync("#f-named");
        // Before saving, the page says what saving will make the rule; the rule in force is unchanged.
        await Assertions.Expect(page.Locator("#rule-new")).ToContainTextAsync("保存后生效");
        await Assertions.Expect(page.Locator("#rule-new")).ToContainTextAsync("过半数分档规则：满意或满意＋基本满意须达全体组成人员的过半数；参加测评人数下限：实到人数三分之二以上");
        await Assertions.Expect(page.Locator("#rule-now")).ToContainTextAsync("满意率规则");

        await page.Locator("#save-settings").ClickAsync();
        await Assertions.Expect(page.Locator("#rule-now")).ToContainTextAsync("过半数分档规则：满意或满意＋基本满意须达全体组成人员的过半数；参加测评人数下限：实到人数三分之二以上；记名投票");
        await Assertions.Expect(page.Locator("#rule-new")).ToHaveCountAsync(0);
        await BrowserFixture.Screenshot(page, "admin-rules-saved");

        var session = await app.Db(db => db.Sessions.SingleAsync());
        Assert.Equal(new EvaluationRule(RuleKinds.Majority, ThresholdPresets.MoreThanHalf.Threshold, CountBase.Roster,
            ThresholdPresets.TwoThirdsOrMore.Threshold, CountBase.Present), session.Rule());
        Assert.True(session.NamedVoting);
        // The full PUT carried the fields the rules form does not show: nothing was erased.
        Assert.Equal("物业管理服务", session.Topic);
        Assert.Equal(300, session.AnswerSeconds);
    }

    [Fact]
    public async Task Admin_OnceTheSittingIsLive_FindsTheRuleInputsLocked_AndALateChangeIsRefusedInWords()
    {
        using var app = new InquiryApp();
        var baseUrl = app.StartOnKestrel();
        var page = await SignedInAdmin(baseUrl);
        await Assertions.Expect(page.Locator("#rules-frozen")).ToBeHiddenAsync();

        // The admin changes the bar while, elsewhere, the chair starts the sitting: saving is refused, in words.
        await page.SelectOptionAsync("#f-bar", "ninetyPercentOrMore");
        var chair = await app.SignedIn("chair");
        (await chair.PostAsJsonAsync($"/api/sessions/{await app.DemoSessionId()}/transitions", new { to = "live" })).EnsureSuccessStatusCode();
        await page.Locator("#save-settings").ClickAsync();
        await Assertions.Expect(page.Locator("#rules-error")).ToContainTextAsync("测评规则");
        await Assertions.Expect(page.Locator("#rules-error")).ToContainTextAsync("已锁定");

        // The page now shows the rules as the server holds them, locked.
        await Assertions.Expect(page.Locator("#rules-frozen")).ToHaveTextAsync("会议已开始，测评规则已锁定，不能修改。");
        foreach (var id in new[] { "#f-rule", "#f-bar", "#f-bar-base", "#f-turnout", "#f-turnout-base", "#f-named", "#f-allow-blank" })
        {
            await Assertions.Expect(page.Locator(id)).ToBeDisabledAsync();
        }
        await Assertions.Expect(page.Locator("#f-bar")).ToHaveValueAsync("eightyPercentOrMore");

        // Other settings still save (the same rule values ride along in the PUT).
        await page.Locator("#f-answer").FillAsync("240");
        await page.Locator("#save-settings").ClickAsync();
        await Assertions.Expect(page.Locator("#toast")).ToContainTextAsync("已保存");
        await BrowserFixture.Screenshot(page, "admin-rules-locked");
        Assert.Equal(240, await app.Db(db => db.Sessions.Select(s => s.AnswerSeconds).SingleAsync()));
        Assert.Equal(EvaluationRule.Default, (await app.Db(db => db.Sessions.SingleAsync())).Rule());
    }

    [Fact]
    public async Task Admin_GoingLiveFromThePage_LocksTheRuleInputs()
    {
        using var app = new InquiryApp();
        var baseUrl = app.StartOnKestrel();
        var page = await SignedInAdmin(baseUrl);

        await page.Locator("#transitions button[data-to='live']").ClickAsync();
        await Assertions.Expect(page.Locator("#rules-frozen")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#f-rule")).ToBeDisabledAsync();
        await Assertions.Expect(page.Locator("#f-turnout")).ToBeDisabledAsync();
    }

    [Fact]
    public async Task Admin_AddsAnEvaluatorGroupAndAPersonInIt_AndRefusalsAreShownInWords()
    {
        using var app = new InquiryApp();
        var baseUrl = app.StartOnKestrel();
        var page = await SignedInAdmin(baseUrl, width: 375);

        await page.Locator("#group-name").FillAsync("列席代表");
        await page.Locator("#group-add button").ClickAsync();
        await Assertions.Expect(page.Locator("#groups > li")).ToContainTextAsync("列席代表");

        await page.Locator("#member-name").FillAsync("孙立新");
        await page.SelectOptionAsync("#member-group", new SelectOptionValue { Label = "列席代表" });
        await page.Locator("#member-add button[type=submit]").ClickAsync();
        await Assertions.Expect(page.Locator("#roster > tr")).ToHaveCountAsync(36);
        await Assertions.Expect(page.Locator("#roster > tr").Last.Locator("td.group")).ToHaveTextAsync("列席代表");
        await Assertions.Expect(page.Locator("#roster > tr").First.Locator("td.group")).ToHaveTextAsync("常委会组成人员");

        // A group that still has people cannot go: said in the card, in the server's words.
        await page.Locator("#groups > li").First.GetByRole(AriaRole.Button).ClickAsync();
        await Assertions.Expect(page.Locator("#groups-card [data-error-for='_form']")).ToHaveTextAsync("该分组中还有人员，请先移除他们。");

        // A field error sits at its field.
        await page.Locator("#member-add button[type=submit]").ClickAsync();
        await Assertions.Expect(page.Locator("#member-add [data-error-for='displayName']")).Not.ToBeEmptyAsync();

        // While a vote is open the roster is frozen.
        var (sessionId, chair) = await InquiryLive.Tests.Evaluation.Voting.LiveSession(app);
        await InquiryLive.Tests.Evaluation.Voting.Open(chair, sessionId);
        await page.Locator("#member-name").FillAsync("周市民");
        await page.Locator("#member-add button[type=submit]").ClickAsync();
        await Assertions.Expect(page.Locator("#roster-card [data-error-for='_form']")).ToHaveTextAsync("测评进行中，不能修改名单或签到基数。");
        await BrowserFixture.Screenshot(page, "admin-groups-phone");

        var member = await app.Db(db => db.RosterMembers.SingleAsync(m => m.DisplayName == "孙立新"));
        Assert.NotNull(member.GroupId);
        Assert.Equal(36, await app.Db(db => db.RosterMembers.CountAsync()));
    }

    [Fact]
    public async Task Admin_OfALiveSessionWhoseBarNoPresetNames_SeesTheBarInWords_AndStillSavesItsDetails()
    {
        using var app = new InquiryApp();
        var baseUrl = app.StartOnKestrel();
        // A session migrated from a typed 75 %: 3/4 is no preset, and the sitting has gone live.
        await app.Db(async db =>
        {
            var session = await db.Sessions.SingleAsync();
            session.SetRule(EvaluationRule.Default with { Bar = new Threshold(3, 4, false) });
            session.State = InquiryLive.Domain.Sessions.SessionState.Live;
            session.WentLiveAt = DateTimeOffset.UtcNow;
            return await db.SaveChangesAsync();
        });
        var page = await SignedInAdmin(baseUrl);
        await Assertions.Expect(page.Locator("#rules-frozen")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#f-bar option:checked")).ToHaveTextAsync("3/4以上");
        await Assertions.Expect(page.Locator("#rule-now")).ToContainTextAsync("满意＋基本满意须达有效票的3/4以上");

        await page.Locator("#f-stream").FillAsync("https://live.example.cn/a.m3u8");
        await page.Locator("#save-settings").ClickAsync();
        await Assertions.Expect(page.Locator("#toast")).ToContainTextAsync("已保存");
        await Assertions.Expect(page.Locator("#rules-error")).ToBeEmptyAsync();
        var stored = await app.Db(db => db.Sessions.SingleAsync());
        Assert.Equal("https://live.example.cn/a.m3u8", stored.StreamUrl);
        Assert.Equal(new Threshold(3, 4, false), stored.Rule().Bar);
    }
}
