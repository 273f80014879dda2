using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using InquiryLive.Tests.Infrastructure;

namespace InquiryLive.Tests.FollowUp;

public sealed class ReportTests
{
    [Fact]
    public async Task Report_ListsTheSittingInOrder_WithVotesParticipationAndReReports()
    {
        using var app = new InquiryApp();
        var s = await FinishedSitting.ArrangeAsync(app);
        var report = await (await app.SignedIn("chair")).GetFromJsonAsync<JsonElement>($"/api/sessions/{s.SessionId}/report");

        Assert.Equal("物业管理服务", report.GetProperty("session").GetProperty("topic").GetString());
        Assert.Equal(35, report.GetProperty("attendance").GetProperty("rosterSize").GetInt32());
        var floor = report.GetProperty("floor").EnumerateArray().ToList();
        Assert.Equal([1, 2, 3], floor.Select(f => f.GetProperty("order").GetInt32()).ToArray());
        Assert.Equal("明年能覆盖多少个小区？", floor[0].GetProperty("followUps")[0].GetProperty("text").GetString());
        Assert.Equal("市住房和城乡建设局", floor[0].GetProperty("departmentName").GetString());
        Assert.Equal("deferred", floor[2].GetProperty("outcome").GetString());

        var votes = report.GetProperty("votes").EnumerateArray().ToList();
        Assert.Equal(4, votes.Count);
        var reReport = Assert.Single(report.GetProperty("reReportRequired").EnumerateArray().ToList());
        Assert.Equal(s.ReReportPoll, reReport.GetProperty("pollId").GetGuid());
        Assert.Equal("reReportRequired", reReport.GetProperty("verdict").GetString());
        var reReportResult = votes.Single(v => v.GetProperty("pollId").GetGuid() == s.ReReportPoll).GetProperty("result");
        Assert.Equal(12, reReportResult.GetProperty("items")[0].GetProperty("satisfied").GetInt32());
        Assert.Equal(33, reReportResult.GetProperty("voted").GetInt32());
        Assert.True(votes.Single(v => v.GetProperty("pollId").GetGuid() == s.HandEnteredPoll).GetProperty("result").GetProperty("enteredByHand").GetBoolean());
        // The chair sees the unpublished tally too.
        Assert.Equal(JsonValueKind.Object, votes.Single(v => v.GetProperty("pollId").GetGuid() == s.UnpublishedPoll).GetProperty("result").ValueKind);
        Assert.False(report.GetProperty("talliesHidden").GetBoolean());

        var p = report.GetProperty("participation");
        Assert.Equal(301_000, p.GetProperty("viewerVisits").GetInt64());
        Assert.Equal(12_345, p.GetProperty("peakViewers").GetInt32());
        Assert.Equal(98_000, p.GetProperty("likes").GetInt64());
        Assert.Equal(s.QuestionCount, p.GetProperty("questionsReceived").GetInt32());
        Assert.Equal(3, p.GetProperty("questionsApproved").GetInt32());
        Assert.Equal(1, p.GetProperty("questionsMerged").GetInt32());
        Assert.Equal(2, p.GetProperty("questionsRejected").GetInt32());
    }

    [Fact]
    public async Task SecondEvaluation_OpensALinkedVoteWithTheSameRules_AndTheReportComparesBoth()
    {
        using var app = new InquiryApp();
        var s = await FinishedSitting.ArrangeAsync(app);
        await using var viewer = await app.ConnectHub("/hubs/live");
        await viewer.Join(s.SessionId);
        var clerk = await app.SignedIn("clerk");
        var item = await (await clerk.PostAsJsonAsync($"/api/sessions/{s.SessionId}/rectifications", new
        {
            pollId = s.ReReportPoll, title = "物业收费公示", deadline = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(30)).ToString("yyyy-MM-dd"), owner = "价监处",
        })).Content.ReadFromJsonAsync<JsonElement>();
        var url = $"/api/sessions/{s.SessionId}/rectifications/{item.GetProperty("id").GetInt64()}/second-evaluation";

        var opened = await clerk.PostAsJsonAsync(url, new { firstPollId = s.ReReportPoll });

        Assert.Equal(HttpStatusCode.Created, opened.StatusCode);
        var poll = await opened.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("回头看：物业收费公示", poll.GetProperty("title").GetString());
        Assert.Equal("open", poll.GetProperty("state").GetString());
        var pushed = await viewer.WaitForEvent("poll.opened");
        Assert.Equal(poll.GetProperty("id").GetGuid(), pushed.Data.GetProperty("poll").GetProperty("id").GetGuid());
        // A second one while it is open is refused.
        Assert.Equal(HttpStatusCode.Conflict, (await clerk.PostAsJsonAsync(url, new { firstPollId = s.SatisfiedPoll })).StatusCode);

        // The vote runs elsewhere; here it closes with a better result and is published.
        var secondId = poll.GetProperty("id").GetGuid();
        await app.Db(async db =>
        {
            var second = await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.SingleAsync(
                Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.Include(db.Polls, p => p.Items), p => p.Id == secondId);
            Assert.Equal(s.ReReportPoll, second.FollowsPollId);
            Assert.Equal("rate", second.RuleSet);
            Assert.Equal((4, 5, false), (second.BarNumerator, second.BarDenominator, second.BarStrict));
            var item = Assert.Single(second.Items);
            (second.State, item.Satisfied, item.BasicallySatisfied, item.Dissatisfied, second.Voted, second.Present, second.Entitled) = (InquiryLive.Polls.PollState.Published, 20, 8, 4, 32, 32, 35);
            (item.Verdict, second.ClosedAt, second.PublishedAt) = ("passed", DateTimeOffset.UtcNow, DateTimeOffset.UtcNow);
            return await db.SaveChangesAsync();
        });

        var report = await clerk.GetFromJsonAsync<JsonElement>($"/api/sessions/{s.SessionId}/report");
        var comparison = Assert.Single(report.GetProperty("secondEvaluations").EnumerateArray().ToList());
        Assert.Equal(s.ReReportPoll, comparison.GetProperty("firstPollId").GetGuid());
        Assert.Equal(secondId, comparison.GetProperty("secondPollId").GetGuid());
        Assert.Equal(22, comparison.GetProperty("first").GetProperty("figures")[0].GetProperty("count").GetInt32());
        Assert.Equal(28, comparison.GetProperty("second").GetProperty("figures")[0].GetProperty("count").GetInt32());
        // 22 / 33 = 66.7 % then 28 / 32 = 87.5 %: up 20.8 points.
        Assert.Equal(20.8, comparison.GetProperty("positiveShareChange").GetDouble());
    }

    [Fact]
    public async Task SecondEvaluation_OfAnUnpublishedVote_Gets409_AndOpensNothing()
    {
        using var app = new InquiryApp();
        var s = await FinishedSitting.ArrangeAsync(app);
        var clerk = await app.SignedIn("clerk");
        var item = await (await clerk.PostAsJsonAsync($"/api/sessions/{s.SessionId}/rectifications", new
        {
            departmentId = s.DepartmentIds[3], title = "价格机制", deadline = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(30)).ToString("yyyy-MM-dd"), owner = "价格处",
        })).Content.ReadFromJsonAsync<JsonElement>();
        var response = await clerk.PostAsJsonAsync($"/api/sessions/{s.SessionId}/rectifications/{item.GetProperty("id").GetInt64()}/second-evaluation",
            new { firstPollId = s.UnpublishedPoll });
        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal(4, await app.Db(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.CountAsync(db.Polls)));
    }
}
