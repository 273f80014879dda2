using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using InquiryLive.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace InquiryLive.Tests.Evaluation;

public sealed class PaperAndPublicRatingTests
{
    [Fact]
    public async Task PaperCounts_OverElectronicBallots_NeedReplaceAndAReason_AndTheAuditKeepsBothTallies()
    {
        using var app = new InquiryApp();
        var (sessionId, chair) = await Voting.LiveSession(app);
        var clerk = await app.SignedIn("clerk");
        await using var staff = await app.ConnectHub("/hubs/console", chair);
        await staff.Join(sessionId);
        var pollId = await Voting.Open(chair, sessionId);
        (await Voting.Vote(await app.SignedIn("member01"), sessionId, pollId, "dissatisfied")).EnsureSuccessStatusCode();
        var electronic = await Voting.Close(chair, sessionId, pollId);
        Assert.Equal("invalid", electronic.GetProperty("verdict").GetString());
        await Voting.MarkPresent(app, sessionId, 30);
        var url = $"/api/sessions/{sessionId}/polls/{pollId}/paper";
        var paper = new { satisfied = 20, basicallySatisfied = 8, dissatisfied = 2 };

        // The vote holds an electronic ballot: paper counts do not silently replace it.
        var refused = await clerk.PostAsJsonAsync(url, paper);
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Equal("poll.paperWouldReplace", (await refused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString());
        var noReason = await clerk.PostAsJsonAsync(url, new { paper.satisfied, paper.basicallySatisfied, paper.dissatisfied, replace = true });
        Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
        Assert.True((await noReason.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("reason", out _));

        var response = await clerk.PostAsJsonAsync(url, new { paper.satisfied, paper.basicallySatisfied, paper.dissatisfied, replace = true, reason = "表决器故障，改用纸质票" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var entered = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(30, entered.GetProperty("ballots").GetInt32());
        Assert.True(entered.GetProperty("replaced").GetBoolean());
        // The clerk is told it was stored, not the verdict: no count leaves the server before publication but to the chair.
        Assert.False(entered.TryGetProperty("verdict", out _));
        var tally = await chair.GetFromJsonAsync<JsonElement>($"/api/sessions/{sessionId}/polls/{pollId}/tally");
        Assert.Equal(30, tally.GetProperty("voted").GetInt32());
        Assert.Equal("passed", tally.GetProperty("verdict").GetString());
        Assert.True(tally.GetProperty("enteredByHand").GetBoolean());
        Assert.Equal("clerk", tally.GetProperty("enteredBy").GetString());
        var audit = await staff.WaitForEvent("poll.paperEntered");
        Assert.Equal("staff", audit.Stream);
        Assert.Equal("clerk", audit.Data.GetProperty("enteredBy").GetString());
        Assert.False(audit.Data.TryGetProperty("satisfied", out _));

        var stored = await app.Db(db => db.VoteAudit.SingleAsync(a => a.PollId == pollId && a.Action == "paperReplaced"));
        Assert.Equal("表决器故障，改用纸质票", stored.Reason);
        var detail = JsonDocument.Parse(stored.Detail!).RootElement;
        Assert.Equal(1, detail.GetProperty("before").GetProperty("items")[0].GetProperty("dissatisfied").GetInt32());
        Assert.Equal(20, detail.GetProperty("after").GetProperty("items")[0].GetProperty("satisfied").GetInt32());

        var published = await (await Voting.Publish(chair, sessionId, pollId)).Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(published.GetProperty("enteredByHand").GetBoolean());
        Assert.Equal(20, published.GetProperty("satisfied").GetInt32());
    }

    [Fact]
    public async Task PaperCounts_AreRefusedForAnOpenOrPublishedVote_OrMoreThanTheRosterOrThePresent()
    {
        using var app = new InquiryApp();
        var (sessionId, chair) = await Voting.LiveSession(app);
        var clerk = await app.SignedIn("clerk");
        var pollId = await Voting.Open(chair, sessionId);
        var url = $"/api/sessions/{sessionId}/polls/{pollId}/paper";
        Assert.Equal(HttpStatusCode.Conflict, (await clerk.PostAsJsonAsync(url, new { satisfied = 1, basicallySatisfied = 0, dissatisfied = 0 })).StatusCode);
        await Voting.Close(chair, sessionId, pollId);
        Assert.Equal(HttpStatusCode.BadRequest, (await clerk.PostAsJsonAsync(url, new { satisfied = 30, basicallySatisfied = 5, dissatisfied = 1 })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await clerk.PostAsJsonAsync(url, new { satisfied = -1, basicallySatisfied = 0, dissatisfied = 0 })).StatusCode);
        // Nobody signed in yet: 3 ballot papers cannot come from 0 members present.
        var overPresent = await clerk.PostAsJsonAsync(url, new { satisfied = 3, basicallySatisfied = 0, dissatisfied = 0 });
        Assert.Equal(HttpStatusCode.Conflict, overPresent.StatusCode);
        Assert.Equal("poll.paperOverPresent", (await overPresent.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString());
        (await Voting.Publish(chair, sessionId, pollId)).EnsureSuccessStatusCode();
        Assert.Equal(HttpStatusCode.Conflict, (await clerk.PostAsJsonAsync(url, new { satisfied = 1, basicallySatisfied = 0, dissatisfied = 0 })).StatusCode);
        Assert.False(await app.Db(db => db.Polls.AnyAsync(p => p.EnteredByHand)));
    }

    [Fact]
    public async Task PublicRating_IsOncePerViewer_CountedApart_AndPushed()
    {
        using var app = new InquiryApp();
        var (sessionId, chair) = await Voting.LiveSession(app);
        await using var screen = await app.ConnectHub("/hubs/live");
        await screen.Join(sessionId);
        var pollId = await Voting.Open(chair, sessionId);
        var url = $"/api/sessions/{sessionId}/polls/{pollId}/public-rating";
        var viewerA = app.Browser();
        var viewerB = app.Browser();

        Assert.Equal(HttpStatusCode.OK, (await viewerA.PostAsJsonAsync(url, new { choice = "dissatisfied" })).StatusCode);
        var again = await viewerA.PostAsJsonAsync(url, new { choice = "satisfied" });
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Equal("publicRating.already", (await again.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString());
        Assert.Equal(HttpStatusCode.OK, (await viewerB.PostAsJsonAsync(url, new { choice = "dissatisfied" })).StatusCode);
        (await Voting.Vote(await app.SignedIn("member01"), sessionId, pollId, "satisfied")).EnsureSuccessStatusCode();

        var pushed = await screen.WaitForEvent("publicRating.changed", d => d.GetProperty("rating").GetProperty("dissatisfied").GetInt32() == 2);
        Assert.Equal(pollId, pushed.Data.GetProperty("pollId").GetGuid());
        await Voting.Close(chair, sessionId, pollId);
        var result = await (await Voting.Publish(chair, sessionId, pollId)).Content.ReadFromJsonAsync<JsonElement>();
        // The members' tally holds the one member's ballot only; the public's two ratings are apart.
        Assert.Equal(1, result.GetProperty("satisfied").GetInt32());
        Assert.Equal(0, result.GetProperty("dissatisfied").GetInt32());
        Assert.Equal(1, result.GetProperty("voted").GetInt32());
        Assert.Equal(2, result.GetProperty("publicRating").GetProperty("dissatisfied").GetInt32());
        Assert.Equal(HttpStatusCode.Conflict, (await app.Browser().PostAsJsonAsync(url, new { choice = "satisfied" })).StatusCode);
    }
}
