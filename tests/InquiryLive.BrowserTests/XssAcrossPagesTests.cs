using System.Net.Http.Json;
using InquiryLive.BrowserTests.Infrastructure;
using InquiryLive.BrowserTests.Xss;
using InquiryLive.Domain.Text;
using InquiryLive.Tests.Infrastructure;
using static InquiryLive.BrowserTests.Xss.ApiCalls;
using static InquiryLive.BrowserTests.Xss.XssPayloads;

namespace InquiryLive.BrowserTests;

/// <summary>
/// A corpus of XSS payloads entered wherever people type text (question, nickname, live feed,
/// follow-up, reject reason, agenda, session title, rectification item and note, written reply,
/// evaluator group, paper-count replacement reason, re-vote reason, sheet item),
/// then every page that shows user text opened in Chromium: no dialog, no script error, no element
/// injected, and the payload shown literally. The setup, member and link-sheet pages are in
/// <see cref="XssOnSetupAndMemberPagesTests"/>.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class XssAcrossPagesTests(BrowserFixture browser)
{
    // Payloads with a word of their own, so each is found where it belongs.
    private const string GroupName = "<img src=x onerror=alert('group')>列席代表";
    private const string PaperReason = "<svg onload=alert('paper')>漏计两张";
    private const string RevoteReason = "<script>alert('revote')</script>重新测评";
    private const string SheetItem = "<a href=\"javascript:alert('item')\">物业企业</a>";

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

        // The admin: session title and topic, an agenda item (questioner and subject), an evaluator group with one person.
        await Ok(admin.PatchAsJsonAsync(s, new { title = Svg + " 专题询问", topic = JsUrl, description = Handler }));
        var agenda = await Read(await Ok(admin.PostAsJsonAsync($"{s}/agenda", new { questionerName = Img, questionerKind = "member", departmentId = department, subject = Breakout })));
        var group = await Read(await Ok(admin.PostAsJsonAsync($"{s}/evaluator-groups", new { name = GroupName })));
        await Ok(admin.PostAsJsonAsync($"{s}/members", new { displayName = "市民代表甲", groupId = group.GetProperty("id").GetInt32() }));
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

        // Votes: paper counts corrected with a payload reason and published; a re-vote with a payload
        // reason supersedes it; a sheet with payload item titles waits, closed, for paper counts.
        var attendance = await Read(clerk, $"{s}/attendance");
        foreach (var m in attendance.GetProperty("members").EnumerateArray().Take(20))
        {
            await Ok(clerk.PutAsJsonAsync($"{s}/attendance/{m.GetProperty("memberId").GetInt32()}", new { status = "present" }));
        }
        var agendaId = agenda.GetProperty("id").GetInt32();
        var first = (await Read(await Ok(chair.PostAsJsonAsync($"{s}/polls", new { agendaItemId = agendaId })))).GetProperty("id").GetGuid();
        await Ok(chair.PostAsync($"{s}/polls/{first}/close", null));
        await Ok(clerk.PostAsJsonAsync($"{s}/polls/{first}/paper", new { satisfied = 10, basicallySatisfied = 5, dissatisfied = 5 }));
        await Ok(clerk.PostAsJsonAsync($"{s}/polls/{first}/paper", new { satisfied = 12, basicallySatisfied = 4, dissatisfied = 4, replace = true, reason = PaperReason }));
        await Ok(chair.PostAsJsonAsync($"{s}/polls/{first}/publish", new { confirmInvalid = true }));
        var again = (await Read(await Ok(chair.PostAsJsonAsync($"{s}/polls", new { agendaItemId = agendaId, supersedeReason = RevoteReason })))).GetProperty("id").GetGuid();
        await Ok(chair.PostAsync($"{s}/polls/{again}/close", null));
        await Ok(chair.PostAsJsonAsync($"{s}/polls/{again}/publish", new { confirmInvalid = true }));
        var sheet = (await Read(await Ok(chair.PostAsJsonAsync($"{s}/polls", new { items = new[] { new { title = SheetItem }, new { title = Bidi } } })))).GetProperty("id").GetGuid();
        await Ok(chair.PostAsync($"{s}/polls/{sheet}/close", null));

        var bidi = PlainText.Normalize(Bidi);
        var pages = new (string Url, string? User, bool Phone, string[] Shown)[]
        {
            ("/", null, true, [Svg, Breakout, Handler]),
            ($"/results.html?s={sessionId}", null, true, [Img, GroupName, RevoteReason]),
            ($"/screen.html?s={sessionId}", null, false, [Svg, Breakout]),
            // The overlay shows the latest follow-up in place of the question.
            ($"/overlay.html?s={sessionId}", null, false, [Script]),
            // The moderation queue lists the pending ones, the bidi text without its override characters.
            ("/moderate.html", "moderator1", false, [Breakout, bidi, LongLine]),
            ($"/audit.html?s={sessionId}", "admin", false, [Handler]),
            ("/chair.html", "chair", false, [Breakout, Script]),
            ("/clerk.html", "clerk", false, [Handler, SheetItem]),
            ($"/followup.html?s={sessionId}", "clerk", false, [Img]),
            ($"/report.html?s={sessionId}", "admin", false, [Breakout, Img, GroupName, PaperReason, RevoteReason, SheetItem]),
        };
        var failures = new List<string>();
        foreach (var (url, user, phone, shown) in pages)
        {
            var page = await WatchedPage.Open(browser, baseUrl, url, user, phone);
            await page.ExpectText(shown);
            failures.AddRange(await page.Finish());
        }
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }
}
