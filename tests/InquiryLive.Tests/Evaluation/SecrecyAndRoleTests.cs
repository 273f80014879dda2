using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using InquiryLive.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace InquiryLive.Tests.Evaluation;

public sealed class SecrecyAndRoleTests
{
    [Fact]
    public async Task NoAnswerOrEvent_RevealsAMembersChoice()
    {
        using var app = new InquiryApp();
        var (sessionId, chair) = await Voting.LiveSession(app);
        var clerk = await app.SignedIn("clerk");
        await using var viewerHub = await app.ConnectHub("/hubs/live");
        await using var staffHub = await app.ConnectHub("/hubs/console", chair);
        await viewerHub.Join(sessionId);
        await staffHub.Join(sessionId);
        var members = await app.Db(db => db.RosterMembers.Join(db.Users, m => m.UserId, u => u.Id, (m, u) => new { m.Id, m.DisplayName, u.UserName })
            .OrderBy(m => m.Id).Take(20).ToListAsync());
        var pollId = await Voting.Open(chair, sessionId);
        var answers = new List<string>();
        var phones = await Voting.MembersByLink(app, sessionId, 20);
        var choices = new[] { "satisfied", "basicallySatisfied", "dissatisfied" };
        for (var i = 0; i < phones.Count; i++)
        {
            var ballot = await Voting.Vote(phones[i], sessionId, pollId, choices[i % 3]);
            answers.Add(await ballot.Content.ReadAsStringAsync());
            answers.Add(await phones[i].GetStringAsync($"/api/sessions/{sessionId}/polls/current"));
        }
        answers.Add((await Voting.Close(chair, sessionId, pollId)).GetRawText());
        answers.Add(await chair.GetStringAsync($"/api/sessions/{sessionId}/polls/{pollId}/tally"));
        answers.Add(await (await Voting.Publish(chair, sessionId, pollId)).Content.ReadAsStringAsync());
        await viewerHub.WaitForEvent("poll.published");
        await staffHub.WaitForEvent("poll.published");
        answers.Add(await app.Browser().GetStringAsync($"/api/sessions/{sessionId}/snapshot"));
        answers.Add(await chair.GetStringAsync($"/api/sessions/{sessionId}/staff-snapshot"));
        answers.Add(await app.Browser().GetStringAsync($"/api/sessions/{sessionId}/events?after=0"));
        // 签到 names who signed in (the clerk's list), never how anyone voted: those events are left out here.
        var staffEvents = (await chair.GetFromJsonAsync<JsonElement>($"/api/sessions/{sessionId}/staff-events?after=0")).GetProperty("events")
            .EnumerateArray().Where(e => e.GetProperty("type").GetString() != "attendance.memberChanged");
        answers.AddRange(staffEvents.Select(e => e.GetRawText()));
        answers.AddRange(viewerHub.Events.Concat(staffHub.Events).Where(e => e.Type != "attendance.memberChanged").Select(e => JsonSerializer.Serialize(e.Data)));

        Assert.Contains(answers, a => a.Contains("\"verdict\"", StringComparison.Ordinal));
        foreach (var text in answers)
        {
            // A ballot's choice never travels back: no answer has a "choice" field.
            Assert.DoesNotContain("\"choice\"", text, StringComparison.OrdinalIgnoreCase);
            foreach (var m in members)
            {
                // No poll answer or event names a voter, except the member's own page greeting them.
                if (text.Contains("\"memberName\"", StringComparison.Ordinal)) continue;
                Assert.DoesNotContain(m.DisplayName, text, StringComparison.Ordinal);
                Assert.DoesNotContain(m.UserName!, text, StringComparison.Ordinal);
                Assert.DoesNotContain($"\"memberId\":{m.Id},", text, StringComparison.Ordinal);
            }
        }
        // Each member's own page names only that member.
        var own = answers.Where(a => a.Contains("\"memberName\"", StringComparison.Ordinal)).ToList();
        Assert.Equal(20, own.Count);
        Assert.All(own, a => Assert.Single(members, m => a.Contains(m.DisplayName, StringComparison.Ordinal)));
    }

    [Fact]
    public async Task ViewersAndModerators_CannotVote()
    {
        using var app = new InquiryApp();
        var (sessionId, chair) = await Voting.LiveSession(app);
        var pollId = await Voting.Open(chair, sessionId);

        Assert.Equal(HttpStatusCode.Unauthorized, (await Voting.Vote(app.Browser(), sessionId, pollId, "satisfied")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await Voting.Vote(await app.SignedIn("moderator1"), sessionId, pollId, "satisfied")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await Voting.Vote(chair, sessionId, pollId, "satisfied")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.Browser().GetAsync($"/api/sessions/{sessionId}/polls/current")).StatusCode);
        Assert.Equal(0, await app.Db(db => db.BallotReceipts.CountAsync()));
    }

    [Fact]
    public async Task Members_CannotOpenCloseOrPublish_OrEnterPaper()
    {
        using var app = new InquiryApp();
        var (sessionId, chair) = await Voting.LiveSession(app);
        var member = await app.SignedIn("member12");
        Assert.Equal(HttpStatusCode.Forbidden, (await member.PostAsJsonAsync($"/api/sessions/{sessionId}/polls", new { title = "x" })).StatusCode);
        var pollId = await Voting.Open(chair, sessionId);
        Assert.Equal(HttpStatusCode.Forbidden, (await member.PostAsync($"/api/sessions/{sessionId}/polls/{pollId}/close", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await member.GetAsync($"/api/sessions/{sessionId}/polls/{pollId}/tally")).StatusCode);
        await Voting.Close(chair, sessionId, pollId);
        Assert.Equal(HttpStatusCode.Forbidden, (await member.PostAsync($"/api/sessions/{sessionId}/polls/{pollId}/publish", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await member.PostAsJsonAsync($"/api/sessions/{sessionId}/polls/{pollId}/paper", new { satisfied = 1, basicallySatisfied = 0, dissatisfied = 0 })).StatusCode);
    }

    [Fact]
    public async Task TheClerk_MayOnlyEnterPaperCounts_AndTheChairMayNot()
    {
        using var app = new InquiryApp();
        var (sessionId, chair) = await Voting.LiveSession(app);
        var clerk = await app.SignedIn("clerk");
        Assert.Equal(HttpStatusCode.Forbidden, (await clerk.PostAsJsonAsync($"/api/sessions/{sessionId}/polls", new { title = "x" })).StatusCode);
        var pollId = await Voting.Open(chair, sessionId);
        Assert.Equal(HttpStatusCode.Forbidden, (await clerk.PostAsync($"/api/sessions/{sessionId}/polls/{pollId}/close", null)).StatusCode);
        await Voting.Close(chair, sessionId, pollId);
        var paper = new { satisfied = 20, basicallySatisfied = 5, dissatisfied = 3 };
        Assert.Equal(HttpStatusCode.Forbidden, (await chair.PostAsJsonAsync($"/api/sessions/{sessionId}/polls/{pollId}/paper", paper)).StatusCode);
        await Voting.MarkPresent(app, sessionId, 28);
        Assert.Equal(HttpStatusCode.OK, (await clerk.PostAsJsonAsync($"/api/sessions/{sessionId}/polls/{pollId}/paper", paper)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await clerk.PostAsync($"/api/sessions/{sessionId}/polls/{pollId}/publish", null)).StatusCode);
    }
}
