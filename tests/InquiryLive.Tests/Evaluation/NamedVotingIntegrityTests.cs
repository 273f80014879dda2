using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using InquiryLive.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static InquiryLive.Tests.Evaluation.IntegrityKit;

namespace InquiryLive.Tests.Evaluation;

/// <summary>A secret vote keeps no name on a choice; a named one says so before voting and lists names for staff only.</summary>
public sealed class NamedVotingIntegrityTests
{
    private static Task<string[]> DisplayNames(InquiryApp app, Guid sessionId, int count) =>
        app.Db(db => db.RosterMembers.Where(m => m.SessionId == sessionId).OrderBy(m => m.Id).Take(count).Select(m => m.DisplayName).ToArrayAsync());

    [Fact]
    public async Task SecretVote_StoresNoMemberOnAnyChoice_AndTheChairsReportListsNoNames()
    {
        using var app = new InquiryApp();
        var (sessionId, chair) = await Voting.LiveSession(app);
        var d = await DepartmentIds(app, sessionId);
        var phones = await Voting.MembersByLink(app, sessionId, 4);
        var names = await DisplayNames(app, sessionId, 4);
        var (pollId, items) = await OpenSheet(chair, sessionId, [new { departmentId = d[0] }, new { departmentId = d[1] }]);
        Assert.False((await phones[0].GetFromJsonAsync<JsonElement>($"/api/sessions/{sessionId}/polls/current")).GetProperty("poll").GetProperty("named").GetBoolean());
        foreach (var phone in phones) Assert.Equal(HttpStatusCode.OK, (await SubmitSheet(phone, sessionId, pollId, items, ["satisfied", "dissatisfied"])).StatusCode);
        await Voting.Close(chair, sessionId, pollId);

        Assert.Equal(8, await app.Db(db => db.BallotChoices.CountAsync(c => c.PollId == pollId)));
        Assert.Equal(0, await app.Db(db => db.BallotChoices.CountAsync(c => c.PollId == pollId && c.MemberId != null)));
        var report = await chair.GetStringAsync($"/api/sessions/{sessionId}/report");
        var result = (await ReportVote(chair, sessionId, pollId)).GetProperty("result");
        Assert.False(result.GetProperty("named").GetBoolean());
        Assert.All(result.GetProperty("items").EnumerateArray(), i => Assert.Equal(JsonValueKind.Null, i.GetProperty("names").ValueKind));
        Assert.All(names, n => Assert.DoesNotContain(n, report, StringComparison.Ordinal));
    }

    [Fact]
    public async Task NamedVote_IsAnnouncedBeforeVoting_AndTheChairsReportListsNamesUnderEachChoiceAndBlank_ButNoPublicResultDoes()
    {
        using var app = new InquiryApp();
        var sessionId = await app.DemoSessionId();
        var admin = await app.SignedIn("admin");
        Assert.Equal(HttpStatusCode.OK, (await admin.PatchAsJsonAsync($"/api/sessions/{sessionId}", new { namedVoting = true })).StatusCode);
        var (_, chair) = await Voting.LiveSession(app);
        var d = await DepartmentIds(app, sessionId);
        var phones = await Voting.MembersByLink(app, sessionId, 4);
        var names = await DisplayNames(app, sessionId, 4);
        var (pollId, items) = await OpenSheet(chair, sessionId, [new { departmentId = d[0] }, new { departmentId = d[1] }]);

        var before = await phones[0].GetFromJsonAsync<JsonElement>($"/api/sessions/{sessionId}/polls/current");
        Assert.True(before.GetProperty("poll").GetProperty("named").GetBoolean());
        Assert.False(before.GetProperty("hasVoted").GetBoolean());
        string?[][] sheets = [["satisfied", null], ["dissatisfied", "basicallySatisfied"], ["satisfied", "satisfied"]];
        for (var i = 0; i < 3; i++) Assert.Equal(HttpStatusCode.OK, (await SubmitSheet(phones[i], sessionId, pollId, items, sheets[i])).StatusCode);
        await Voting.Close(chair, sessionId, pollId);

        Assert.Equal(0, await app.Db(db => db.BallotChoices.CountAsync(c => c.PollId == pollId && c.MemberId == null)));
        var result = (await ReportVote(chair, sessionId, pollId)).GetProperty("result");
        Assert.True(result.GetProperty("named").GetBoolean());
        var first = result.GetProperty("items")[0].GetProperty("names");
        Assert.Equal(new[] { names[0], names[2] }.Order(StringComparer.Ordinal), Names(first, "satisfied"));
        Assert.Empty(Names(first, "basicallySatisfied"));
        Assert.Equal([names[1]], Names(first, "dissatisfied"));
        Assert.Empty(Names(first, "blank"));
        var second = result.GetProperty("items")[1].GetProperty("names");
        Assert.Equal([names[2]], Names(second, "satisfied"));
        Assert.Equal([names[1]], Names(second, "basicallySatisfied"));
        Assert.Empty(Names(second, "dissatisfied"));
        Assert.Equal([names[0]], Names(second, "blank"));
        // The member who did not vote is under no choice.
        Assert.DoesNotContain(names[3], result.GetRawText(), StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.OK, (await Voting.Publish(chair, sessionId, pollId)).StatusCode);
        var publicTexts = new[]
        {
            await app.Browser().GetStringAsync($"/api/sessions/{sessionId}/snapshot"),
            await app.Browser().GetStringAsync($"/api/sessions/{sessionId}/public-results"),
            await app.Browser().GetStringAsync($"/api/sessions/{sessionId}/events?after=0"),
        };
        Assert.All(publicTexts, t => Assert.Contains("\"named\":true", t, StringComparison.Ordinal));
        Assert.All(publicTexts, t => Assert.All(names, n => Assert.DoesNotContain(n, t, StringComparison.Ordinal)));
    }

    private static string[] Names(JsonElement names, string choice) => names.GetProperty(choice).EnumerateArray().Select(n => n.GetString()!).ToArray();
}
