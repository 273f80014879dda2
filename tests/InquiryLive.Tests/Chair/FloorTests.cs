using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using InquiryLive.Agenda;
using InquiryLive.Questions;
using InquiryLive.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace InquiryLive.Tests.Chair;

public sealed class FloorTests
{
    [Fact]
    public async Task CallAgendaItem_MakesItCurrent_AndPushesItToViewers()
    {
        using var app = new InquiryApp();
        var sessionId = await app.DemoSessionId();
        var chair = await app.SignedIn("chair");
        await app.GoLive(chair, sessionId);
        await using var viewer = await app.ConnectHub("/hubs/live");
        await viewer.Join(sessionId);
        var first = (await app.AgendaIds(sessionId))[0];

        var response = await chair.PostAsJsonAsync($"/api/sessions/{sessionId}/floor/call", new { agendaItemId = first });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);

        var pushed = await viewer.WaitForEvent("floor.called");
        var floor = pushed.Data.GetProperty("floor");
        Assert.Equal("刘志强 委员", floor.GetProperty("questionerName").GetString());
        Assert.Equal("市住房和城乡建设局", floor.GetProperty("departmentName").GetString());
        Assert.Equal("agenda", floor.GetProperty("source").GetString());
        Assert.Equal(AgendaItemStatus.Current, await app.Db(db => db.AgendaItems.Where(a => a.Id == first).Select(a => a.Status).SingleAsync()));

