using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using InquiryLive.Agenda;
using InquiryLive.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace InquiryLive.Tests.Chair;

public sealed class SessionAdminTests
{
    private static object Settings(string title = "关于养老服务的专题询问", string? streamUrl = "https://live.example.cn/a.m3u8") => new
    {
        title, topic = "养老服务", description = "联组会议", scheduledStart = (DateTimeOffset?)null, streamUrl, askSeconds = 90, answerSeconds = 240,
        followUpSeconds = 120, followUpAllowed = true, ruleSet = "majority", bar = "moreThanHalf", barBase = "roster",
        turnout = "moreThanHalf", turnoutBase = "roster", namedVoting = false, allowBlankItems = true,
    };

    [Fact]
    public async Task Admin_CreatesADraftSession_AndEditsIt()
    {
        using var app = new InquiryApp();
        var admin = await app.SignedIn("admin");

        var created = await admin.PostAsJsonAsync("/api/sessions", Settings());
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var view = await created.Content.ReadFromJsonAsync<JsonElement>();
        var id = view.GetProperty("id").GetGuid();
        Assert.Equal("draft", view.GetProperty("state").GetString());
        Assert.Equal("majority", view.GetProperty("ruleSet").GetString());
        Assert.Equal("过半数分档规则：满意或满意＋基本满意须达全体组成人员的过半数；参加测评人数下限：全体组成人员过半数", view.GetProperty("rule").GetProperty("textZh").GetString());

        var edited = await admin.PutAsJsonAsync($"/api/sessions/{id}", Settings(title: "关于养老服务体系建设的专题询问"));
        Assert.Equal(HttpStatusCode.OK, edited.StatusCode);
        var setup = await admin.GetFromJsonAsync<JsonElement>($"/api/sessions/{id}/setup");
        Assert.Equal("关于养老服务体系建设的专题询问", setup.GetProperty("settings").GetProperty("title").GetString());
        Assert.Equal(90, setup.GetProperty("settings").GetProperty("askSeconds").GetInt32());
    }

