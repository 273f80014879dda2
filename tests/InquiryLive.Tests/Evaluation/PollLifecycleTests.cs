using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using InquiryLive.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace InquiryLive.Tests.Evaluation;

public sealed class PollLifecycleTests
{
    [Fact]
    public async Task Open_PushesTheVoteToViewers_WithATitleFromTheDepartment_AndNoCounts()
    {
        using var app = new InquiryApp();
        var (sessionId, chair) = await Voting.LiveSession(app);
        await using var viewer = await app.ConnectHub("/hubs/live");
        await viewer.Join(sessionId);
        var departmentId = await app.Db(db => Task.FromResult(db.Departments.OrderBy(d => d.Order).First().Id));

        var pollId = await Voting.Open(chair, sessionId, new { departmentId, seconds = 60 });

        var opened = await viewer.WaitForEvent("poll.opened");
        var poll = opened.Data.GetProperty("poll");
        Assert.Equal(pollId, poll.GetProperty("id").GetGuid());
        Assert.Contains(poll.GetProperty("departmentName").GetString()!, poll.GetProperty("title").GetString());
        Assert.Equal("open", poll.GetProperty("state").GetString());
        Assert.NotEqual(JsonValueKind.Null, poll.GetProperty("closesAt").ValueKind);
        var turnout = await viewer.WaitForEvent("poll.turnout");
        Assert.Equal(0, turnout.Data.GetProperty("voted").GetInt32());
        Assert.Equal(35, turnout.Data.GetProperty("entitled").GetInt32());
        Assert.False(poll.TryGetProperty("satisfied", out _));
    }

