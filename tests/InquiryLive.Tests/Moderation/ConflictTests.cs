using System.Net;
using InquiryLive.Questions;
using InquiryLive.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace InquiryLive.Tests.Moderation;

public sealed class ConflictTests
{
    [Fact]
    public async Task Deciding_AQuestionDecidedByAnother_Is409NamingThem_AndOverwritesNothing()
    {
        using var app = new InquiryApp();
        var sessionId = await app.DemoSessionId();
        var id = await app.Submit(sessionId, "垃圾分类收运车辆为什么混装？");
        var first = await app.SignedIn("moderator1");
        var second = await app.SignedIn("moderator2");
        (await first.Act(sessionId, id, "approve")).EnsureSuccessStatusCode();

        var response = await second.Act(sessionId, id, "reject", new { reason = "重复提问" });

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        var problem = await response.Json();
        Assert.Equal("question.decided", problem.GetProperty("code").GetString());
        Assert.Contains("moderator1", problem.GetProperty("detail").GetString());
        var stored = await app.Question(id);
        Assert.Equal((QuestionStatus.Approved, "moderator1", null), (stored.Status, stored.DecidedBy, stored.RejectReason));
        Assert.Single(await app.Decisions(id));
    }

    [Fact]
    public async Task AQuestionClaimedByAnother_CannotBeDecided_AndThe409NamesTheHolder()
    {
        using var app = new InquiryApp();
        var sessionId = await app.DemoSessionId();
        var id = await app.Submit(sessionId, "停车位只租不售合法吗？");
        var first = await app.SignedIn("moderator1");
        var second = await app.SignedIn("moderator2");
        await using var console = await app.ConnectHub("/hubs/console", second);
        await console.Join(sessionId);

        (await first.Act(sessionId, id, "claim")).EnsureSuccessStatusCode();
        var claimed = await console.WaitForEvent("question.updated", d => d.GetProperty("question").GetProperty("claimedBy").GetString() == "moderator1");
        Assert.NotEqual(System.Text.Json.JsonValueKind.Null, claimed.Data.GetProperty("question").GetProperty("claimedUntil").ValueKind);

        var approve = await second.Act(sessionId, id, "approve");
        var claim = await second.Act(sessionId, id, "claim");

        Assert.Equal(HttpStatusCode.Conflict, approve.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, claim.StatusCode);
        var problem = await approve.Json();
        Assert.Equal("question.claimed", problem.GetProperty("code").GetString());
        Assert.Contains("moderator1", problem.GetProperty("detail").GetString());
        Assert.Equal(QuestionStatus.Pending, (await app.Question(id)).Status);
        Assert.Empty(await app.Decisions(id));
    }

    [Fact]
    public async Task AnExpiredClaim_NoLongerBlocksAnotherModerator()
    {
        var time = new FakeTime(new DateTimeOffset(2026, 5, 20, 9, 0, 0, TimeSpan.Zero));
        using var app = new InquiryApp(services: s => s.AddSingleton<TimeProvider>(time));
        var sessionId = await app.DemoSessionId();
        var id = await app.Submit(sessionId, "小区消防通道被占用谁来管？");
        var first = await app.SignedIn("moderator1");
        var second = await app.SignedIn("moderator2");
        (await first.Act(sessionId, id, "claim")).EnsureSuccessStatusCode();

        time.Advance(TimeSpan.FromSeconds(61));
        var response = await second.Act(sessionId, id, "approve");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("moderator2", (await app.Question(id)).DecidedBy);
    }

    [Fact]
    public async Task TwoModeratorsRacing_ForTheSameQuestions_NeverBothWin()
    {
        using var app = new InquiryApp();
        var sessionId = await app.DemoSessionId();
        var ids = new List<Guid>();
        for (var i = 0; i < 10; i++) ids.Add(await app.Submit(sessionId, $"第{i}个问题：业主委员会选举为什么迟迟不启动？"));
        var first = await app.SignedIn("moderator1");
        var second = await app.SignedIn("moderator2");

        var races = ids.SelectMany(id => new[]
        {
            first.Act(sessionId, id, "approve"),
            second.Act(sessionId, id, "reject", new { reason = "重复提问" }),
        }).ToList();
        var responses = await Task.WhenAll(races);

        Assert.All(responses, r => Assert.Contains(r.StatusCode, new[] { HttpStatusCode.OK, HttpStatusCode.Conflict }));
        Assert.Equal(10, responses.Count(r => r.StatusCode == HttpStatusCode.OK));
        foreach (var id in ids)
        {
            var decision = Assert.Single(await app.Decisions(id));
            var stored = await app.Question(id);
            Assert.Equal(decision.Moderator, stored.DecidedBy);
            Assert.Equal(decision.Action == "approve" ? QuestionStatus.Approved : QuestionStatus.Rejected, stored.Status);
        }
    }
}
