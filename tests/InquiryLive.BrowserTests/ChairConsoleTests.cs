using InquiryLive.BrowserTests.Infrastructure;
using InquiryLive.Live;
using InquiryLive.Polls;
using InquiryLive.Questions;
using InquiryLive.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace InquiryLive.BrowserTests;

[Collection(BrowserCollection.Name)]
public sealed class ChairConsoleTests(BrowserFixture browser)
{
    private static readonly LocatorAssertionsToHaveTextOptions WithinASecond = new() { Timeout = 1000 };

    [Fact]
    public async Task ChairCallsAnAgendaQuestionerThenAnOnlineQuestion_AndTheBigScreenShowsEachWithinASecond()
    {
        using var app = new InquiryApp();
        var baseUrl = app.StartOnKestrel();
        var sessionId = await app.DemoSessionId();
        var departmentId = await app.Db(db => Task.FromResult(db.Departments.Where(d => d.SessionId == sessionId).OrderBy(d => d.Order).Skip(1).Select(d => d.Id).First()));
        await app.Db(async db =>
        {
            db.Questions.Add(new Question
            {
                Id = Guid.NewGuid(), SessionId = sessionId, ViewerId = "viewer-browser-test", Nickname = "小区业主",
                Text = "物业费涨价前有没有听证程序？", Status = QuestionStatus.Approved, MeTooCount = 12, DepartmentId = departmentId,
                CreatedAt = DateTimeOffset.UtcNow,
            });
            return await db.SaveChangesAsync();
        });

        var chair = await browser.NewPage(baseUrl);
        await chair.GotoAsync("/login.html?next=/chair.html");
        await chair.Locator("#userName").FillAsync("chair");
        await chair.Locator("#password").FillAsync(InquiryApp.Password);
        await chair.Locator("#submit").ClickAsync();
        await Assertions.Expect(chair).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("^[^?]*/chair\\.html"), new() { Timeout = 15000 });
        await Assertions.Expect(chair.Locator("#status")).ToHaveAttributeAsync("data-status", "live");
        await Assertions.Expect(chair.Locator(".online-item")).ToHaveCountAsync(1);

        var screen = await browser.NewPage(baseUrl);
        await screen.SetViewportSizeAsync(1920, 1080);
        await screen.GotoAsync($"/screen.html?s={sessionId}");
        await Assertions.Expect(screen.Locator("#status")).ToHaveAttributeAsync("data-status", "live");

        // Start the sitting from the console.
        await chair.Locator("#sitting button[data-to='live']").ClickAsync();
        await Assertions.Expect(screen.Locator("#state")).ToHaveTextAsync("直播中", WithinASecond);

        // An in-hall questioner from the agenda.
        await chair.Locator(".agenda-item.is-next button.call").ClickAsync();
        await Assertions.Expect(screen.Locator("#questioner")).ToHaveTextAsync("刘志强 委员", WithinASecond);
        await Assertions.Expect(screen.Locator("#department")).ToHaveTextAsync("市住房和城乡建设局", WithinASecond);
        await chair.Keyboard.PressAsync("s");
        await Assertions.Expect(screen.Locator("#clock")).ToHaveAttributeAsync("data-clock", "running", new() { Timeout = 1000 });
        await Assertions.Expect(chair.Locator("#cur-questioner")).ToHaveTextAsync("刘志强 委员");
        await BrowserFixture.Screenshot(chair, "chair-console");
        await BrowserFixture.Screenshot(screen, "big-screen");

