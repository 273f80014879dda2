using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using InquiryLive.Questions;
using InquiryLive.Tests.Infrastructure;

namespace InquiryLive.Tests.Moderation;

public sealed class QueueTests
{
    private static readonly DateTimeOffset Morning = new(2026, 5, 20, 8, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task TheQueue_ListsPendingOldestFirst_PagesThroughThem_AndCountsEachState()
    {
        using var app = new InquiryApp();
        var sessionId = await app.DemoSessionId();
        var ids = new List<Guid>();
        for (var i = 0; i < 7; i++) ids.Add(await app.Submit(sessionId, $"问题{i}：小区电梯维保记录能否公开？", at: Morning.AddMinutes(i)));
        var moderator = await app.SignedIn("moderator1");
        (await moderator.Act(sessionId, ids[0], "approve")).EnsureSuccessStatusCode();
        (await moderator.Act(sessionId, ids[1], "reject", new { reason = "重复提问" })).EnsureSuccessStatusCode();

        var first = await moderator.GetFromJsonAsync<JsonElement>(ModerationTestKit.Url(sessionId, "queue?limit=3"));
        var second = await moderator.GetFromJsonAsync<JsonElement>(ModerationTestKit.Url(sessionId, "queue?limit=3&offset=3"));
        var newest = await moderator.GetFromJsonAsync<JsonElement>(ModerationTestKit.Url(sessionId, "queue?order=newest&limit=1"));

        Assert.Equal(5, first.GetProperty("total").GetInt32());
        Assert.Equal(ids[2..5], Ids(first));
        Assert.Equal(ids[5..7], Ids(second));
        Assert.Equal([ids[6]], Ids(newest));
        var counts = first.GetProperty("counts");
        Assert.Equal((5, 1, 1), (counts.GetProperty("pending").GetInt32(), counts.GetProperty("approved").GetInt32(), counts.GetProperty("rejected").GetInt32()));
        var approved = await moderator.GetFromJsonAsync<JsonElement>(ModerationTestKit.Url(sessionId, "queue?status=approved"));
        Assert.Equal([ids[0]], Ids(approved));
    }

    [Fact]
    public async Task TheQueue_FiltersByDepartmentFlagAndText()
    {
        using var app = new InquiryApp();
        var sessionId = await app.DemoSessionId();
        var flagged = await app.Submit(sessionId, "有人在小区里赌博没人管", flags: "赌博");
        var plain = await app.Submit(sessionId, "小区充电桩收费标准是多少？");
        var percent = await app.Submit(sessionId, "物业费涨了50%合理吗？");
        var moderator = await app.SignedIn("moderator1");

        Assert.Equal([flagged], Ids(await Get(moderator, sessionId, "queue?flagged=true")));
        Assert.Equal([plain], Ids(await Get(moderator, sessionId, "queue?q=充电桩")));
        Assert.Equal([percent], Ids(await Get(moderator, sessionId, "queue?q=50%25")));
        Assert.Empty(Ids(await Get(moderator, sessionId, "queue?departmentId=1&q=充电桩")));
        var snapshot = await Get(moderator, sessionId, "../staff-snapshot");
        Assert.Equal(1, snapshot.GetProperty("queueCounts").GetProperty("flaggedPending").GetInt32());
    }

    [Theory]
    [InlineData("queue?status=whatever", "status")]
    [InlineData("queue?limit=0", "limit")]
    [InlineData("queue?order=random", "order")]
    public async Task TheQueue_RefusesBadFilters_With400(string query, string field)
    {
        using var app = new InquiryApp();
        var sessionId = await app.DemoSessionId();
        var response = await (await app.SignedIn("moderator1")).GetAsync(ModerationTestKit.Url(sessionId, query));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.Json()).GetProperty("errors").TryGetProperty(field, out _));
    }

    [Fact]
    public async Task ANewQuestion_ArrivesAtModeratorConsoles_AsQuestionSubmitted()
    {
        using var app = new InquiryApp();
        var sessionId = await app.DemoSessionId();
        await using var console = await app.ConnectHub("/hubs/console", await app.SignedIn("moderator2"));
        await console.Join(sessionId);

        var id = await app.Submit(sessionId, "公共区域广告收益归谁？");

        var e = await console.WaitForEvent("question.submitted");
        Assert.Equal(id, e.Data.GetProperty("question").GetProperty("id").GetGuid());
        Assert.Equal(nameof(QuestionStatus.Pending).ToLowerInvariant(), e.Data.GetProperty("question").GetProperty("status").GetString());
    }

    private static Task<JsonElement> Get(HttpClient client, Guid sessionId, string path) =>
        client.GetFromJsonAsync<JsonElement>(ModerationTestKit.Url(sessionId, path));

    private static Guid[] Ids(JsonElement page) =>
        page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetGuid()).ToArray();
}
