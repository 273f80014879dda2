using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using InquiryLive.FollowUp;
using InquiryLive.Tests.Infrastructure;
using static InquiryLive.Tests.Evaluation.IntegrityKit;

namespace InquiryLive.Tests.Evaluation;

/// <summary>Before publication a closed vote's counts and verdict reach the chair and admin only, through every door.</summary>
public sealed class TallyWithheldIntegrityTests
{
    /// <summary>What a count or a verdict looks like in any answer or event (JSON property names of a result).</summary>
    private static readonly string[] TallyMarks = ["\"verdict\":", "\"satisfied\":", "\"basicallySatisfied\":", "\"dissatisfied\":", "\"figures\":", "\"valid\":"];

    private static bool ShowsATally(string text) => TallyMarks.Any(m => text.Contains(m, StringComparison.Ordinal));

    private sealed record Door(string Role, string What, string Text);

    [Fact]
    public async Task ClosedUnpublishedVote_ShowsNoCountOrVerdictToModeratorClerkMemberOrViewer_ButToChairAndAdmin_UntilPublished()
    {
        using var app = new InquiryApp();
        var (sessionId, chair) = await Voting.LiveSession(app);
        var admin = await app.SignedIn("admin");
        var moderator = await app.SignedIn("moderator1");
        var clerk = await app.SignedIn("clerk");
        var viewer = app.Browser();
        var phones = await Voting.MembersByLink(app, sessionId, 18);
        var member = phones[0];
        await using var moderatorHub = await app.ConnectHub("/hubs/console", moderator);
        await using var clerkHub = await app.ConnectHub("/hubs/console", clerk);
        await using var memberHub = await app.ConnectHub("/hubs/live", member);
        await using var viewerHub = await app.ConnectHub("/hubs/live", viewer);
        foreach (var hub in new[] { moderatorHub, clerkHub, memberHub, viewerHub }) await hub.Join(sessionId);

        var pollId = await Voting.Open(chair, sessionId, new { departmentId = (await DepartmentIds(app, sessionId))[1] });
        var choices = Enumerable.Repeat("satisfied", 13).Concat(Enumerable.Repeat("basicallySatisfied", 3)).Concat(Enumerable.Repeat("dissatisfied", 2)).ToArray();
        for (var i = 0; i < phones.Count; i++) Assert.Equal(HttpStatusCode.OK, (await Voting.Vote(phones[i], sessionId, pollId, choices[i])).StatusCode);
        var closedByChair = await Voting.Close(chair, sessionId, pollId);
        Assert.Equal("passed", closedByChair.GetProperty("verdict").GetString());
        foreach (var hub in new[] { moderatorHub, clerkHub, memberHub, viewerHub }) await hub.WaitForEvent("poll.closed");

        var hidden = await Doors(sessionId, moderator, clerk, member, viewer, moderatorHub, clerkHub, memberHub, viewerHub);
        Assert.NotEmpty(hidden);
        Assert.All(hidden, d => Assert.False(ShowsATally(d.Text), $"{d.Role} sees a tally in {d.What}: {d.Text}"));
        Assert.Contains(hidden, d => d.What == "votes.csv" && d.Text.Contains(VoteRows.Withheld, StringComparison.Ordinal));
        Assert.Contains(hidden, d => d.What == "report" && d.Text.Contains("\"talliesHidden\":true", StringComparison.Ordinal));
        foreach (var (who, client) in new[] { ("moderator", moderator), ("clerk", clerk), ("member", member) })
        {
            Assert.True((await client.GetAsync($"/api/sessions/{sessionId}/polls/{pollId}/tally")).StatusCode == HttpStatusCode.Forbidden, $"{who} reads /tally");
        }
        Assert.Equal(HttpStatusCode.Unauthorized, (await viewer.GetAsync($"/api/sessions/{sessionId}/polls/{pollId}/tally")).StatusCode);

        // The chair and admin see it before publication.
        Assert.Equal("passed", (await Tally(admin, sessionId, pollId)).GetProperty("verdict").GetString());
        Assert.Equal(13, (await ReportVote(chair, sessionId, pollId)).GetProperty("result").GetProperty("satisfied").GetInt32());
        Assert.Equal(13, (await ReportVote(admin, sessionId, pollId)).GetProperty("result").GetProperty("satisfied").GetInt32());
        Assert.DoesNotContain(VoteRows.Withheld, await admin.GetStringAsync($"/api/sessions/{sessionId}/exports/votes.csv"));
        Assert.Contains("\"verdict\":\"passed\"", await admin.GetStringAsync($"/api/sessions/{sessionId}/exports/session.json"));

        Assert.Equal(HttpStatusCode.OK, (await Voting.Publish(chair, sessionId, pollId)).StatusCode);
        foreach (var hub in new[] { moderatorHub, clerkHub, memberHub, viewerHub }) await hub.WaitForEvent("poll.published");

        var shown = await Doors(sessionId, moderator, clerk, member, viewer, moderatorHub, clerkHub, memberHub, viewerHub);
        foreach (var role in new[] { "moderator", "clerk", "member", "viewer" })
        {
            Assert.Contains(shown, d => d.Role == role && d.What.EndsWith("hub", StringComparison.Ordinal) && d.Text.Contains("\"verdict\":\"passed\"", StringComparison.Ordinal));
            Assert.Contains(shown, d => d.Role == role && d.What == "snapshot" && d.Text.Contains("\"verdict\":\"passed\"", StringComparison.Ordinal));
        }
        Assert.Contains(shown, d => d.Role == "moderator" && d.What == "report" && d.Text.Contains("\"satisfied\":13", StringComparison.Ordinal));
        Assert.Contains(shown, d => d.Role == "clerk" && d.What == "votes.csv" && !d.Text.Contains(VoteRows.Withheld, StringComparison.Ordinal));
        Assert.Contains(shown, d => d.Role == "viewer" && d.What == "public-results" && d.Text.Contains("\"satisfied\":13", StringComparison.Ordinal));
    }

