using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using InquiryLive.Tests.Infrastructure;
using static InquiryLive.Tests.Evaluation.IntegrityKit;

namespace InquiryLive.Tests.Evaluation;

/// <summary>签到: the clerk's marks and the members' ballots make 应到 / 实到 / 请假, which a vote freezes and a rule on 实到人数 counts against.</summary>
public sealed class AttendanceIntegrityTests
{
    [Fact]
    public async Task ClerksMarks_AndBallots_MakeTheFigures_AndARuleOnThePresentCountsAgainstThem()
    {
        using var app = new InquiryApp();
        var sessionId = await app.DemoSessionId();
        var admin = await app.SignedIn("admin");
        // 满意＋基本满意 百分之八十以上 of 实到人数, and 过半数 of 实到人数 must take part.
        Assert.Equal(HttpStatusCode.OK, (await admin.PatchAsJsonAsync($"/api/sessions/{sessionId}", new { barBase = "present", turnoutBase = "present" })).StatusCode);
        var (_, chair) = await Voting.LiveSession(app);
        var clerk = await app.SignedIn("clerk");
        await using var viewer = await app.ConnectHub("/hubs/live");
        await viewer.Join(sessionId);
        var ids = await MemberIds(app, sessionId);
        // Members 1–12 present, 13–15 on leave; member 20 is not marked at all.
        for (var i = 0; i < 15; i++)
        {
            var status = i < 12 ? "present" : "onLeave";
            var marked = await clerk.PutAsJsonAsync($"/api/sessions/{sessionId}/attendance/{ids[i]}", new { status });
            Assert.Equal(HttpStatusCode.OK, marked.StatusCode);
            Assert.Equal("clerk", (await Json(marked)).GetProperty("by").GetString());
        }
        await viewer.WaitForEvent("attendance.changed", d => d.GetProperty("onLeave").GetInt32() == 3);
        var snapshot = await app.Browser().GetFromJsonAsync<JsonElement>($"/api/sessions/{sessionId}/snapshot");
        Assert.Equal((35, 12, 3), Figures(snapshot.GetProperty("attendance")));

        var pollId = await Voting.Open(chair, sessionId);
        Assert.Equal("member.voteOpen", await Refused(await clerk.PostAsync($"/api/sessions/{sessionId}/attendance/reset", null), HttpStatusCode.Conflict));
        Assert.Equal((35, 12, 3), Figures((await clerk.GetFromJsonAsync<JsonElement>($"/api/sessions/{sessionId}/attendance")).GetProperty("figures")));
        // Eight of those present vote on their phones; the one on leave (13) and the unmarked one (20) vote too, with their accounts.
        for (var i = 0; i < 8; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await Voting.Vote(await PhoneOf(app, admin, sessionId, ids[i]), sessionId, pollId, "satisfied")).StatusCode);
        }
        Assert.Equal(HttpStatusCode.OK, (await Voting.Vote(await app.SignedIn("member13"), sessionId, pollId, "satisfied")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Voting.Vote(await app.SignedIn("member20"), sessionId, pollId, "satisfied")).StatusCode);
        await viewer.WaitForEvent("attendance.changed", d => d.GetProperty("present").GetInt32() == 14);
        // A clerk's slip (marking a member who voted as absent) does not unmake their 签到 for this vote.
        Assert.Equal(HttpStatusCode.OK, (await clerk.PutAsJsonAsync($"/api/sessions/{sessionId}/attendance/{ids[19]}", new { status = "absent" })).StatusCode);
        Assert.Equal((35, 13, 2), Figures((await clerk.GetFromJsonAsync<JsonElement>($"/api/sessions/{sessionId}/attendance")).GetProperty("figures")));

        var tally = await Voting.Close(chair, sessionId, pollId);

        // Voting is being there: 12 marked + the two who voted unmarked (or marked absent since) or on leave = 14 present, 2 on leave.
        Assert.Equal((35, 14, 2), Figures(tally.GetProperty("attendance")));
        var item = tally.GetProperty("items")[0];
        Assert.Equal("满意＋基本满意 10 / 实到人数 14", item.GetProperty("figures")[0].GetProperty("textZh").GetString());
        Assert.Equal((10, "present", 14), (item.GetProperty("turnout").GetProperty("count").GetInt32(), item.GetProperty("turnout").GetProperty("base").GetString(),
            item.GetProperty("turnout").GetProperty("baseCount").GetInt32()));
        // 10 of 14 is 71 %: under the bar, although all ten voted 满意.
        Assert.Equal("reReportRequired", tally.GetProperty("verdict").GetString());

        // After the vote the clerk may start 签到 afresh.
        var reset = await clerk.PostAsync($"/api/sessions/{sessionId}/attendance/reset", null);
        Assert.Equal(HttpStatusCode.OK, reset.StatusCode);
        Assert.Equal((35, 0, 0), Figures(await Json(reset)));
        Assert.Equal((35, 14, 2), Figures((await Tally(chair, sessionId, pollId)).GetProperty("attendance")));
    }

    [Fact]
    public async Task ARuleOnTheRoster_IgnoresWhoIsPresent_ButTheVoteStillRecordsTheFigures()
    {
        using var app = new InquiryApp();
        var sessionId = await app.DemoSessionId();
        var admin = await app.SignedIn("admin");
        Assert.Equal(HttpStatusCode.OK, (await admin.PatchAsJsonAsync($"/api/sessions/{sessionId}", new { ruleSet = "majority", bar = "moreThanHalf", barBase = "roster" })).StatusCode);
        var (_, chair) = await Voting.LiveSession(app);
        await Voting.MarkPresent(app, sessionId, 30);
        var phones = await Voting.MembersByLink(app, sessionId, 20);
        var pollId = await Voting.Open(chair, sessionId);
        // 17 满意 of all 35 members is not more than half; 17 + 3 基本满意 = 20 is.
        for (var i = 0; i < 20; i++) Assert.Equal(HttpStatusCode.OK, (await Voting.Vote(phones[i], sessionId, pollId, i < 17 ? "satisfied" : "basicallySatisfied")).StatusCode);

        var tally = await Voting.Close(chair, sessionId, pollId);

        Assert.Equal((35, 30, 0), Figures(tally.GetProperty("attendance")));
        Assert.Equal("basicallySatisfied", tally.GetProperty("verdict").GetString());
        var figures = tally.GetProperty("items")[0].GetProperty("figures");
        Assert.Equal("满意 17 / 全体组成人员 35", figures[0].GetProperty("textZh").GetString());
        Assert.Equal("满意＋基本满意 20 / 全体组成人员 35", figures[1].GetProperty("textZh").GetString());
    }

    private static (int, int, int) Figures(JsonElement f) =>
        (f.GetProperty("expected").GetInt32(), f.GetProperty("present").GetInt32(), f.GetProperty("onLeave").GetInt32());
}