        var snapshot = await app.Browser().GetFromJsonAsync<JsonElement>($"/api/sessions/{sessionId}/snapshot");
        var section = snapshot.GetProperty("floor");
        Assert.Equal(floor.GetProperty("id").GetInt64(), section.GetProperty("current").GetProperty("id").GetInt64());
        Assert.Equal("周慧敏 委员", section.GetProperty("agendaNext").GetProperty("questionerName").GetString());
    }

    [Fact]
    public async Task CallOnlineQuestion_MarksItAskedLive_AndPushesThePublicUpdate()
    {
        using var app = new InquiryApp();
        var sessionId = await app.DemoSessionId();
        var chair = await app.SignedIn("chair");
        await app.GoLive(chair, sessionId);
        var departmentId = await app.DepartmentId(sessionId, 1);
        var questionId = await app.AddApprovedQuestion(sessionId, "电梯维修资金谁来出？", departmentId: departmentId);
        await using var viewer = await app.ConnectHub("/hubs/live");
        await viewer.Join(sessionId);

        var response = await chair.PostAsJsonAsync($"/api/sessions/{sessionId}/floor/call", new { questionId, readBy = "李敏" });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);

        var updated = await viewer.WaitForEvent("question.publicUpdated");
        Assert.Equal("askedLive", updated.Data.GetProperty("question").GetProperty("status").GetString());
        var called = await viewer.WaitForEvent("floor.called");
        Assert.Equal("李敏", called.Data.GetProperty("floor").GetProperty("readBy").GetString());
        Assert.Equal("市市场监督管理局", called.Data.GetProperty("floor").GetProperty("departmentName").GetString());
        var stored = await app.Db(db => db.Questions.SingleAsync(q => q.Id == questionId));
        Assert.Equal(QuestionStatus.AskedLive, stored.Status);
        Assert.Equal("李敏", stored.ReadBy);
    }

    [Fact]
    public async Task CallingWhileAQuestionIsCurrent_Gets409_AndChangesNothing()
    {
        using var app = new InquiryApp();
        var sessionId = await app.DemoSessionId();
        var chair = await app.SignedIn("chair");
        await app.GoLive(chair, sessionId);
        var ids = await app.AgendaIds(sessionId);
        (await chair.PostAsJsonAsync($"/api/sessions/{sessionId}/floor/call", new { agendaItemId = ids[0] })).EnsureSuccessStatusCode();

        var second = await chair.PostAsJsonAsync($"/api/sessions/{sessionId}/floor/call", new { agendaItemId = ids[1] });
        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
        Assert.Equal("floor.busy", (await second.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString());
        Assert.Equal(AgendaItemStatus.Waiting, await app.Db(db => db.AgendaItems.Where(a => a.Id == ids[1]).Select(a => a.Status).SingleAsync()));
        Assert.Equal(1, await app.Db(db => db.FloorItems.CountAsync()));
    }

    [Fact]
    public async Task CallingBeforeTheSittingIsLive_Gets409()
    {
        using var app = new InquiryApp();
        var sessionId = await app.DemoSessionId();
        var chair = await app.SignedIn("chair");
        var response = await chair.PostAsJsonAsync($"/api/sessions/{sessionId}/floor/call", new { agendaItemId = (await app.AgendaIds(sessionId))[0] });
        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal("floor.notLive", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString());
    }

    [Fact]
    public async Task CallingAQuestionThatIsNotApproved_Gets409_AndAnAgendaItemAlreadyDone_Too()
    {
        using var app = new InquiryApp();
        var sessionId = await app.DemoSessionId();
        var chair = await app.SignedIn("chair");
        await app.GoLive(chair, sessionId);
        var pending = await app.AddApprovedQuestion(sessionId, "还没审核的问题", status: QuestionStatus.Pending);
        var response = await chair.PostAsJsonAsync($"/api/sessions/{sessionId}/floor/call", new { questionId = pending, readBy = "李敏" });
        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal(QuestionStatus.Pending, await app.Db(db => db.Questions.Where(q => q.Id == pending).Select(q => q.Status).SingleAsync()));

        var first = (await app.AgendaIds(sessionId))[0];
        (await chair.PostAsJsonAsync($"/api/sessions/{sessionId}/floor/call", new { agendaItemId = first })).EnsureSuccessStatusCode();
        (await chair.PostAsync($"/api/sessions/{sessionId}/floor/answered", null)).EnsureSuccessStatusCode();
        var again = await chair.PostAsJsonAsync($"/api/sessions/{sessionId}/floor/call", new { agendaItemId = first });
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
    }

    [Fact]
    public async Task CallingAnOnlineQuestionWithoutAReader_Gets400()
    {
        using var app = new InquiryApp();
        var sessionId = await app.DemoSessionId();
        var chair = await app.SignedIn("chair");
        await app.GoLive(chair, sessionId);
        var questionId = await app.AddApprovedQuestion(sessionId, "停车位怎么收费？");
        var response = await chair.PostAsJsonAsync($"/api/sessions/{sessionId}/floor/call", new { questionId, readBy = "  " });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("readBy", out _));
        Assert.Equal(0, await app.Db(db => db.FloorItems.CountAsync()));
    }

    [Fact]
    public async Task FollowUp_AttachesToTheCurrentQuestion_AndIsPushed()
    {
        using var app = new InquiryApp();
        var sessionId = await app.DemoSessionId();
        var chair = await app.SignedIn("chair");
        await app.GoLive(chair, sessionId);
        (await chair.PostAsJsonAsync($"/api/sessions/{sessionId}/floor/call", new { agendaItemId = (await app.AgendaIds(sessionId))[0] })).EnsureSuccessStatusCode();
        await using var viewer = await app.ConnectHub("/hubs/live");
        await viewer.Join(sessionId);

        var response = await chair.PostAsJsonAsync($"/api/sessions/{sessionId}/floor/follow-ups", new { questionerName = "刘志强 委员", text = "具体时间表是什么？" });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);

        var pushed = await viewer.WaitForEvent("floor.followUpAdded");
        Assert.Equal("具体时间表是什么？", pushed.Data.GetProperty("followUp").GetProperty("text").GetString());
        var snapshot = await app.Browser().GetFromJsonAsync<JsonElement>($"/api/sessions/{sessionId}/snapshot");
        Assert.Equal(1, snapshot.GetProperty("floor").GetProperty("current").GetProperty("followUps").GetArrayLength());
    }

    [Fact]
    public async Task FollowUp_IsRefused_WhenNothingIsCurrent_OrFollowUpsAreOff()
    {
        using var app = new InquiryApp();
        var sessionId = await app.DemoSessionId();
        var chair = await app.SignedIn("chair");
        await app.GoLive(chair, sessionId);
        var body = new { questionerName = "刘志强 委员", text = "追问" };
        var none = await chair.PostAsJsonAsync($"/api/sessions/{sessionId}/floor/follow-ups", body);
        Assert.Equal(HttpStatusCode.Conflict, none.StatusCode);

        await app.Db(db => db.Sessions.ExecuteUpdateAsync(u => u.SetProperty(s => s.FollowUpAllowed, false)));
        (await chair.PostAsJsonAsync($"/api/sessions/{sessionId}/floor/call", new { agendaItemId = (await app.AgendaIds(sessionId))[0] })).EnsureSuccessStatusCode();
        var off = await chair.PostAsJsonAsync($"/api/sessions/{sessionId}/floor/follow-ups", body);
        Assert.Equal(HttpStatusCode.Conflict, off.StatusCode);
        Assert.Equal("floor.followUpNotAllowed", (await off.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString());
        Assert.Equal(0, await app.Db(db => db.FollowUpQuestions.CountAsync()));
    }

    [Fact]
    public async Task Answered_ClosesTheQuestion_MarksTheAgendaDone_AndFreesTheFloor()
    {
        using var app = new InquiryApp();
        var sessionId = await app.DemoSessionId();
        var chair = await app.SignedIn("chair");
        await app.GoLive(chair, sessionId);
        var first = (await app.AgendaIds(sessionId))[0];
        (await chair.PostAsJsonAsync($"/api/sessions/{sessionId}/floor/call", new { agendaItemId = first })).EnsureSuccessStatusCode();
        await using var viewer = await app.ConnectHub("/hubs/live");
        await viewer.Join(sessionId);

        (await chair.PostAsync($"/api/sessions/{sessionId}/floor/answered", null)).EnsureSuccessStatusCode();

        var closed = await viewer.WaitForEvent("floor.closed");
        Assert.Equal("answered", closed.Data.GetProperty("floor").GetProperty("outcome").GetString());
        Assert.Equal(AgendaItemStatus.Done, await app.Db(db => db.AgendaItems.Where(a => a.Id == first).Select(a => a.Status).SingleAsync()));
        var snapshot = await app.Browser().GetFromJsonAsync<JsonElement>($"/api/sessions/{sessionId}/snapshot");
        Assert.Equal(JsonValueKind.Null, snapshot.GetProperty("floor").GetProperty("current").ValueKind);
        var again = await chair.PostAsync($"/api/sessions/{sessionId}/floor/answered", null);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
    }

    [Fact]
    public async Task Deferred_SendsTheOnlineQuestionToItsDepartmentsWrittenReplyList()
    {
        using var app = new InquiryApp();
        var sessionId = await app.DemoSessionId();
        var chair = await app.SignedIn("chair");
        await app.GoLive(chair, sessionId);
        var questionId = await app.AddApprovedQuestion(sessionId, "小区绿化谁来管？", departmentId: await app.DepartmentId(sessionId, 2));
        (await chair.PostAsJsonAsync($"/api/sessions/{sessionId}/floor/call", new { questionId, readBy = "李敏" })).EnsureSuccessStatusCode();

        var response = await chair.PostAsync($"/api/sessions/{sessionId}/floor/deferred", null);
        var floor = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("deferred", floor.GetProperty("outcome").GetString());
        Assert.Equal(QuestionStatus.Deferred, await app.Db(db => db.Questions.Where(q => q.Id == questionId).Select(q => q.Status).SingleAsync()));
    }

    [Fact]
    public async Task DeferringAnAgendaQuestion_MarksTheAgendaItemDeferred_AndHistoryListsBoth()
    {
        using var app = new InquiryApp();
        var sessionId = await app.DemoSessionId();
        var chair = await app.SignedIn("chair");
        await app.GoLive(chair, sessionId);
        var ids = await app.AgendaIds(sessionId);
        (await chair.PostAsJsonAsync($"/api/sessions/{sessionId}/floor/call", new { agendaItemId = ids[0] })).EnsureSuccessStatusCode();
        (await chair.PostAsync($"/api/sessions/{sessionId}/floor/deferred", null)).EnsureSuccessStatusCode();
        (await chair.PostAsJsonAsync($"/api/sessions/{sessionId}/floor/call", new { agendaItemId = ids[1] })).EnsureSuccessStatusCode();

        Assert.Equal(AgendaItemStatus.Deferred, await app.Db(db => db.AgendaItems.Where(a => a.Id == ids[0]).Select(a => a.Status).SingleAsync()));
        var history = await chair.GetFromJsonAsync<JsonElement>($"/api/sessions/{sessionId}/floor/history");
        Assert.Equal(new[] { "deferred", "current" }, history.EnumerateArray().Select(f => f.GetProperty("outcome").GetString()!).ToArray());
    }

    [Theory]
    [InlineData("moderator1")]
    [InlineData("member05")]
    [InlineData("clerk")]
    public async Task OnlyTheChairOrAdmin_MayCall(string userName)
    {
        using var app = new InquiryApp();
        var sessionId = await app.DemoSessionId();
        await app.GoLive(await app.SignedIn("chair"), sessionId);
        var first = (await app.AgendaIds(sessionId))[0];

        var refused = await (await app.SignedIn(userName)).PostAsJsonAsync($"/api/sessions/{sessionId}/floor/call", new { agendaItemId = first });
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        var anonymous = await app.Browser().PostAsJsonAsync($"/api/sessions/{sessionId}/floor/call", new { agendaItemId = first });
        Assert.Contains(anonymous.StatusCode, new[] { HttpStatusCode.Unauthorized, HttpStatusCode.Forbidden });
        Assert.Equal(0, await app.Db(db => db.FloorItems.CountAsync()));

        var admin = await (await app.SignedIn("admin")).PostAsJsonAsync($"/api/sessions/{sessionId}/floor/call", new { agendaItemId = first });
        Assert.Equal(HttpStatusCode.OK, admin.StatusCode);
    }
}
