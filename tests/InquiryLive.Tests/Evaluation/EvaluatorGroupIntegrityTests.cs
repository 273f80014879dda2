using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using InquiryLive.Tests.Infrastructure;
using static InquiryLive.Tests.Evaluation.IntegrityKit;

namespace InquiryLive.Tests.Evaluation;

/// <summary>Evaluators of a group (列席代表) score apart: their tally is shown with the group, never in the official counts, turnout or verdict.</summary>
public sealed class EvaluatorGroupIntegrityTests
{
    [Fact]
    public async Task AGroupOfThreeWithLinks_IsTalliedApart_AndNeverCountsTowardsTheOfficialCountsTurnoutOrVerdict()
    {
        using var app = new InquiryApp();
        var (sessionId, chair) = await Voting.LiveSession(app);
        var admin = await app.SignedIn("admin");
        var group = await Json(await admin.PostAsJsonAsync($"/api/sessions/{sessionId}/evaluator-groups", new { name = "列席代表" }));
        var groupId = group.GetProperty("id").GetInt32();
        var evaluatorIds = new List<int>();
        foreach (var name in new[] { "列席代表甲", "列席代表乙", "列席代表丙" })
        {
            var added = await admin.PostAsJsonAsync($"/api/sessions/{sessionId}/members", new { displayName = name, groupId });
            Assert.Equal(HttpStatusCode.Created, added.StatusCode);
            evaluatorIds.Add((await Json(added)).GetProperty("id").GetInt32());
        }
        // The official members first (IssueAll reissues everyone's link), then the evaluators' own links.
        var members = await Voting.MembersByLink(app, sessionId, 17);
        var evaluators = new List<HttpClient>();
        foreach (var id in evaluatorIds) evaluators.Add(await PhoneOf(app, admin, sessionId, id));
        var d = await DepartmentIds(app, sessionId);
        var (pollId, items) = await OpenSheet(chair, sessionId, [new { departmentId = d[0] }, new { departmentId = d[1] }]);

        var mine = await evaluators[0].GetFromJsonAsync<JsonElement>($"/api/sessions/{sessionId}/polls/current");
        Assert.Equal("列席代表", mine.GetProperty("groupName").GetString());
        Assert.Equal(35, mine.GetProperty("poll").GetProperty("turnout").GetProperty("entitled").GetInt32());
        foreach (var m in members) Assert.Equal(HttpStatusCode.OK, (await SubmitSheet(m, sessionId, pollId, items, ["satisfied", "satisfied"])).StatusCode);
        string?[][] evaluatorSheets = [["dissatisfied", "dissatisfied"], ["dissatisfied", null], ["basicallySatisfied", "dissatisfied"]];
        for (var i = 0; i < 3; i++) Assert.Equal(HttpStatusCode.OK, (await SubmitSheet(evaluators[i], sessionId, pollId, items, evaluatorSheets[i])).StatusCode);
        var turnout = await members[0].GetFromJsonAsync<JsonElement>($"/api/sessions/{sessionId}/polls/current");
        Assert.Equal(17, turnout.GetProperty("poll").GetProperty("turnout").GetProperty("voted").GetInt32());

        var closed = await Voting.Close(chair, sessionId, pollId);
        var tally = await Tally(chair, sessionId, pollId);

        // 17 of 35 committee members is not more than half: invalid, though 20 people voted.
        Assert.Equal(17, tally.GetProperty("voted").GetInt32());
        Assert.Equal(35, tally.GetProperty("attendance").GetProperty("expected").GetInt32());
        Assert.Equal(17, tally.GetProperty("attendance").GetProperty("present").GetInt32());
        var first = tally.GetProperty("items")[0];
        Assert.Equal((17, 0, 0, 0), (first.GetProperty("satisfied").GetInt32(), first.GetProperty("basicallySatisfied").GetInt32(),
            first.GetProperty("dissatisfied").GetInt32(), first.GetProperty("blank").GetInt32()));
        Assert.Equal("invalid", first.GetProperty("verdict").GetString());
        Assert.Equal("turnout", first.GetProperty("invalidReason").GetString());
        Assert.Equal(17, first.GetProperty("turnout").GetProperty("count").GetInt32());
        var firstGroup = Assert.Single(first.GetProperty("groups").EnumerateArray().ToList());
        Assert.Equal((groupId, "列席代表", 3, 3), (firstGroup.GetProperty("groupId").GetInt32(), firstGroup.GetProperty("groupName").GetString(),
            firstGroup.GetProperty("members").GetInt32(), firstGroup.GetProperty("voted").GetInt32()));
        Assert.Equal((0, 1, 2, 0), GroupCounts(firstGroup));
        var secondGroup = Assert.Single(tally.GetProperty("items")[1].GetProperty("groups").EnumerateArray().ToList());
        Assert.Equal((0, 0, 2, 1), GroupCounts(secondGroup));
        var attendance = await admin.GetFromJsonAsync<JsonElement>($"/api/sessions/{sessionId}/attendance");
        Assert.Equal(35, attendance.GetProperty("members").GetArrayLength());
        Assert.Equal(17, attendance.GetProperty("figures").GetProperty("present").GetInt32());
        // The chair's close answers with the same frozen result, group tallies included.
        Assert.Equal(tally.GetRawText(), closed.GetRawText());
    }