        var overlay = await browser.NewPage(baseUrl);
        await overlay.SetViewportSizeAsync(1920, 1080);
        await overlay.GotoAsync($"/overlay.html?s={sessionId}");
        await Assertions.Expect(overlay.Locator(".lt-department")).ToHaveTextAsync("市住房和城乡建设局");
        await Assertions.Expect(overlay.Locator("#clock")).ToHaveAttributeAsync("data-clock", "running");
        await overlay.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.ArtifactsFolder, "overlay.png"), OmitBackground = true });

        // Close it, then an approved online question read out by a named person.
        await chair.Locator("#answered").ClickAsync();
        await Assertions.Expect(screen.Locator("#floor")).ToBeHiddenAsync(new() { Timeout = 1000 });
        await chair.Locator(".online-item button.call").ClickAsync();
        await chair.Locator("#read-by").FillAsync("李敏");
        await chair.Locator("#read-submit").ClickAsync();
        await Assertions.Expect(screen.Locator("#question")).ToHaveTextAsync("物业费涨价前有没有听证程序？", WithinASecond);
        await Assertions.Expect(screen.Locator("#questioner")).ToContainTextAsync("李敏", new() { Timeout = 1000 });
        await Assertions.Expect(screen.Locator("#department")).ToHaveTextAsync("市市场监督管理局", WithinASecond);
        await Assertions.Expect(chair.Locator(".online-item")).ToHaveCountAsync(0);

        // A reload of the console shows exactly the current state.
        await chair.ReloadAsync();
        await Assertions.Expect(chair.Locator("#cur-text")).ToHaveTextAsync("物业费涨价前有没有听证程序？");
        await Assertions.Expect(chair.Locator(".agenda-item.status-done")).ToHaveCountAsync(1);
    }

    [Fact]
    public async Task APublishedResult_ShowsItsVerdictAndFiguresWithTheirBases_OnTheBigScreenAndTheOverlay()
    {
        using var app = new InquiryApp();
        var baseUrl = app.StartOnKestrel();
        var sessionId = await app.DemoSessionId();
        var screen = await browser.NewPage(baseUrl);
        await screen.SetViewportSizeAsync(1920, 1080);
        await screen.GotoAsync($"/screen.html?s={sessionId}");
        await Assertions.Expect(screen.Locator("#status")).ToHaveAttributeAsync("data-status", "live");
        var overlay = await browser.NewPage(baseUrl);
        await overlay.SetViewportSizeAsync(1920, 1080);
        await overlay.GotoAsync($"/overlay.html?s={sessionId}");
        await Assertions.Expect(overlay.Locator("body")).ToHaveAttributeAsync("data-status", "live");
        await Assertions.Expect(overlay.Locator("#result")).ToBeHiddenAsync();

        // The result as the evaluation feature publishes it, through the one broadcast path.
        var result = PublishedResults.Single("对市住房和城乡建设局答询的满意度测评", "市住房和城乡建设局", 21, 8, 4, expected: 35);
        using (var scope = app.Services.CreateScope())
        {
            await scope.ServiceProvider.GetRequiredService<SessionCommands>().RunAsync(sessionId, change =>
            {
                change.Publish("poll.published", new { result });
                return Task.CompletedTask;
            });
        }

        // 29 of 33 valid ballots positive (87.8 %, floored) meets 百分之八十以上; 33 of 35 took part.
        await Assertions.Expect(screen.Locator("#result .poll-result-verdict")).ToHaveTextAsync("通过", WithinASecond);
        await Assertions.Expect(screen.Locator("#result .poll-result-counts dd")).ToHaveTextAsync(["21", "8", "4"]);
        await Assertions.Expect(screen.Locator("#result .poll-result-figures li")).ToHaveTextAsync(
            ["参加测评 33 / 全体组成人员 35 · 须过半数 · 达到", "满意＋基本满意 29 / 有效票 33（87.8%） · 须百分之八十以上 · 达到"]);
        await Assertions.Expect(screen.Locator("#result .poll-result-attendance")).ToHaveTextAsync("应到 35 人 · 实到 33 人 · 请假 0 人 · 参加测评 33 人");
        await Assertions.Expect(overlay.Locator("#result .verdict")).ToHaveTextAsync("通过", WithinASecond);
        await Assertions.Expect(overlay.Locator("#result .or-department")).ToHaveTextAsync("市住房和城乡建设局");
        await Assertions.Expect(overlay.Locator("#result .or-figure")).ToHaveTextAsync("满意＋基本满意 29 / 有效票 33（87.8%）");
        await BrowserFixture.Screenshot(screen, "big-screen-result");
        await overlay.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.ArtifactsFolder, "overlay-result.png"), OmitBackground = true });
    }
}