    [Theory]
    [InlineData("", "https://live.example.cn/a.m3u8", "title")]
    [InlineData("专题询问", "javascript:alert(1)", "streamUrl")]
    [InlineData("专题询问", "ftp://example.cn/x", "streamUrl")]
    public async Task BadSettings_Get400_AndNothingIsWritten(string title, string streamUrl, string field)
    {
        using var app = new InquiryApp();
        var admin = await app.SignedIn("admin");
        var before = await app.Db(db => db.Sessions.CountAsync());

        var response = await admin.PostAsJsonAsync("/api/sessions", Settings(title, streamUrl));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty(field, out _));
        Assert.Equal(before, await app.Db(db => db.Sessions.CountAsync()));
    }

    [Fact]
    public async Task Put_WithAFieldOfTheWrongType_Gets400NamingIt_AndChangesNothing()
    {
        using var app = new InquiryApp();
        var sessionId = await app.DemoSessionId();
        var admin = await app.SignedIn("admin");
        var body = System.Text.Json.Nodes.JsonNode.Parse(JsonSerializer.Serialize(Settings(title: "改过的标题")))!.AsObject();
        body["askSeconds"] = "ninety";

        var response = await admin.PutAsync($"/api/sessions/{sessionId}", new StringContent(body.ToJsonString(), System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("askSeconds", out _));
        Assert.NotEqual("改过的标题", await app.Db(db => db.Sessions.Select(s => s.Title).SingleAsync()));
    }

    [Fact]
    public async Task EditingTheDemoSession_PushesTheNewTitleToViewers()
    {
        using var app = new InquiryApp();
        var sessionId = await app.DemoSessionId();
        await using var viewer = await app.ConnectHub("/hubs/live");
        await viewer.Join(sessionId);

        (await (await app.SignedIn("admin")).PutAsJsonAsync($"/api/sessions/{sessionId}", Settings(title: "新标题"))).EnsureSuccessStatusCode();

        var pushed = await viewer.WaitForEvent("session.updated");
        Assert.Equal("新标题", pushed.Data.GetProperty("session").GetProperty("title").GetString());
        Assert.Equal(5, pushed.Data.GetProperty("session").GetProperty("departments").GetArrayLength());
    }

    [Fact]
    public async Task Departments_CanBeAddedAndRenamed_ButOneInUseCannotBeDeleted()
    {
        using var app = new InquiryApp();
        var sessionId = await app.DemoSessionId();
        var admin = await app.SignedIn("admin");
        var url = $"/api/sessions/{sessionId}/departments";

        var added = await admin.PostAsJsonAsync(url, new { name = "市消防救援支队", headTitle = "支队长" });
        Assert.Equal(HttpStatusCode.Created, added.StatusCode);
        var newId = (await added.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
        (await admin.PutAsJsonAsync($"{url}/{newId}", new { name = "市消防救援支队", headTitle = "副支队长" })).EnsureSuccessStatusCode();

        var inUse = await admin.DeleteAsync($"{url}/{await app.DepartmentId(sessionId, 0)}");
        Assert.Equal(HttpStatusCode.Conflict, inUse.StatusCode);
        Assert.Equal("department.inUse", (await inUse.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString());

        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync($"{url}/{newId}")).StatusCode);
        Assert.Equal(5, await app.Db(db => db.Departments.CountAsync(d => d.SessionId == sessionId)));
        var empty = await admin.PostAsJsonAsync(url, new { name = " ", headTitle = "" });
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
    }

    [Fact]
    public async Task AgendaItems_CanBeAddedEditedReorderedAndRemoved()
    {
        using var app = new InquiryApp();
        var sessionId = await app.DemoSessionId();
        var admin = await app.SignedIn("admin");
        var url = $"/api/sessions/{sessionId}/agenda";
        var departmentId = await app.DepartmentId(sessionId, 4);

        var added = await admin.PostAsJsonAsync(url, new { questionerName = "钱晓红 代表", questionerKind = "deputy", departmentId, subject = "社区养老食堂" });
        Assert.Equal(HttpStatusCode.Created, added.StatusCode);
        var item = await added.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(7, item.GetProperty("order").GetInt32());
        Assert.Equal("市民政局", item.GetProperty("departmentName").GetString());
        var newId = item.GetProperty("id").GetInt32();

        (await admin.PutAsJsonAsync($"{url}/{newId}", new { questionerName = "钱晓红 代表", questionerKind = "citizenRepresentative", departmentId, subject = "改" })).EnsureSuccessStatusCode();

        var ids = await app.AgendaIds(sessionId);
        var reversed = ids.Reverse().ToArray();
        var reordered = await admin.PutAsJsonAsync($"{url}/order", new { itemIds = reversed });
        Assert.Equal(HttpStatusCode.OK, reordered.StatusCode);
        Assert.Equal(reversed, await app.AgendaIds(sessionId));

        var partial = await admin.PutAsJsonAsync($"{url}/order", new { itemIds = reversed.Skip(1).ToArray() });
        Assert.Equal(HttpStatusCode.BadRequest, partial.StatusCode);

        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync($"{url}/{newId}")).StatusCode);
        Assert.Equal(6, (await app.AgendaIds(sessionId)).Length);
    }

    [Fact]
    public async Task AgendaItem_WithAnUnknownDepartment_Gets400_AndNothingIsWritten()
    {
        using var app = new InquiryApp();
        var sessionId = await app.DemoSessionId();
        var admin = await app.SignedIn("admin");

        var response = await admin.PostAsJsonAsync($"/api/sessions/{sessionId}/agenda",
            new { questionerName = "某委员", questionerKind = "member", departmentId = 9999, subject = "x" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("departmentId", out _));
        Assert.Equal(6, (await app.AgendaIds(sessionId)).Length);
    }

    [Fact]
    public async Task ACalledAgendaItem_CannotBeRemoved()
    {
        using var app = new InquiryApp();
        var sessionId = await app.DemoSessionId();
        await app.GoLive(await app.SignedIn("chair"), sessionId);
        var first = (await app.AgendaIds(sessionId))[0];
        var admin = await app.SignedIn("admin");
        (await admin.PostAsJsonAsync($"/api/sessions/{sessionId}/floor/call", new { agendaItemId = first })).EnsureSuccessStatusCode();

        var response = await admin.DeleteAsync($"/api/sessions/{sessionId}/agenda/{first}");

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal(AgendaItemStatus.Current, await app.Db(db => db.AgendaItems.Where(a => a.Id == first).Select(a => a.Status).SingleAsync()));
    }

    [Fact]
    public async Task Roster_ListsTheMembers_ForTheAdminOnly()
    {
        using var app = new InquiryApp();
        var sessionId = await app.DemoSessionId();
        var roster = await (await app.SignedIn("admin")).GetFromJsonAsync<JsonElement>($"/api/sessions/{sessionId}/roster");
        Assert.Equal(35, roster.GetArrayLength());
        Assert.Equal("member01", roster[0].GetProperty("userName").GetString());

        var chairTry = await (await app.SignedIn("chair")).GetAsync($"/api/sessions/{sessionId}/roster");
        Assert.Equal(HttpStatusCode.Forbidden, chairTry.StatusCode);
        var chairCreate = await (await app.SignedIn("chair")).PostAsJsonAsync("/api/sessions", Settings());
        Assert.Equal(HttpStatusCode.Forbidden, chairCreate.StatusCode);
    }

    [Fact]
    public async Task Transitions_FollowTheStateMachine_AndIllegalOnesGet409()
    {
        using var app = new InquiryApp();
        var sessionId = await app.DemoSessionId();
        var chair = await app.SignedIn("chair");
        foreach (var to in new[] { "live", "paused", "live", "ended" })
        {
            Assert.Equal(HttpStatusCode.OK, (await chair.PostAsJsonAsync($"/api/sessions/{sessionId}/transitions", new { to })).StatusCode);
        }
        var back = await chair.PostAsJsonAsync($"/api/sessions/{sessionId}/transitions", new { to = "live" });
        Assert.Equal(HttpStatusCode.Conflict, back.StatusCode);
        Assert.Equal("session.transition", (await back.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString());
    }
}
