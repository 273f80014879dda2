using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using InquiryLive.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace InquiryLive.Tests.Evaluation;

public sealed class PaperAndPublicRatingTests
{
    [Fact]
    public async Task PaperCounts_ReplaceTheTally_AreMarkedByHand_AndAudited()
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

        var response = await clerk.PostAsJsonAsync($"/api/sessions/{sessionId}/polls/{pollId}/paper", new { satisfied = 20, basicallySatisfied = 8, dissatisfied = 2 });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var tally = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(30, tally.GetProperty("voted").GetInt32());
        Assert.Equal("passed", tally.GetProperty("verdict").GetString());
        Assert.True(tally.GetProperty("enteredByHand").GetBoolean());
        Assert.Equal("clerk", tally.GetProperty("enteredBy").GetString());
        var audit = await staff.WaitForEvent("poll.paperEntered");
        Assert.Equal("staff", audit.Stream);
        Assert.Equal("clerk", audit.Data.GetProperty("enteredBy").GetString());
        Assert.False(audit.Data.TryGetProperty("satisfied", out _));

        var published = await (await chair.PostAsync($"/api/sessions/{sessionId}/polls/{pollId}/publish", null)).Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(published.GetProperty("enteredByHand").GetBoolean());
        Assert.Equal(20, published.GetProperty("satisfied").GetInt32());
    }

    [Fact]
    public async Task PaperCounts_AreRefusedForAnOpenOrPublishedVote_OrMoreThanTheRoster()
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
        (await chair.PostAsync($"/api/sessions/{sessionId}/polls/{pollId}/publish", null)).EnsureSuccessStatusCode();
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
        var result = await (await chair.PostAsync($"/api/sessions/{sessionId}/polls/{pollId}/publish", null)).Content.ReadFromJsonAsync<JsonElement>();
        // The members' tally holds the one member's ballot only; the public's two ratings are apart.
        Assert.Equal(1, result.GetProperty("satisfied").GetInt32());
        Assert.Equal(0, result.GetProperty("dissatisfied").GetInt32());
        Assert.Equal(1, result.GetProperty("voted").GetInt32());
        Assert.Equal(2, result.GetProperty("publicRating").GetProperty("dissatisfied").GetInt32());
        Assert.Equal(HttpStatusCode.Conflict, (await app.Browser().PostAsJsonAsync(url, new { choice = "satisfied" })).StatusCode);
    }
}
