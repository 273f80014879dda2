using System.Net.Http.Json;
using System.Text.Json;
using InquiryLive.Tests.Evaluation;
using InquiryLive.Tests.Infrastructure;
using InquiryLive.Tests.Moderation;
using Microsoft.EntityFrameworkCore;

namespace InquiryLive.Tests.Security;

/// <summary>Who did something comes from the cookie's claims; a request field naming someone else changes nothing.</summary>
public sealed class IdentityForgeryTests
{
    [Fact]
    public async Task AQuestionSentWithAnotherViewersId_IsStillTheSendersOwn()
    {
        using var app = new InquiryApp();
        var sessionId = await app.DemoSessionId();
        var (asker, askerId) = await app.Viewer();
        var (victim, victimId) = await app.Viewer();
        var id = Guid.NewGuid();

        var body = $$"""{"id":"{{id}}","text":"冒名的问题","viewerId":"{{victimId}}","ViewerId":"{{victimId}}","asker":"{{victimId}}"}""";
        var response = await asker.PostAsync($"/api/sessions/{sessionId}/questions", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

        response.EnsureSuccessStatusCode();
        Assert.Equal(askerId, (await app.Question(id)).ViewerId);
        var victims = await victim.GetFromJsonAsync<JsonElement>($"/api/sessions/{sessionId}/my-questions");
        Assert.Empty(victims.EnumerateArray());
        var askers = await asker.GetFromJsonAsync<JsonElement>($"/api/sessions/{sessionId}/my-questions");
        Assert.Equal(id, askers.EnumerateArray().Single().GetProperty("id").GetGuid());
    }

    [Fact]
    public async Task ABallotNamingAnotherMember_CountsForTheVoter_AndTheOtherMayStillVote()
    {
        using var app = new InquiryApp();
        var (sessionId, chair) = await Voting.LiveSession(app);
        var pollId = await Voting.Open(chair, sessionId);
        using var admin = await app.SignedIn("admin");
        var links = (await (await admin.PostAsync($"/api/sessions/{sessionId}/members/links", null)).Content.ReadFromJsonAsync<JsonElement>())
            .EnumerateArray().Take(3).ToList();
        var (voter, other, bystander) = (links[0], links[1], links[2]);
        var voterPhone = await SignIn(app, voter);
        var otherPhone = await SignIn(app, other);

        // The voter's ballot names the other member (and a third as the "user"): both are ignored.
        var forged = await voterPhone.PostAsJsonAsync($"/api/sessions/{sessionId}/polls/{pollId}/ballots",
            new { ballotId = Guid.NewGuid(), choice = "satisfied", memberId = MemberId(other), userName = bystander.GetProperty("displayName").GetString() });
        forged.EnsureSuccessStatusCode();
        (await Voting.Vote(otherPhone, sessionId, pollId, "dissatisfied")).EnsureSuccessStatusCode();

        var receipts = await app.Db(db => db.BallotReceipts.Where(r => r.PollId == pollId).Select(r => r.MemberId).OrderBy(m => m).ToListAsync());
        Assert.Equal(new[] { MemberId(voter), MemberId(other) }.Order(), receipts);
    }

    private static int MemberId(JsonElement link) => link.GetProperty("memberId").GetInt32();

    private static async Task<HttpClient> SignIn(InquiryApp app, JsonElement link)
    {
        var phone = app.Browser();
        (await phone.PostAsJsonAsync("/api/members/sign-in", new { token = link.GetProperty("token").GetString() })).EnsureSuccessStatusCode();
        return phone;
    }

    [Fact]
    public async Task ADecisionSentInAnotherModeratorsName_IsRecordedAsTheSendersOwn()
    {
        using var app = new InquiryApp();
        var sessionId = await app.DemoSessionId();
        var questionId = await app.Submit(sessionId, "请问维修资金何时到位？");
        var moderator = await app.SignedIn("moderator1");

        var response = await moderator.Act(sessionId, questionId, "approve", new { moderator = "moderator2", decidedBy = "moderator2", userName = "moderator2" });

        response.EnsureSuccessStatusCode();
        Assert.Equal("moderator1", (await app.Decisions(questionId)).Single().Moderator);
    }
}
