using System.Net;
using System.Text.Json;
using InquiryLive.Questions;
using InquiryLive.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace InquiryLive.Tests.Questions;

public sealed class QuestionIntakeTests
{
    [Fact]
    public async Task Ask_AValidQuestion_IsPersistedBefore201_AndPushedToStaff()
    {
        using var app = new InquiryApp();
        var sessionId = await app.DemoSessionId();
        var departmentId = await app.Db(db => db.Departments.Where(d => d.SessionId == sessionId).Select(d => d.Id).FirstAsync());
        await using var console = await app.ConnectHub("/hubs/console", await app.SignedIn("moderator1"));
        await console.Join(sessionId);
        var viewer = await app.NewViewer();
        var id = Guid.NewGuid();

        var response = await viewer.Ask(sessionId, new { id, text = "  小区公共收益  如何公开？ ", nickname = "老王", departmentId });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = await response.Json();
        Assert.Equal(id, body.GetProperty("id").GetGuid());
        Assert.Equal("pending", body.GetProperty("status").GetString());
        var stored = await app.Db(db => db.Questions.SingleAsync());
        Assert.Equal("小区公共收益 如何公开？", stored.Text);
        Assert.Equal("老王", stored.Nickname);
        Assert.Equal(departmentId, stored.DepartmentId);
        var pushed = await console.WaitForEvent("question.submitted");
        Assert.Equal("staff", pushed.Stream);
        Assert.Equal(id, pushed.Data.GetProperty("question").GetProperty("id").GetGuid());
    }

