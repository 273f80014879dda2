using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using InquiryLive.Tests.Chair;
using InquiryLive.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static InquiryLive.Tests.Evaluation.IntegrityKit;

namespace InquiryLive.Tests.Evaluation;

/// <summary>A subject rated twice: the second vote needs a reason, and the earlier result is marked superseded, never deleted.</summary>
public sealed class SupersededVoteIntegrityTests
{
    private const string Reason = "表决器故障，部分委员未能投票";

    /// <summary>Calls the first agenda item onto the floor and returns the floor item's id.</summary>
    private static async Task<long> CallFirstQuestion(InquiryApp app, HttpClient chair, Guid sessionId)
    {
        var response = await chair.PostAsJsonAsync($"/api/sessions/{sessionId}/floor/call", new { agendaItemId = (await app.AgendaIds(sessionId))[0] });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await Json(response)).GetProperty("id").GetInt64();
    }

    [Fact]
    public async Task SecondVote_OnTheSameFloorQuestion_WithoutAReason_Is409AlreadyEvaluated_AndOpensNothing()
    {
        using var app = new InquiryApp();
        var (sessionId, chair) = await Voting.LiveSession(app);
        var floorItemId = await CallFirstQuestion(app, chair, sessionId);
        var first = await Voting.Open(chair, sessionId);
        await Voting.Close(chair, sessionId, first);

        // Naming the question or leaving it to the current one: the same subject either way.
        foreach (var body in new object[] { new { title = "再测一次" }, new { floorItemId }, new { floorItemId, supersedeReason = "   " } })
        {
            var refused = await chair.PostAsJsonAsync($"/api/sessions/{sessionId}/polls", body);
            Assert.Equal("poll.alreadyEvaluated", await Refused(refused, HttpStatusCode.Conflict));
            Assert.Contains("请说明重新测评的理由", await Detail(refused));
        }

        Assert.Equal(1, await app.Db(db => db.Polls.CountAsync()));
        Assert.Equal(["opened", "closed"], await AuditActions(app, first));
        Assert.Equal(JsonValueKind.Null, (await Tally(chair, sessionId, first)).GetProperty("items")[0].GetProperty("superseded").ValueKind);
    }

    [Fact]
    public async Task SecondVote_WithAReason_SupersedesTheEarlierResult_BothStayOnRecord_AndOnlyTheNewOneCountsForReReport()
    {
        using var app = new InquiryApp();
        var (sessionId, chair) = await Voting.LiveSession(app);
        var admin = await app.SignedIn("admin");
        var floorItemId = await CallFirstQuestion(app, chair, sessionId);
        var phones = await Voting.MembersByLink(app, sessionId, 18);
        var first = await Voting.Open(chair, sessionId);
        foreach (var phone in phones) Assert.Equal(HttpStatusCode.OK, (await Voting.Vote(phone, sessionId, first, "dissatisfied")).StatusCode);
        await Voting.Close(chair, sessionId, first);
        Assert.Equal(HttpStatusCode.OK, (await Voting.Publish(chair, sessionId, first)).StatusCode);
        var reReportBefore = (await chair.GetFromJsonAsync<JsonElement>($"/api/sessions/{sessionId}/report")).GetProperty("reReportRequired");
        Assert.Equal(first, Assert.Single(reReportBefore.EnumerateArray().ToList()).GetProperty("pollId").GetGuid());

        var second = await Voting.Open(chair, sessionId, new { floorItemId, supersedeReason = Reason });
        foreach (var phone in phones) Assert.Equal(HttpStatusCode.OK, (await Voting.Vote(phone, sessionId, second, "satisfied")).StatusCode);
        await Voting.Close(chair, sessionId, second);
        Assert.Equal(HttpStatusCode.OK, (await Voting.Publish(chair, sessionId, second)).StatusCode);

        var earlier = (await Tally(chair, sessionId, first)).GetProperty("items")[0];
        Assert.Equal("reReportRequired", earlier.GetProperty("verdict").GetString());
        var superseded = earlier.GetProperty("superseded");
        Assert.Equal(second, superseded.GetProperty("byPollId").GetGuid());
        Assert.Equal(Reason, superseded.GetProperty("reason").GetString());
        Assert.Equal("chair", superseded.GetProperty("by").GetString());
        Assert.Equal(JsonValueKind.Null, (await Tally(chair, sessionId, second)).GetProperty("items")[0].GetProperty("superseded").ValueKind);

        var report = await chair.GetFromJsonAsync<JsonElement>($"/api/sessions/{sessionId}/report");
        Assert.Equal([first, second], report.GetProperty("votes").EnumerateArray().Select(v => v.GetProperty("pollId").GetGuid()).ToArray());
        var inReport = report.GetProperty("votes")[0].GetProperty("result").GetProperty("items")[0];
        Assert.Equal(Reason, inReport.GetProperty("superseded").GetProperty("reason").GetString());
        Assert.Equal(18, inReport.GetProperty("dissatisfied").GetInt32());
        Assert.Empty(report.GetProperty("reReportRequired").EnumerateArray());
        var audit = report.GetProperty("voteAudit").EnumerateArray().ToList();
        var row = Assert.Single(audit, a => a.GetProperty("action").GetString() == "superseded");
        Assert.Equal(first, row.GetProperty("pollId").GetGuid());
        Assert.Equal(Reason, row.GetProperty("reason").GetString());
        Assert.Equal(second, row.GetProperty("detail").GetProperty("supersededBy").GetGuid());
        Assert.Equal(["opened", "closed", "published", "superseded"], await AuditActions(app, first));
        Assert.Equal(["opened", "closed", "published"], await AuditActions(app, second));

        var csv = await admin.GetStringAsync($"/api/sessions/{sessionId}/exports/votes.csv");
        var firstRow = csv.Split('\n').Single(l => l.StartsWith(first.ToString(), StringComparison.Ordinal));
        Assert.Contains("已被重新测评取代", firstRow);
        Assert.Contains(Reason, firstRow);
        var publicResults = await app.Browser().GetFromJsonAsync<JsonElement>($"/api/sessions/{sessionId}/public-results");
        var publicFirst = publicResults.GetProperty("results").EnumerateArray().Single(r => r.GetProperty("pollId").GetGuid() == first);
        Assert.Equal(Reason, publicFirst.GetProperty("items")[0].GetProperty("superseded").GetProperty("reason").GetString());
    }

    [Fact]
    public async Task AVoteNamingTheAgendaItem_OfAFloorQuestionAlreadyRated_Is409AlreadyEvaluated()
    {
        using var app = new InquiryApp();
        var (sessionId, chair) = await Voting.LiveSession(app);
        await CallFirstQuestion(app, chair, sessionId);
        var first = await Voting.Open(chair, sessionId);
        await Voting.Close(chair, sessionId, first);

        var again = await chair.PostAsJsonAsync($"/api/sessions/{sessionId}/polls", new { agendaItemId = (await app.AgendaIds(sessionId))[0] });

        Assert.Equal("poll.alreadyEvaluated", await Refused(again, HttpStatusCode.Conflict));
        Assert.Equal(1, await app.Db(db => db.Polls.CountAsync()));
    }

    [Fact]
    public async Task AVoteOnTheFloorQuestion_WhoseAgendaItemWasRatedBefore_Is409AlreadyEvaluated()
    {
        using var app = new InquiryApp();
        var (sessionId, chair) = await Voting.LiveSession(app);
        var first = await Voting.Open(chair, sessionId, new { agendaItemId = (await app.AgendaIds(sessionId))[0] });
        await Voting.Close(chair, sessionId, first);
        await CallFirstQuestion(app, chair, sessionId);

        var again = await chair.PostAsJsonAsync($"/api/sessions/{sessionId}/polls", new { title = "对刘志强委员所提问题的再次测评" });

        Assert.Equal("poll.alreadyEvaluated", await Refused(again, HttpStatusCode.Conflict));
        Assert.Equal(1, await app.Db(db => db.Polls.CountAsync()));
    }

    [Fact]
    public async Task ADepartmentOnTwoSheets_NeedsAReason_AndOnlyItsItemOnTheEarlierSheetIsSuperseded()
    {
        using var app = new InquiryApp();
        var (sessionId, chair) = await Voting.LiveSession(app);
        var d = await DepartmentIds(app, sessionId);
        var (firstSheet, firstItems) = await OpenSheet(chair, sessionId, [new { departmentId = d[0] }, new { departmentId = d[1] }]);
        await Voting.Close(chair, sessionId, firstSheet);
        object[] secondItems = [new { departmentId = d[1] }, new { departmentId = d[2] }];

        var refused = await chair.PostAsJsonAsync($"/api/sessions/{sessionId}/polls", new { items = secondItems });
        Assert.Equal("poll.alreadyEvaluated", await Refused(refused, HttpStatusCode.Conflict));
        Assert.Contains("市市场监督管理局", await Detail(refused));
        Assert.Equal(1, await app.Db(db => db.Polls.CountAsync()));

        var (secondSheet, _) = await OpenSheet(chair, sessionId, secondItems, supersedeReason: Reason);

        var earlier = (await Tally(chair, sessionId, firstSheet)).GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(firstItems, earlier.Select(i => i.GetProperty("itemId").GetInt64()).ToArray());
        Assert.Equal(JsonValueKind.Null, earlier[0].GetProperty("superseded").ValueKind);
        Assert.Equal(secondSheet, earlier[1].GetProperty("superseded").GetProperty("byPollId").GetGuid());
        Assert.Equal(Reason, earlier[1].GetProperty("superseded").GetProperty("reason").GetString());
        var row = await app.Db(db => db.VoteAudit.SingleAsync(a => a.Action == "superseded"));
        Assert.Equal(firstSheet, row.PollId);
        var detailItems = JsonDocument.Parse(row.Detail!).RootElement.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetInt64()).ToArray();
        Assert.Equal([firstItems[1]], detailItems);
        Assert.Equal(2, await app.Db(db => db.Polls.CountAsync()));
    }
}