    [Fact]
    public async Task EvaluatorBallots_DoNotTurnAValidOfficialResultAround()
    {
        using var app = new InquiryApp();
        var (sessionId, chair) = await Voting.LiveSession(app);
        var admin = await app.SignedIn("admin");
        var groupId = (await Json(await admin.PostAsJsonAsync($"/api/sessions/{sessionId}/evaluator-groups", new { name = "市民代表" }))).GetProperty("id").GetInt32();
        var evaluatorIds = new List<int>();
        for (var i = 0; i < 3; i++)
        {
            evaluatorIds.Add((await Json(await admin.PostAsJsonAsync($"/api/sessions/{sessionId}/members", new { displayName = $"市民代表{i + 1}", groupId }))).GetProperty("id").GetInt32());
        }
        var members = await Voting.MembersByLink(app, sessionId, 18);
        var pollId = await Voting.Open(chair, sessionId, new { departmentId = (await DepartmentIds(app, sessionId))[2] });
        // 15 of 18 positive is 83 %: passed. Three more 不满意 would make it 15 of 21, 71 %, were they counted.
        for (var i = 0; i < 18; i++) Assert.Equal(HttpStatusCode.OK, (await Voting.Vote(members[i], sessionId, pollId, i < 15 ? "satisfied" : "dissatisfied")).StatusCode);
        foreach (var id in evaluatorIds)
        {
            Assert.Equal(HttpStatusCode.OK, (await Voting.Vote(await PhoneOf(app, admin, sessionId, id), sessionId, pollId, "dissatisfied")).StatusCode);
        }

        var closed = await Voting.Close(chair, sessionId, pollId);
        var tally = await Tally(chair, sessionId, pollId);

        Assert.Equal("passed", tally.GetProperty("verdict").GetString());
        Assert.Equal((15, 3, 18), (tally.GetProperty("satisfied").GetInt32(), tally.GetProperty("dissatisfied").GetInt32(), tally.GetProperty("voted").GetInt32()));
        Assert.Equal("满意＋基本满意 15 / 有效票 18", tally.GetProperty("items")[0].GetProperty("figures")[0].GetProperty("textZh").GetString());
        var group = Assert.Single(tally.GetProperty("items")[0].GetProperty("groups").EnumerateArray().ToList());
        Assert.Equal((0, 0, 3, 0), GroupCounts(group));
        Assert.Equal(0, tally.GetProperty("publicRating").GetProperty("total").GetInt32());
        Assert.Equal(tally.GetRawText(), closed.GetRawText());
    }

    private static (int, int, int, int) GroupCounts(JsonElement g) => (g.GetProperty("satisfied").GetInt32(), g.GetProperty("basicallySatisfied").GetInt32(),
        g.GetProperty("dissatisfied").GetInt32(), g.GetProperty("blank").GetInt32());
}