    [Fact]
    public async Task Ask_TheSameIdAgain_FromTheSameViewer_ReturnsTheSameQuestion_NeverASecond()
    {
        using var app = new InquiryApp();
        var sessionId = await app.DemoSessionId();
        var viewer = await app.NewViewer();
        var id = Guid.NewGuid();

        var first = await viewer.Ask(sessionId, new { id, text = "停车位如何分配？" });
        var retry = await viewer.Ask(sessionId, new { id, text = "停车位如何分配？" });

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, retry.StatusCode);
        Assert.Equal(id, (await retry.Json()).GetProperty("id").GetGuid());
        Assert.Equal(1, await app.Db(db => db.Questions.CountAsync()));
        Assert.Equal(1, await app.Db(db => db.Events.CountAsync(e => e.Type == "question.submitted")));
    }

    [Fact]
    public async Task Ask_TheSameIdFromAnotherViewer_Gets409_AndLeavesTheFirstAlone()
    {
        using var app = new InquiryApp();
        var sessionId = await app.DemoSessionId();
        var id = Guid.NewGuid();
        (await (await app.NewViewer()).Ask(sessionId, new { id, text = "第一个问题" })).EnsureSuccessStatusCode();

        var response = await (await app.NewViewer()).Ask(sessionId, new { id, text = "抢同一个编号" });

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal("question.idTaken", (await response.Json()).GetProperty("code").GetString());
        Assert.Equal("第一个问题", await app.Db(db => db.Questions.Select(q => q.Text).SingleAsync()));
    }

    public static TheoryData<string, string> BadBodies => new()
    {
        { """{"id":"6f1c1d3e-0000-4000-8000-000000000001","text":""}""", "text" },
        { """{"id":"6f1c1d3e-0000-4000-8000-000000000001","text":" \u200b\u202e \t "}""", "text" },
        { """{"id":"6f1c1d3e-0000-4000-8000-000000000001","text":"{{long}}"}""", "text" },
        { """{"id":"6f1c1d3e-0000-4000-8000-000000000001","text":"好","nickname":"{{longNick}}"}""", "nickname" },
        { """{"id":"6f1c1d3e-0000-4000-8000-000000000001","text":"好","departmentId":999999}""", "departmentId" },
        { """{"text":"没有编号"}""", "id" },
        { """{"id":"00000000-0000-0000-0000-000000000000","text":"空编号"}""", "id" },
    };

    [Theory]
    [MemberData(nameof(BadBodies))]
    public async Task Ask_BadInput_Gets400InTheViewersLanguage_AndWritesNothing(string body, string field)
    {
        using var app = new InquiryApp();
        var sessionId = await app.DemoSessionId();
        var json = body.Replace("{{long}}", new string('问', 501), StringComparison.Ordinal)
            .Replace("{{longNick}}", new string('名', 31), StringComparison.Ordinal);
        var viewer = await app.NewViewer();

        var zh = await viewer.PostAsync($"/api/sessions/{sessionId}/questions", new StringContent(json, System.Text.Encoding.UTF8, "application/json"));
        var enRequest = new HttpRequestMessage(HttpMethod.Post, $"/api/sessions/{sessionId}/questions")
        {
            Content = new StringContent(json, System.Text.Encoding.UTF8, "application/json"),
        };
        enRequest.Headers.AcceptLanguage.ParseAdd("en");
        var en = await viewer.SendAsync(enRequest);

        Assert.Equal(HttpStatusCode.BadRequest, zh.StatusCode);
        Assert.Equal("application/problem+json", zh.Content.Headers.ContentType?.MediaType);
        var zhMessage = (await zh.Json()).GetProperty("errors").GetProperty(field)[0].GetString()!;
        var enMessage = (await en.Json()).GetProperty("errors").GetProperty(field)[0].GetString()!;
        Assert.Matches(@"\p{IsCJKUnifiedIdeographs}", zhMessage);
        Assert.DoesNotMatch(@"\p{IsCJKUnifiedIdeographs}", enMessage);
        Assert.Equal(0, await app.Db(db => db.Questions.CountAsync()));
        Assert.Equal(0, await app.Db(db => db.Events.CountAsync()));
    }

    [Fact]
    public async Task Ask_500ChineseCharactersAndA30CharacterNickname_AreAccepted()
    {
        using var app = new InquiryApp();
        var sessionId = await app.DemoSessionId();
        var response = await (await app.NewViewer()).Ask(sessionId, new { id = Guid.NewGuid(), text = new string('问', 500), nickname = new string('名', 30) });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }

    [Fact]
    public async Task Ask_WithTheHoneypotFilled_Gets400_AndStoresNothing()
    {
        using var app = new InquiryApp();
        var sessionId = await app.DemoSessionId();
        var response = await (await app.NewViewer()).Ask(sessionId, new { id = Guid.NewGuid(), text = "buy cheap watches", website = "http://spam.example" });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(0, await app.Db(db => db.Questions.CountAsync()));
    }

    [Fact]
    public async Task Ask_WhenTheSessionHasEnded_Gets409()
    {
        using var app = new InquiryApp();
        var sessionId = await app.DemoSessionId();
        var chair = await app.SignedIn("chair");
        (await chair.PostAsync($"/api/sessions/{sessionId}/transitions", System.Net.Http.Json.JsonContent.Create(new { to = "ended" }))).EnsureSuccessStatusCode();

        var response = await (await app.NewViewer()).Ask(sessionId, new { id = Guid.NewGuid(), text = "会后还能问吗？" });

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal("questions.closed", (await response.Json()).GetProperty("code").GetString());
        Assert.Equal(0, await app.Db(db => db.Questions.CountAsync()));
    }

    [Fact]
    public async Task Ask_ToAnUnknownSession_Gets404()
    {
        using var app = new InquiryApp();
        var response = await (await app.NewViewer()).Ask(Guid.NewGuid(), new { id = Guid.NewGuid(), text = "有人吗？" });
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Ask_WithSensitiveWords_IsAcceptedAndFlaggedForTheModerator()
    {
        using var app = new InquiryApp();
        var sessionId = await app.DemoSessionId();
        await (await app.NewViewer()).AskOk(sessionId, "物业涉嫌诈骗业主，怎么办？");
        Assert.Equal("诈骗", await app.Db(db => db.Questions.Select(q => q.Flags).SingleAsync()));
    }
}
