using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using InquiryLive.Tests.Infrastructure;
using static InquiryLive.Tests.Evaluation.IntegrityKit;

namespace InquiryLive.Tests.Evaluation;

/// <summary>A personal link signs in only while the sitting runs (or a 回头看 vote is open), and signing in is the member's 签到.</summary>
public sealed class SittingWindowIntegrityTests
{
    [Fact]
    public async Task Link_BeforeTheSittingGoesLive_Is403SittingNotStarted_AndSignsNobodyIn()
    {
        using var app = new InquiryApp();
        var sessionId = await app.DemoSessionId();
        var admin = await app.SignedIn("admin");
        var token = await IssueLink(admin, sessionId, (await MemberIds(app, sessionId))[0]);
        var phone = app.Browser();

        var refused = await SignInWith(phone, token);

        Assert.Equal("member.sittingNotStarted", await Refused(refused, HttpStatusCode.Forbidden));
        Assert.Contains("会议尚未开始", await Detail(refused));
        Assert.Equal(HttpStatusCode.Unauthorized, (await phone.GetAsync($"/api/sessions/{sessionId}/polls/current")).StatusCode);
        var attendance = await admin.GetFromJsonAsync<JsonElement>($"/api/sessions/{sessionId}/attendance");
        Assert.Equal(0, attendance.GetProperty("figures").GetProperty("present").GetInt32());
        // The same link works once the sitting is live.
        await Voting.LiveSession(app);
        Assert.Equal(HttpStatusCode.OK, (await SignInWith(phone, token)).StatusCode);
    }

    [Fact]
    public async Task Link_AfterTheSittingEnded_Is403SittingOver_ButWorksWhileASecondEvaluationIsOpen()
    {
        using var app = new InquiryApp();
        var (sessionId, chair) = await Voting.LiveSession(app);
        var admin = await app.SignedIn("admin");
        var clerk = await app.SignedIn("clerk");
        var first = await Voting.Open(chair, sessionId, new { departmentId = (await DepartmentIds(app, sessionId))[0] });
        foreach (var phone in await Voting.MembersByLink(app, sessionId, 18))
        {
            Assert.Equal(HttpStatusCode.OK, (await Voting.Vote(phone, sessionId, first, "dissatisfied")).StatusCode);
        }
        await Voting.Close(chair, sessionId, first);
        Assert.Equal(HttpStatusCode.OK, (await Voting.Publish(chair, sessionId, first)).StatusCode);
        var item = await Json(await clerk.PostAsJsonAsync($"/api/sessions/{sessionId}/rectifications", new
        {
            pollId = first, title = "物业服务整改", deadline = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(30)).ToString("yyyy-MM-dd"), owner = "物业科",
        }));
        Assert.Equal(HttpStatusCode.OK, (await chair.PostAsJsonAsync($"/api/sessions/{sessionId}/transitions", new { to = "ended" })).StatusCode);
        var memberId = (await MemberIds(app, sessionId))[30];
        var token = await IssueLink(admin, sessionId, memberId);

        var over = await SignInWith(app.Browser(), token);
        Assert.Equal("member.sittingOver", await Refused(over, HttpStatusCode.Forbidden));
        Assert.Contains("会议已经结束", await Detail(over));

        var opened = await clerk.PostAsJsonAsync($"/api/sessions/{sessionId}/rectifications/{item.GetProperty("id").GetInt64()}/second-evaluation", new { firstPollId = first });
        Assert.Equal(HttpStatusCode.Created, opened.StatusCode);
        var second = (await Json(opened)).GetProperty("id").GetGuid();
        var phoneDuringSecond = app.Browser();
        Assert.Equal(HttpStatusCode.OK, (await SignInWith(phoneDuringSecond, token)).StatusCode);
        var current = await phoneDuringSecond.GetFromJsonAsync<JsonElement>($"/api/sessions/{sessionId}/polls/current");
        Assert.Equal(second, current.GetProperty("poll").GetProperty("id").GetGuid());
        Assert.Equal(HttpStatusCode.OK, (await Voting.Vote(phoneDuringSecond, sessionId, second, "satisfied")).StatusCode);

        await Voting.Close(chair, sessionId, second);
        Assert.Equal("member.sittingOver", await Refused(await SignInWith(app.Browser(), token), HttpStatusCode.Forbidden));
    }

    [Fact]
    public async Task SigningInForTheSittingFromThePhone_IsRefusedBeforeAndAfterTheSitting_AndMarksPresentDuringIt()
    {
        using var app = new InquiryApp();
        var sessionId = await app.DemoSessionId();
        var member = await app.SignedIn("member07");
        var url = $"/api/sessions/{sessionId}/attendance/me";

        Assert.Equal("member.sittingNotStarted", await Refused(await member.PostAsync(url, null), HttpStatusCode.Forbidden));
        var (_, chair) = await Voting.LiveSession(app);
        var during = await member.PostAsync(url, null);
        Assert.Equal(HttpStatusCode.OK, during.StatusCode);
        Assert.Equal("present", (await Json(during)).GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.OK, (await chair.PostAsJsonAsync($"/api/sessions/{sessionId}/transitions", new { to = "ended" })).StatusCode);
        Assert.Equal("member.sittingOver", await Refused(await member.PostAsync(url, null), HttpStatusCode.Forbidden));
        var snapshot = await app.Browser().GetFromJsonAsync<JsonElement>($"/api/sessions/{sessionId}/snapshot");
        Assert.Equal(1, snapshot.GetProperty("attendance").GetProperty("present").GetInt32());
    }

    [Fact]
    public async Task LinkSignIn_MarksTheMemberPresent_InTheFiguresAndThePublicEvent()
    {
        using var app = new InquiryApp();
        var (sessionId, _) = await Voting.LiveSession(app);
        var admin = await app.SignedIn("admin");
        var clerk = await app.SignedIn("clerk");
        await using var viewer = await app.ConnectHub("/hubs/live");
        await viewer.Join(sessionId);
        await using var staff = await app.ConnectHub("/hubs/console", clerk);
        await staff.Join(sessionId);
        var memberId = (await MemberIds(app, sessionId))[5];

        await PhoneOf(app, admin, sessionId, memberId);

        var changed = await viewer.WaitForEvent("attendance.changed");
        Assert.Equal("public", changed.Stream);
        Assert.Equal((35, 1, 0), (changed.Data.GetProperty("expected").GetInt32(), changed.Data.GetProperty("present").GetInt32(),
            changed.Data.GetProperty("onLeave").GetInt32()));
        var who = await staff.WaitForEvent("attendance.memberChanged", d => d.GetProperty("memberId").GetInt32() == memberId);
        Assert.Equal("present", who.Data.GetProperty("status").GetString());
        Assert.Equal(JsonValueKind.Null, who.Data.GetProperty("by").ValueKind);
        var attendance = await clerk.GetFromJsonAsync<JsonElement>($"/api/sessions/{sessionId}/attendance");
        Assert.Equal(1, attendance.GetProperty("figures").GetProperty("present").GetInt32());
        var entry = attendance.GetProperty("members").EnumerateArray().Single(m => m.GetProperty("memberId").GetInt32() == memberId);
        Assert.Equal("present", entry.GetProperty("status").GetString());
        var snapshot = await app.Browser().GetFromJsonAsync<JsonElement>($"/api/sessions/{sessionId}/snapshot");
        Assert.Equal(1, snapshot.GetProperty("attendance").GetProperty("present").GetInt32());
        Assert.Equal(35, snapshot.GetProperty("attendance").GetProperty("expected").GetInt32());
    }
}
