using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using InquiryLive.FollowUp;
using InquiryLive.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace InquiryLive.Tests.FollowUp;

public sealed class RectificationTests
{
    private static string Url(Guid sessionId, string rest = "") => $"/api/sessions/{sessionId}/rectifications{rest}";

    private static object NewItem(FinishedSitting s, DateOnly deadline, int? departmentId = null) => new
    {
        departmentId = departmentId ?? s.DepartmentIds[1],
        pollId = s.ReReportPoll,
        title = "  物业收费公示整改 ",
        detail = "全面公示物业服务收费项目和标准。",
        deadline = deadline.ToString("yyyy-MM-dd"),
        owner = "价格监督检查处",
    };

    private static DateOnly InDays(int days) => DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8)).AddDays(days);

    private static async Task<int> Rows(InquiryApp app) =>
        await app.Db(async db => await db.RectificationItems.CountAsync() + await db.RectificationUpdates.CountAsync() + await db.Events.CountAsync());

    private static async Task<JsonElement> Json(HttpResponseMessage r, HttpStatusCode expected)
    {
        Assert.Equal(expected, r.StatusCode);
        return await r.Content.ReadFromJsonAsync<JsonElement>();
    }

    [Fact]
    public async Task Create_FromAVerdict_StoresTheItemWithHistory_AndPushesItToViewers()
    {
        using var app = new InquiryApp();
        var s = await FinishedSitting.ArrangeAsync(app);
        await using var viewer = await app.ConnectHub("/hubs/live");
        await viewer.Join(s.SessionId);
        var clerk = await app.SignedIn("clerk");

        var item = await Json(await clerk.PostAsJsonAsync(Url(s.SessionId), NewItem(s, InDays(30))), HttpStatusCode.Created);

        Assert.Equal("物业收费公示整改", item.GetProperty("title").GetString());
        Assert.Equal("open", item.GetProperty("status").GetString());
        Assert.Equal("poll", item.GetProperty("source").GetString());
        Assert.Equal("市市场监督管理局", item.GetProperty("departmentName").GetString());
        var pushed = await viewer.WaitForEvent("rectification.changed");
        Assert.Equal(item.GetProperty("id").GetInt64(), pushed.Data.GetProperty("item").GetProperty("id").GetInt64());
        var history = await app.Db(db => db.RectificationUpdates.ToListAsync());
        Assert.Equal("clerk", Assert.Single(history).By);
    }

    [Fact]
    public async Task Create_WithADeadlineInThePast_Gets400_AndWritesNothing()
    {
        using var app = new InquiryApp();
        var s = await FinishedSitting.ArrangeAsync(app);
        var before = await Rows(app);
        var body = await Json(await (await app.SignedIn("clerk")).PostAsJsonAsync(Url(s.SessionId), NewItem(s, InDays(-1))), HttpStatusCode.BadRequest);
        Assert.True(body.GetProperty("errors").TryGetProperty("deadline", out _));
        Assert.Equal(before, await Rows(app));
    }

    [Fact]
    public async Task Create_ForAnUnknownDepartment_Gets400_AndWritesNothing()
    {
        using var app = new InquiryApp();
        var s = await FinishedSitting.ArrangeAsync(app);
        var before = await Rows(app);
        var body = await Json(await (await app.SignedIn("clerk")).PostAsJsonAsync(Url(s.SessionId), NewItem(s, InDays(5), departmentId: 9999)), HttpStatusCode.BadRequest);
        Assert.True(body.GetProperty("errors").TryGetProperty("departmentId", out _));
        Assert.Equal(before, await Rows(app));
    }

    [Fact]
    public async Task Close_WithoutANote_Gets400_AndWritesNothing()
    {
        using var app = new InquiryApp();
        var s = await FinishedSitting.ArrangeAsync(app);
        var clerk = await app.SignedIn("clerk");
        var id = (await Json(await clerk.PostAsJsonAsync(Url(s.SessionId), NewItem(s, InDays(5))), HttpStatusCode.Created)).GetProperty("id").GetInt64();
        var before = await Rows(app);

        var body = await Json(await clerk.PostAsJsonAsync(Url(s.SessionId, $"/{id}/close"), new { note = "   " }), HttpStatusCode.BadRequest);

        Assert.True(body.GetProperty("errors").TryGetProperty("note", out _));
        Assert.Equal(before, await Rows(app));
        Assert.Null(await app.Db(db => db.RectificationItems.Select(r => r.ClosedAt).SingleAsync()));
    }

    [Fact]
    public async Task Close_WithANote_MarksItDone_AndAClosedItemCannotChangeAgain()
    {
        using var app = new InquiryApp();
        var s = await FinishedSitting.ArrangeAsync(app);
        var clerk = await app.SignedIn("clerk");
        var id = (await Json(await clerk.PostAsJsonAsync(Url(s.SessionId), NewItem(s, InDays(5))), HttpStatusCode.Created)).GetProperty("id").GetInt64();
        await Json(await clerk.PostAsJsonAsync(Url(s.SessionId, $"/{id}/progress"), new { note = "已在全市 1200 个小区公示" }), HttpStatusCode.OK);

        var closed = await Json(await clerk.PostAsJsonAsync(Url(s.SessionId, $"/{id}/close"), new { note = "公示制度已建立，抽查合格" }), HttpStatusCode.OK);
        Assert.Equal("done", closed.GetProperty("status").GetString());
        Assert.Equal("公示制度已建立，抽查合格", closed.GetProperty("closingNote").GetString());

        var again = await Json(await clerk.PostAsJsonAsync(Url(s.SessionId, $"/{id}/progress"), new { note = "补充" }), HttpStatusCode.Conflict);
        Assert.Equal("rectification.closed", again.GetProperty("code").GetString());
        var detail = await Json(await clerk.GetAsync(Url(s.SessionId, $"/{id}")), HttpStatusCode.OK);
        Assert.Equal(["created", "progress", "closed"], detail.GetProperty("history").EnumerateArray().Select(h => h.GetProperty("kind").GetString()!).ToArray());
    }

    [Fact]
    public async Task NoDeleteRouteExists_AndTheItemStays()
    {
        using var app = new InquiryApp();
        var s = await FinishedSitting.ArrangeAsync(app);
        var admin = await app.SignedIn("admin");
        var id = (await Json(await admin.PostAsJsonAsync(Url(s.SessionId), NewItem(s, InDays(5))), HttpStatusCode.Created)).GetProperty("id").GetInt64();

        var response = await admin.DeleteAsync(Url(s.SessionId, $"/{id}"));

        Assert.Contains(response.StatusCode, new[] { HttpStatusCode.MethodNotAllowed, HttpStatusCode.NotFound });
        var sources = app.Services.GetRequiredService<IEnumerable<Microsoft.AspNetCore.Routing.EndpointDataSource>>();
        var deletes = sources.SelectMany(x => x.Endpoints).OfType<Microsoft.AspNetCore.Routing.RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.Contains("rectifications", StringComparison.Ordinal) == true)
            .Where(e => e.Metadata.GetMetadata<Microsoft.AspNetCore.Routing.IHttpMethodMetadata>()?.HttpMethods.Contains("DELETE") == true);
        Assert.Empty(deletes);
        Assert.Equal(1, await app.Db(db => db.RectificationItems.CountAsync()));
    }

    [Fact]
    public async Task Status_BecomesOverdue_AfterTheDeadline_UntilClosed()
    {
        var time = new FakeTime(DateTimeOffset.UtcNow);
        using var app = new InquiryApp(services: x => x.AddSingleton<TimeProvider>(time));
        var s = await FinishedSitting.ArrangeAsync(app);
        var clerk = await app.SignedIn("clerk");
        var deadline = DateOnly.FromDateTime(time.Now.ToOffset(TimeSpan.FromHours(8)).DateTime).AddDays(1);
        var id = (await Json(await clerk.PostAsJsonAsync(Url(s.SessionId), NewItem(s, deadline)), HttpStatusCode.Created)).GetProperty("id").GetInt64();
        await Json(await clerk.PostAsJsonAsync(Url(s.SessionId, $"/{id}/start"), new { }), HttpStatusCode.OK);

        time.Now = time.Now.AddDays(3);
        clerk = await app.SignedIn("clerk"); // the old sign-in expired with the jump in time

        var list = await Json(await clerk.GetAsync(Url(s.SessionId)), HttpStatusCode.OK);
        Assert.Equal("overdue", list[0].GetProperty("status").GetString());
        var afterProgress = await Json(await clerk.PostAsJsonAsync(Url(s.SessionId, $"/{id}/progress"), new { note = "仍在推进" }), HttpStatusCode.OK);
        Assert.Equal("overdue", afterProgress.GetProperty("status").GetString());
        var closed = await Json(await clerk.PostAsJsonAsync(Url(s.SessionId, $"/{id}/close"), new { note = "逾期完成" }), HttpStatusCode.OK);
        Assert.Equal("done", closed.GetProperty("status").GetString());
    }

    [Fact]
    public async Task Roles_ChairReadsButCannotEdit_ModeratorIsRefused_ViewerMustSignIn()
    {
        using var app = new InquiryApp();
        var s = await FinishedSitting.ArrangeAsync(app);
        var chair = await app.SignedIn("chair");
        var moderator = await app.SignedIn("moderator1");
        var viewer = app.Browser();

        Assert.Equal(HttpStatusCode.OK, (await chair.GetAsync(Url(s.SessionId))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await chair.GetAsync($"/api/sessions/{s.SessionId}/report")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await chair.PostAsJsonAsync(Url(s.SessionId), NewItem(s, InDays(5)))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await moderator.PostAsJsonAsync(Url(s.SessionId), NewItem(s, InDays(5)))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await moderator.GetAsync($"/api/sessions/{s.SessionId}/exports/questions.csv")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await chair.PutAsJsonAsync($"/api/sessions/{s.SessionId}/questions/{s.DeferredQuestion}/written-reply", new { text = "x" })).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await viewer.PostAsJsonAsync(Url(s.SessionId), NewItem(s, InDays(5)))).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await viewer.GetAsync($"/api/sessions/{s.SessionId}/report")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await viewer.GetAsync($"/api/sessions/{s.SessionId}/exports/votes.csv")).StatusCode);
        Assert.Equal(0, await app.Db(db => db.RectificationItems.CountAsync()));
    }
}
