using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using InquiryLive.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace InquiryLive.Tests.Evaluation;

public sealed class BallotTests
{
    [Fact]
    public async Task SecondBallot_BySameMember_IsRefusedWith409_AndAClearMessage()
    {
        using var app = new InquiryApp();
        var (sessionId, chair) = await Voting.LiveSession(app);
        var pollId = await Voting.Open(chair, sessionId);
        var member = await app.SignedIn("member01");

        Assert.Equal(HttpStatusCode.OK, (await Voting.Vote(member, sessionId, pollId, "satisfied")).StatusCode);
        var second = await Voting.Vote(member, sessionId, pollId, "dissatisfied");

        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
        var problem = await second.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("ballot.alreadyVoted", problem.GetProperty("code").GetString());
        Assert.Contains("只能投一票", problem.GetProperty("detail").GetString());
        Assert.Equal(1, await app.Db(db => db.BallotChoices.CountAsync(c => c.PollId == pollId)));
    }

    [Fact]
    public async Task RetryWithTheSameBallotId_AnswersAsTheFirstTime_AndStoresOneBallot()
    {
        using var app = new InquiryApp();
        var (sessionId, chair) = await Voting.LiveSession(app);
        var pollId = await Voting.Open(chair, sessionId);
        var member = await app.SignedIn("member02");
        var ballotId = Guid.NewGuid();

        var first = await Voting.Vote(member, sessionId, pollId, "basicallySatisfied", ballotId);
        var retry = await Voting.Vote(member, sessionId, pollId, "basicallySatisfied", ballotId);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, retry.StatusCode);
        Assert.Equal(await first.Content.ReadAsStringAsync(), await retry.Content.ReadAsStringAsync());
        Assert.Equal(1, await app.Db(db => db.BallotReceipts.CountAsync(r => r.PollId == pollId)));
        Assert.Equal(1, await app.Db(db => db.BallotChoices.CountAsync(c => c.PollId == pollId)));
    }

    [Fact]
    public async Task RetryAfterTheVoteClosed_StillAnswersTheCountedBallot()
    {
        using var app = new InquiryApp();
        var (sessionId, chair) = await Voting.LiveSession(app);
        var pollId = await Voting.Open(chair, sessionId);
        var member = await app.SignedIn("member03");
        var ballotId = Guid.NewGuid();
        (await Voting.Vote(member, sessionId, pollId, "satisfied", ballotId)).EnsureSuccessStatusCode();
        var tally = await Voting.Close(chair, sessionId, pollId);

        Assert.Equal(HttpStatusCode.OK, (await Voting.Vote(member, sessionId, pollId, "satisfied", ballotId)).StatusCode);
        Assert.Equal(1, tally.GetProperty("voted").GetInt32());
        var late = await Voting.Vote(await app.SignedIn("member04"), sessionId, pollId, "satisfied");
        Assert.Equal(HttpStatusCode.Conflict, late.StatusCode);
        Assert.Equal("ballot.pollClosed", (await late.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString());
    }

    [Fact]
    public async Task SixtyBallotsRacingAClose_AreEachCountedOrRefused_AndEveryCloseGivesTheSameTally()
    {
        using var app = new InquiryApp();
        var (sessionId, chair) = await Voting.LiveSession(app);
        await Voting.AddRosterMembers(app, sessionId, 25);
        var phones = await Voting.MembersByLink(app, sessionId, 60);
        var pollId = await Voting.Open(chair, sessionId);
        var choices = new[] { "satisfied", "basicallySatisfied", "dissatisfied" };

        var ballots = phones.Select((p, i) => Voting.Vote(p, sessionId, pollId, choices[i % 3])).ToList();
        var closes = new[] { chair.PostAsync($"/api/sessions/{sessionId}/polls/{pollId}/close", null), chair.PostAsync($"/api/sessions/{sessionId}/polls/{pollId}/close", null) };
        var answers = await Task.WhenAll(ballots);
        var closed = await Task.WhenAll(closes);
        var again = await Voting.Close(chair, sessionId, pollId);

        var counted = answers.Count(r => r.StatusCode == HttpStatusCode.OK);
        var refused = answers.Count(r => r.StatusCode == HttpStatusCode.Conflict);
        Assert.Equal(60, counted + refused);
        var tallies = new List<string>();
        foreach (var c in closed) tallies.Add(await c.Content.ReadAsStringAsync());
        tallies.Add(again.GetRawText());
        Assert.All(closed, c => Assert.Equal(HttpStatusCode.OK, c.StatusCode));
        Assert.Single(tallies.Distinct());
        Assert.Equal(counted, again.GetProperty("voted").GetInt32());
        Assert.Equal(counted, again.GetProperty("satisfied").GetInt32() + again.GetProperty("basicallySatisfied").GetInt32() + again.GetProperty("dissatisfied").GetInt32());
        Assert.Equal(60, again.GetProperty("attendance").GetProperty("expected").GetInt32());
        Assert.Equal(counted, await app.Db(db => db.BallotReceipts.CountAsync(r => r.PollId == pollId)));
        Assert.Equal(counted, await app.Db(db => db.BallotChoices.CountAsync(c => c.PollId == pollId)));
    }

    [Fact]
    public async Task BadBallot_IsRefusedWith400_AndNothingIsStored()
    {
        using var app = new InquiryApp();
        var (sessionId, chair) = await Voting.LiveSession(app);
        var pollId = await Voting.Open(chair, sessionId);
        var member = await app.SignedIn("member05");

        var noChoice = await member.PostAsJsonAsync($"/api/sessions/{sessionId}/polls/{pollId}/ballots", new { ballotId = Guid.NewGuid() });
        var noId = await member.PostAsJsonAsync($"/api/sessions/{sessionId}/polls/{pollId}/ballots", new { choice = "satisfied" });
        var badChoice = await member.PostAsJsonAsync($"/api/sessions/{sessionId}/polls/{pollId}/ballots", new { ballotId = Guid.NewGuid(), choice = 9 });

        Assert.Equal(HttpStatusCode.BadRequest, noChoice.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, noId.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, badChoice.StatusCode);
        Assert.Equal(0, await app.Db(db => db.BallotReceipts.CountAsync()));
    }

    [Fact]
    public async Task SecretBallot_StoresTheChoiceWithNoLinkToTheMember()
    {
        using var app = new InquiryApp();
        var (sessionId, chair) = await Voting.LiveSession(app);
        var pollId = await Voting.Open(chair, sessionId);
        (await Voting.Vote(await app.SignedIn("member06"), sessionId, pollId, "dissatisfied")).EnsureSuccessStatusCode();

        var choice = await app.Db(db => db.BallotChoices.SingleAsync(c => c.PollId == pollId));
        Assert.Null(choice.MemberId);
    }

    [Fact]
    public async Task MemberPage_SeesTheOpenVote_AndOnlyItsOwnHasVotedFlag()
    {
        using var app = new InquiryApp();
        var (sessionId, chair) = await Voting.LiveSession(app);
        var pollId = await Voting.Open(chair, sessionId);
        var voter = await app.SignedIn("member07");
        var other = await app.SignedIn("member08");
        (await Voting.Vote(voter, sessionId, pollId, "satisfied")).EnsureSuccessStatusCode();

        var mine = await voter.GetFromJsonAsync<JsonElement>($"/api/sessions/{sessionId}/polls/current");
        var theirs = await other.GetFromJsonAsync<JsonElement>($"/api/sessions/{sessionId}/polls/current");

        Assert.True(mine.GetProperty("hasVoted").GetBoolean());
        Assert.False(theirs.GetProperty("hasVoted").GetBoolean());
        Assert.Equal(pollId, theirs.GetProperty("poll").GetProperty("id").GetGuid());
        Assert.Equal(1, theirs.GetProperty("poll").GetProperty("turnout").GetProperty("voted").GetInt32());
        Assert.DoesNotContain("choice", mine.GetRawText(), StringComparison.OrdinalIgnoreCase);
    }
}