    [Fact]
    public async Task Open_WhileAnotherVoteIsOpen_IsRefusedWith409()
    {
        using var app = new InquiryApp();
        var (sessionId, chair) = await Voting.LiveSession(app);
        await Voting.Open(chair, sessionId);
        var second = await chair.PostAsJsonAsync($"/api/sessions/{sessionId}/polls", new { title = "另一项" });
        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
        Assert.Equal("poll.alreadyOpen", (await second.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString());
    }

    [Fact]
    public async Task Open_BeforeTheSessionIsLive_IsRefused_AndBadSecondsAre400()
    {
        using var app = new InquiryApp();
        var sessionId = await app.DemoSessionId();
        var chair = await app.SignedIn("chair");
        var notLive = await chair.PostAsJsonAsync($"/api/sessions/{sessionId}/polls", new { title = "测评" });
        Assert.Equal(HttpStatusCode.Conflict, notLive.StatusCode);
        var badSeconds = await chair.PostAsJsonAsync($"/api/sessions/{sessionId}/polls", new { seconds = 2 });
        Assert.Equal(HttpStatusCode.BadRequest, badSeconds.StatusCode);
    }

    [Fact]
    public async Task CloseThenPublish_FreezesTheTally_AndPublishesTheResultWithTheRuleUsed()
    {
        using var app = new InquiryApp();
        var (sessionId, chair) = await Voting.LiveSession(app);
        await using var viewer = await app.ConnectHub("/hubs/live");
        await viewer.Join(sessionId);
        var pollId = await Voting.Open(chair, sessionId);
        var choices = new[] { "satisfied", "satisfied", "basicallySatisfied", "dissatisfied" };
        for (var i = 0; i < choices.Length; i++)
        {
            (await Voting.Vote(await app.SignedIn($"member{i + 1:00}"), sessionId, pollId, choices[i])).EnsureSuccessStatusCode();
        }

        var tally = await Voting.Close(chair, sessionId, pollId);
        var closed = await viewer.WaitForEvent("poll.closed");
        Assert.False(closed.Data.GetProperty("poll").TryGetProperty("satisfied", out _));
        Assert.Equal(4, tally.GetProperty("voted").GetInt32());
        // Turnout 4 of 35 is not more than half of all members: invalid, whatever the choices.
        Assert.Equal("invalid", tally.GetProperty("verdict").GetString());
        Assert.True(tally.GetProperty("anyInvalid").GetBoolean());
        Assert.Equal("参加测评 4 人，未达到参加测评人数下限：须全体组成人员 35 人的过半数（至少 18 人）。",
            tally.GetProperty("items")[0].GetProperty("invalidTextZh").GetString());

        // An invalid result is not published without the chair confirming, having been told why.
        var unconfirmed = await chair.PostAsync($"/api/sessions/{sessionId}/polls/{pollId}/publish", null);
        Assert.Equal(HttpStatusCode.Conflict, unconfirmed.StatusCode);
        var problem = await unconfirmed.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("poll.invalidNeedsConfirmation", problem.GetProperty("code").GetString());
        Assert.Contains("至少 18 人", problem.GetProperty("detail").GetString());
        Assert.Equal("closed", (await chair.GetFromJsonAsync<JsonElement>($"/api/sessions/{sessionId}/polls/{pollId}/tally")).GetProperty("state").GetString());

        var publish = await chair.PostAsJsonAsync($"/api/sessions/{sessionId}/polls/{pollId}/publish", new { confirmInvalid = true });
        Assert.Equal(HttpStatusCode.OK, publish.StatusCode);
        var published = await viewer.WaitForEvent("poll.published");
        var result = published.Data.GetProperty("result");
        Assert.Equal(2, result.GetProperty("satisfied").GetInt32());
        Assert.Equal(1, result.GetProperty("basicallySatisfied").GetInt32());
        Assert.Equal(1, result.GetProperty("dissatisfied").GetInt32());
        Assert.Equal(35, result.GetProperty("attendance").GetProperty("expected").GetInt32());
        Assert.Equal(4, result.GetProperty("attendance").GetProperty("present").GetInt32());
        Assert.Equal("invalid", result.GetProperty("verdict").GetString());
        var figure = result.GetProperty("items")[0].GetProperty("figures")[0];
        Assert.Equal("满意＋基本满意 3 / 有效票 4", figure.GetProperty("textZh").GetString());
        Assert.Equal("rate", result.GetProperty("rule").GetProperty("ruleSet").GetString());
        Assert.Equal("eightyPercentOrMore", result.GetProperty("rule").GetProperty("bar").GetProperty("preset").GetString());
        Assert.Equal(0, result.GetProperty("publicRating").GetProperty("total").GetInt32());
        var audit = await app.Db(db => db.VoteAudit.Where(a => a.PollId == pollId).Select(a => a.Action).ToListAsync());
        Assert.Equal(["opened", "closed", "publishedInvalid"], audit);

        var snapshot = await app.Browser().GetFromJsonAsync<JsonElement>($"/api/sessions/{sessionId}/snapshot");
        Assert.Equal(JsonValueKind.Null, snapshot.GetProperty("poll").ValueKind);
        Assert.Equal(pollId, snapshot.GetProperty("results")[0].GetProperty("pollId").GetGuid());
    }

    [Fact]
    public async Task OutOfOrderTransitions_AreRefusedWith409()
    {
        using var app = new InquiryApp();
        var (sessionId, chair) = await Voting.LiveSession(app);
        var pollId = await Voting.Open(chair, sessionId);

        var publishOpen = await chair.PostAsync($"/api/sessions/{sessionId}/polls/{pollId}/publish", null);
        Assert.Equal(HttpStatusCode.Conflict, publishOpen.StatusCode);
        var tallyOpen = await chair.GetAsync($"/api/sessions/{sessionId}/polls/{pollId}/tally");
        Assert.Equal(HttpStatusCode.Conflict, tallyOpen.StatusCode);

        await Voting.Close(chair, sessionId, pollId);
        (await Voting.Publish(chair, sessionId, pollId)).EnsureSuccessStatusCode();
        Assert.Equal(HttpStatusCode.Conflict, (await Voting.Publish(chair, sessionId, pollId)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await chair.PostAsync($"/api/sessions/{sessionId}/polls/{Guid.NewGuid()}/close", null)).StatusCode);
    }

    [Fact]
    public async Task Snapshot_ShowsTheOpenVoteWithTurnout_ButNoCounts()
    {
        using var app = new InquiryApp();
        var (sessionId, chair) = await Voting.LiveSession(app);
        var pollId = await Voting.Open(chair, sessionId);
        (await Voting.Vote(await app.SignedIn("member09"), sessionId, pollId, "dissatisfied")).EnsureSuccessStatusCode();

        var snapshot = await app.Browser().GetFromJsonAsync<JsonElement>($"/api/sessions/{sessionId}/snapshot");
        var poll = snapshot.GetProperty("poll");
        Assert.Equal(pollId, poll.GetProperty("id").GetGuid());
        Assert.Equal(1, poll.GetProperty("turnout").GetProperty("voted").GetInt32());
        Assert.DoesNotContain("dissatisfied", poll.GetRawText(), StringComparison.OrdinalIgnoreCase);
        Assert.Empty(snapshot.GetProperty("results").EnumerateArray());
    }

    [Fact]
    public async Task TheClock_ClosesTheVoteWhenItRunsOut_ThroughTheSameClose()
    {
        var clock = new FakeClock();
        using var app = new InquiryApp(services: s => s.AddSingleton<TimeProvider>(clock));
        var (sessionId, chair) = await Voting.LiveSession(app);
        await using var viewer = await app.ConnectHub("/hubs/live");
        await viewer.Join(sessionId);
        var pollId = await Voting.Open(chair, sessionId, new { seconds = 30 });
        (await Voting.Vote(await app.SignedIn("member10"), sessionId, pollId, "satisfied")).EnsureSuccessStatusCode();
        var late = await app.SignedIn("member11");

        clock.Advance(TimeSpan.FromSeconds(31));
        // Past the clock, a ballot is refused even before the clock service gets to close the vote.
        Assert.Equal(HttpStatusCode.Conflict, (await Voting.Vote(late, sessionId, pollId, "satisfied")).StatusCode);

        var closed = await viewer.WaitForEvent("poll.closed");
        Assert.Equal(pollId, closed.Data.GetProperty("poll").GetProperty("id").GetGuid());
        var tally = await Voting.Close(chair, sessionId, pollId);
        Assert.Equal(1, tally.GetProperty("voted").GetInt32());
        Assert.Equal("closed", tally.GetProperty("state").GetString());
    }

    [Fact]
    public async Task Turnout_IsPushedAsBallotsArrive_AndEndsAtTheFinalCountOfTheRoster()
    {
        using var app = new InquiryApp();
        var (sessionId, chair) = await Voting.LiveSession(app);
        await using var screen = await app.ConnectHub("/hubs/live");
        await screen.Join(sessionId);
        var pollId = await Voting.Open(chair, sessionId);
        var phones = await Voting.MembersByLink(app, sessionId, 12);

        await Task.WhenAll(phones.Select(p => Voting.Vote(p, sessionId, pollId, "satisfied")));

        await screen.WaitForEvent("poll.turnout", d => d.GetProperty("voted").GetInt32() == 12);
        var turnouts = screen.Events.Where(e => e.Type == "poll.turnout").ToList();
        Assert.All(turnouts, e => Assert.Equal(35, e.Data.GetProperty("entitled").GetInt32()));
    }
}
