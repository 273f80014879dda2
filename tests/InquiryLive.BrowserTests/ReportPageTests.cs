using System.Net.Http.Json;
using InquiryLive.BrowserTests.Infrastructure;
using InquiryLive.Tests.Evaluation;
using InquiryLive.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace InquiryLive.BrowserTests;

/// <summary>The A4 report: the vote record in words, and an unpublished tally withheld from the clerk but shown to the admin.</summary>
[Collection(BrowserCollection.Name)]
public sealed class ReportPageTests(BrowserFixture browser)
{
    private const string Reason = "第二组选票漏计 2 张";

    /// <summary>A sitting with one vote entered on paper, corrected with a reason and published, and one closed but unpublished.</summary>
    private static async Task<(Guid SessionId, Guid Published, Guid Unpublished)> Arrange(InquiryApp app)
    {
        var (sessionId, chair) = await Voting.LiveSession(app);
        await Voting.MarkPresent(app, sessionId, 20);
        var clerk = await app.SignedIn("clerk");
        var departments = await app.Db(db => db.Departments.OrderBy(d => d.Order).Select(d => d.Id).ToListAsync());
        var paper = (Guid poll, object body) => clerk.PostAsJsonAsync($"/api/sessions/{sessionId}/polls/{poll}/paper", body);

        var published = await Voting.Open(chair, sessionId, new { departmentId = departments[0] });
        await Voting.Close(chair, sessionId, published);
        (await paper(published, new { satisfied = 15, basicallySatisfied = 3, dissatisfied = 2 })).EnsureSuccessStatusCode();
        (await paper(published, new { satisfied = 16, basicallySatisfied = 2, dissatisfied = 2, replace = true, reason = Reason })).EnsureSuccessStatusCode();
        (await Voting.Publish(chair, sessionId, published)).EnsureSuccessStatusCode();

        var unpublished = await Voting.Open(chair, sessionId, new { departmentId = departments[1] });
        await Voting.Close(chair, sessionId, unpublished);
        (await paper(unpublished, new { satisfied = 5, basicallySatisfied = 4, dissatisfied = 11 })).EnsureSuccessStatusCode();
        return (sessionId, published, unpublished);
    }

    private async Task<IPage> Report(string baseUrl, Guid sessionId, string user)
    {
        var page = await browser.NewPage(baseUrl);
        var login = await page.Context.APIRequest.PostAsync("/api/auth/login", new() { DataObject = new { userName = user, password = InquiryApp.Password } });
        Assert.True(login.Ok);
        await page.GotoAsync($"/report.html?s={sessionId}");
        await Assertions.Expect(page.Locator("#report-title")).ToBeVisibleAsync();
        return page;
    }

    /// <summary>Cells with Chinese text whose content box is narrower than two characters: broken one character per line.</summary>
    private static Task<string[]> CharacterColumns(IPage page) => page.EvaluateAsync<string[]>("""
        () => [...document.querySelectorAll('#report th, #report td')].filter((c) => {
          const style = getComputedStyle(c);
          const width = c.getBoundingClientRect().width - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
          return /[\u4e00-\u9fff]{2}/.test(c.textContent) && width < 1.9 * parseFloat(style.fontSize);
        }).map((c) => c.textContent.trim().slice(0, 20))
        """);

    [Fact]
    public async Task Report_ShowsTheVoteRecordInWords_AndWithholdsAnUnpublishedTallyFromTheClerk()
    {
        using var app = new InquiryApp();
        var baseUrl = app.StartOnKestrel();
        var (sessionId, published, unpublished) = await Arrange(app);

        var page = await Report(baseUrl, sessionId, "clerk");
        await Assertions.Expect(page.Locator("#report-rule")).ToContainTextAsync("满意率规则：满意＋基本满意须达有效票的百分之八十以上；参加测评人数下限：全体组成人员过半数");
        await Assertions.Expect(page.Locator("#report-attendance")).ToContainTextAsync("应到 35 人 · 实到 20 人 · 请假 0 人");

        var shown = page.Locator($".vote[data-poll-id='{published}']");
        await Assertions.Expect(shown.Locator(".poll-result")).ToBeVisibleAsync();
        await Assertions.Expect(shown).ToContainTextAsync("满意＋基本满意 18 / 有效票 20");
        var withheld = page.Locator($".vote[data-poll-id='{unpublished}']");
        await Assertions.Expect(withheld).ToContainTextAsync("未公布（仅主持人和管理员可见）");
        await Assertions.Expect(withheld.Locator(".poll-result")).ToHaveCountAsync(0);
        await Assertions.Expect(withheld).Not.ToContainTextAsync("须再次报告");

        // The record of the published vote, each step in words, the correction with its reason.
        var audit = page.Locator(".audit-table tbody tr");
        await Assertions.Expect(audit.Locator("td.action")).ToHaveTextAsync(["发起", "结束", "录入纸质票", "替换计票结果", "公布"]);
        await Assertions.Expect(page.Locator(".audit-table tr[data-action='paperReplaced']")).ToContainTextAsync(Reason);
        await Assertions.Expect(page.Locator(".audit-table tr[data-action='paperReplaced'] td.by")).ToHaveTextAsync("clerk");
        Assert.Empty(await CharacterColumns(page));
        await BrowserFixture.Screenshot(page, "report-clerk");

        // The admin sees the unpublished tally and its record too.
        var admin = await Report(baseUrl, sessionId, "admin");
        await Assertions.Expect(admin.Locator($".vote[data-poll-id='{unpublished}'] .poll-result")).ToBeVisibleAsync();
        await Assertions.Expect(admin.Locator($".vote[data-poll-id='{unpublished}']")).ToContainTextAsync("须再次报告");
        await Assertions.Expect(admin.Locator(".audit-table tbody tr")).ToHaveCountAsync(8);

        // Printed to A4, no column is squeezed to one character per line either.
        await admin.EmulateMediaAsync(new PageEmulateMediaOptions { Media = Media.Print });
        await admin.SetViewportSizeAsync(794, 1123);
        Assert.Empty(await CharacterColumns(admin));
        await BrowserFixture.Screenshot(admin, "report-admin-print");
    }
}