    /// <summary>Every answer and event each role can read about the session.</summary>
    private static async Task<List<Door>> Doors(
        Guid sessionId, HttpClient moderator, HttpClient clerk, HttpClient member, HttpClient viewer,
        HubClient moderatorHub, HubClient clerkHub, HubClient memberHub, HubClient viewerHub)
    {
        var doors = new List<Door>();
        var api = $"/api/sessions/{sessionId}";
        async Task Read(string role, HttpClient client, string what, string path)
        {
            var response = await client.GetAsync(api + path);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{role} reads {path}: {(int)response.StatusCode}");
            doors.Add(new Door(role, what, await response.Content.ReadAsStringAsync()));
        }
        foreach (var (role, client) in new[] { ("moderator", moderator), ("clerk", clerk) })
        {
            await Read(role, client, "report", "/report");
            await Read(role, client, "staff-snapshot", "/staff-snapshot");
            await Read(role, client, "staff-events", "/staff-events?after=0");
            await Read(role, client, "rectifications", "/rectifications");
        }
        await Read("clerk", clerk, "votes.csv", "/exports/votes.csv");
        await Read("clerk", clerk, "session.json", "/exports/session.json");
        await Read("member", member, "polls/current", "/polls/current");
        foreach (var (role, client) in new[] { ("moderator", moderator), ("clerk", clerk), ("member", member), ("viewer", viewer) })
        {
            await Read(role, client, "snapshot", "/snapshot");
            await Read(role, client, "events", "/events?after=0");
            await Read(role, client, "public-results", "/public-results");
        }
        foreach (var (role, hub) in new[] { ("moderator", moderatorHub), ("clerk", clerkHub), ("member", memberHub), ("viewer", viewerHub) })
        {
            doors.AddRange(hub.Events.Select(e => new Door(role, $"{e.Type} on the hub", JsonSerializer.Serialize(e.Data))));
        }
        // Moderators and members have no exports or report to read at all.
        Assert.Equal(HttpStatusCode.Forbidden, (await moderator.GetAsync($"{api}/exports/votes.csv")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await moderator.GetAsync($"{api}/exports/session.json")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await member.GetAsync($"{api}/report")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await viewer.GetAsync($"{api}/report")).StatusCode);
        return doors;
    }
}
