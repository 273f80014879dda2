using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using InquiryLive.Tests.Infrastructure;
using static InquiryLive.Tests.Evaluation.IntegrityKit;

namespace InquiryLive.Tests.Evaluation;

/// <summary>过半数 is more than half: 2 of 4 is invalid and published only on the chair's confirmation; 3 of 4 is valid.</summary>
public sealed class InvalidPublicationIntegrityTests
{
    private static async Task<(Guid SessionId, HttpClient Chair, List<HttpClient> Phones)> RosterOfFour(InquiryApp app)
    {
        var sessionId = await app.DemoSessionId();
        var admin = await app.SignedIn("admin");
        await KeepRoster(app, admin, sessionId, 4);
        var (_, chair) = await Voting.LiveSession(app);
        return (sessionId, chair, await Voting.MembersByLink(app, sessionId, 4));
    }

    [Fact]
    public async Task TwoOfFour_IsInvalid_AndPublishingItNeedsConfirmation_WithTheReasonInChineseAndEnglish()
    {
        using var app = new InquiryApp();
        var (sessionId, chair, phones) = await RosterOfFour(app);
        await using var viewer = await app.ConnectHub("/hubs/live");
        await viewer.Join(sessionId);
        var pollId = await Voting.Open(chair, sessionId);
        foreach (var phone in phones.Take(2)) Assert.Equal(HttpStatusCode.OK, (await Voting.Vote(phone, sessionId, pollId, "satisfied")).StatusCode);
        var tally = await Voting.Close(chair, sessionId, pollId);
        Assert.Equal("invalid", tally.GetProperty("verdict").GetString());
        Assert.Equal(4, tally.GetProperty("attendance").GetProperty("expected").GetInt32());
        var url = $"/api/sessions/{sessionId}/polls/{pollId}/publish";

        var inChinese = await chair.PostAsJsonAsync(url, new { confirmInvalid = false });
        var english = new HttpRequestMessage(HttpMethod.Post, url) { Content = JsonContent.Create(new { }) };
        english.Headers.AcceptLanguage.ParseAdd("en");
        var inEnglish = await chair.SendAsync(english);
        var noBody = await chair.PostAsync(url, null);

        Assert.Equal("poll.invalidNeedsConfirmation", await Refused(inChinese, HttpStatusCode.Conflict));
        Assert.Equal("该测评结果无效：参加测评 2 人，未达到参加测评人数下限：须全体组成人员 4 人的过半数（至少 3 人）。 如仍要公布，请确认；结果将标明“无效”。",
            await Detail(inChinese));
        Assert.Equal("poll.invalidNeedsConfirmation", await Refused(inEnglish, HttpStatusCode.Conflict));
        var detailEn = await Detail(inEnglish);
        Assert.StartsWith("This result is invalid: 2 took part, under the minimum turnout: more than half of all 4 members", detailEn);
        Assert.Contains("(at least 3)", detailEn);
        Assert.Equal("poll.invalidNeedsConfirmation", await Refused(noBody, HttpStatusCode.Conflict));
        Assert.Equal("closed", (await Tally(chair, sessionId, pollId)).GetProperty("state").GetString());
        Assert.Equal(["opened", "closed"], await AuditActions(app, pollId));
        Assert.Empty((await app.Browser().GetFromJsonAsync<JsonElement>($"/api/sessions/{sessionId}/public-results")).GetProperty("results").EnumerateArray());

        var confirmed = await chair.PostAsJsonAsync(url, new { confirmInvalid = true });

        Assert.Equal(HttpStatusCode.OK, confirmed.StatusCode);
        var published = await Json(confirmed);
        Assert.Equal("published", published.GetProperty("state").GetString());
        Assert.Equal("invalid", published.GetProperty("verdict").GetString());
        Assert.True(published.GetProperty("anyInvalid").GetBoolean());
        var pushed = await viewer.WaitForEvent("poll.published");
        Assert.Equal("invalid", pushed.Data.GetProperty("result").GetProperty("verdict").GetString());
        Assert.Equal(["opened", "closed", "publishedInvalid"], await AuditActions(app, pollId));
        var audit = (await chair.GetFromJsonAsync<JsonElement>($"/api/sessions/{sessionId}/report")).GetProperty("voteAudit").EnumerateArray()
            .Single(a => a.GetProperty("action").GetString() == "publishedInvalid");
        Assert.Equal(pollId, audit.GetProperty("pollId").GetGuid());
        Assert.Equal("chair", audit.GetProperty("by").GetString());
        Assert.Contains("至少 3 人", audit.GetProperty("reason").GetString());
    }

    [Fact]
    public async Task ThreeOfFour_IsValid_AndPublishesWithoutConfirmation()
    {
        using var app = new InquiryApp();
        var (sessionId, chair, phones) = await RosterOfFour(app);
        var pollId = await Voting.Open(chair, sessionId);
        foreach (var phone in phones.Take(3)) Assert.Equal(HttpStatusCode.OK, (await Voting.Vote(phone, sessionId, pollId, "basicallySatisfied")).StatusCode);
        var tally = await Voting.Close(chair, sessionId, pollId);
        Assert.False(tally.GetProperty("anyInvalid").GetBoolean());

        var published = await chair.PostAsync($"/api/sessions/{sessionId}/polls/{pollId}/publish", null);

        Assert.Equal(HttpStatusCode.OK, published.StatusCode);
        var result = await Json(published);
        Assert.Equal("passed", result.GetProperty("verdict").GetString());
        Assert.Equal(["opened", "closed", "published"], await AuditActions(app, pollId));
        var turnout = result.GetProperty("items")[0].GetProperty("turnout");
        Assert.Equal("参加测评 3 / 全体组成人员 4", turnout.GetProperty("textZh").GetString());
        Assert.True(turnout.GetProperty("met").GetBoolean());
    }
}
