using System.Net.Http.Json;
using System.Text.Json;
using InquiryLive.Questions;
using InquiryLive.Tests.Infrastructure;

namespace InquiryLive.Tests.Chair;

public sealed class OnlineQuestionRankingTests
{
    [Fact]
    public async Task OnlineQuestions_AreRankedByAskedBy_ThenOldestFirst_AndOnlyApprovedOnesShow()
    {
        using var app = new InquiryApp();
        var sessionId = await app.DemoSessionId();
        var t = new DateTimeOffset(2026, 5, 1, 8, 0, 0, TimeSpan.Zero);
        var fewNew = await app.AddApprovedQuestion(sessionId, "A", meToo: 1, createdAt: t.AddMinutes(5));
        var many = await app.AddApprovedQuestion(sessionId, "B", meToo: 3, merged: 2, createdAt: t.AddMinutes(9));
        var fewOld = await app.AddApprovedQuestion(sessionId, "C", merged: 1, createdAt: t);
        await app.AddApprovedQuestion(sessionId, "pending", meToo: 50, status: QuestionStatus.Pending);
        await app.AddApprovedQuestion(sessionId, "rejected", meToo: 50, status: QuestionStatus.Rejected);

        var list = await (await app.SignedIn("chair")).GetFromJsonAsync<JsonElement>($"/api/sessions/{sessionId}/floor/online-questions");

        Assert.Equal([many, fewOld, fewNew], list.EnumerateArray().Select(q => q.GetProperty("id").GetGuid()).ToArray());
        Assert.Equal(6, list[0].GetProperty("askedBy").GetInt32());
    }

    [Fact]
    public async Task OnlineQuestions_FilterByDepartment()
    {
        using var app = new InquiryApp();
        var sessionId = await app.DemoSessionId();
        var housing = await app.DepartmentId(sessionId, 0);
        var market = await app.DepartmentId(sessionId, 1);
        var mine = await app.AddApprovedQuestion(sessionId, "维修资金", departmentId: housing);
        await app.AddApprovedQuestion(sessionId, "收费", departmentId: market);
        await app.AddApprovedQuestion(sessionId, "未分配");

        var list = await (await app.SignedIn("chair")).GetFromJsonAsync<JsonElement>($"/api/sessions/{sessionId}/floor/online-questions?departmentId={housing}");

        Assert.Equal([mine], list.EnumerateArray().Select(q => q.GetProperty("id").GetGuid()).ToArray());
    }

    [Fact]
    public async Task Moderators_CannotReadTheChairsList()
    {
        using var app = new InquiryApp();
        var sessionId = await app.DemoSessionId();
        var response = await (await app.SignedIn("moderator1")).GetAsync($"/api/sessions/{sessionId}/floor/online-questions");
        Assert.Equal(System.Net.HttpStatusCode.Forbidden, response.StatusCode);
    }
}
