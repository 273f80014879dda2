using System.Net;
using System.Net.Http.Json;
using InquiryLive.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static InquiryLive.Tests.Evaluation.IntegrityKit;

namespace InquiryLive.Tests.Evaluation;

/// <summary>The evaluation's refusals not covered elsewhere: each answers its code and writes nothing.</summary>
public sealed class RefusalIntegrityTests
{
    [Fact]
    public async Task ASheetOfOneItem_OrWithADepartmentTwice_IsRefusedWith400_AndNoVoteOpens()
    {
        using var app = new InquiryApp();
        var (sessionId, chair) = await Voting.LiveSession(app);
        var d = await DepartmentIds(app, sessionId);
        var url = $"/api/sessions/{sessionId}/polls";

        var one = await chair.PostAsJsonAsync(url, new { items = new[] { new { departmentId = d[0] } } });
        Assert.Equal(HttpStatusCode.BadRequest, one.StatusCode);
        Assert.True((await Json(one)).GetProperty("errors").TryGetProperty("items", out _));
        var twice = await chair.PostAsJsonAsync(url, new { items = new[] { new { departmentId = d[0] }, new { departmentId = d[0] } } });
        Assert.Equal("poll.sheetRepeats", await Refused(twice, HttpStatusCode.BadRequest));

        Assert.Equal(0, await app.Db(db => db.Polls.CountAsync()));
    }

    [Fact]
    public async Task PaperCountsOfASheet_OverTheBallotPapers_OrTheRoster_AreRefused_AndTheTallyStays()
    {
        using var app = new InquiryApp();
        var (sessionId, chair) = await Voting.LiveSession(app);
        var d = await DepartmentIds(app, sessionId);
        var (pollId, items) = await OpenSheet(chair, sessionId, [new { departmentId = d[0] }, new { departmentId = d[1] }]);
        await Voting.Close(chair, sessionId, pollId);
        var clerk = await app.SignedIn("clerk");
        var url = $"/api/sessions/{sessionId}/polls/{pollId}/paper";

        var overPapers = await clerk.PostAsJsonAsync(url, new
        {
            ballots = 5, items = new[] { new { itemId = items[0], satisfied = 4, basicallySatisfied = 2, dissatisfied = 0 }, new { itemId = items[1], satisfied = 1, basicallySatisfied = 0, dissatisfied = 0 } },
        });
        Assert.Equal("poll.paperItemOverBallots", await Refused(overPapers, HttpStatusCode.BadRequest));
        var overRoster = await clerk.PostAsJsonAsync(url, new
        {
            ballots = 36, items = new[] { new { itemId = items[0], satisfied = 1, basicallySatisfied = 0, dissatisfied = 0 }, new { itemId = items[1], satisfied = 1, basicallySatisfied = 0, dissatisfied = 0 } },
        });
        Assert.Equal("poll.paperTooMany", await Refused(overRoster, HttpStatusCode.BadRequest));

        Assert.False(await app.Db(db => db.Polls.AnyAsync(p => p.EnteredByHand)));
        Assert.Equal(0, await app.Db(db => db.VoteAudit.CountAsync(a => a.Action == "paperEntered" || a.Action == "paperReplaced")));
    }

    [Fact]
    public async Task APublicRatingOfASheet_IsRefused_AndNothingIsStored()
    {
        using var app = new InquiryApp();
        var (sessionId, chair) = await Voting.LiveSession(app);
        var d = await DepartmentIds(app, sessionId);
        var (pollId, _) = await OpenSheet(chair, sessionId, [new { departmentId = d[0] }, new { departmentId = d[1] }]);

        var rating = await app.Browser().PostAsJsonAsync($"/api/sessions/{sessionId}/polls/{pollId}/public-rating", new { choice = "satisfied" });

        Assert.Equal("publicRating.sheet", await Refused(rating, HttpStatusCode.Conflict));
        Assert.Equal(0, await app.Db(db => db.PublicRatings.CountAsync()));
    }

    [Fact]
    public async Task EvaluatorGroups_RefuseADuplicateName_AnUnknownGroup_AndDeletingOneWithPeople()
    {
        using var app = new InquiryApp();
        var sessionId = await app.DemoSessionId();
        var admin = await app.SignedIn("admin");
        var url = $"/api/sessions/{sessionId}/evaluator-groups";
        var group = await Json(await admin.PostAsJsonAsync(url, new { name = "列席代表" }));
        var groupId = group.GetProperty("id").GetInt32();
        Assert.Equal(HttpStatusCode.Created, (await admin.PostAsJsonAsync($"/api/sessions/{sessionId}/members", new { displayName = "李代表", groupId })).StatusCode);

        Assert.Equal("evaluatorGroup.duplicate", await Refused(await admin.PostAsJsonAsync(url, new { name = "列席代表" }), HttpStatusCode.Conflict));
        Assert.Equal("evaluatorGroup.notFound", await Refused(
            await admin.PostAsJsonAsync($"/api/sessions/{sessionId}/members", new { displayName = "王代表", groupId = 999999 }), HttpStatusCode.NotFound));
        Assert.Equal("evaluatorGroup.inUse", await Refused(await admin.DeleteAsync($"{url}/{groupId}"), HttpStatusCode.Conflict));
        Assert.Equal("evaluatorGroup.notFound", await Refused(await admin.DeleteAsync($"{url}/999999"), HttpStatusCode.NotFound));

        Assert.Equal(1, await app.Db(db => db.EvaluatorGroups.CountAsync()));
        Assert.Equal(1, await app.Db(db => db.RosterMembers.CountAsync(m => m.GroupId != null)));
    }

    [Fact]
    public async Task ASecondEvaluation_OfASheetWithoutTheItemsDepartment_IsRefused_AndOpensNothing()
    {
        using var app = new InquiryApp();
        var (sessionId, chair) = await Voting.LiveSession(app);
        var d = await DepartmentIds(app, sessionId);
        var (pollId, _) = await OpenSheet(chair, sessionId, [new { departmentId = d[0] }, new { departmentId = d[1] }]);
        await Voting.Close(chair, sessionId, pollId);
        (await Voting.Publish(chair, sessionId, pollId)).EnsureSuccessStatusCode();
        var clerk = await app.SignedIn("clerk");
        var item = await Json(await clerk.PostAsJsonAsync($"/api/sessions/{sessionId}/rectifications", new
        {
            departmentId = d[2], title = "执法合力", deadline = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(30)).ToString("yyyy-MM-dd"), owner = "执法处",
        }));

        var opened = await clerk.PostAsJsonAsync($"/api/sessions/{sessionId}/rectifications/{item.GetProperty("id").GetInt64()}/second-evaluation",
            new { firstPollId = pollId });

        Assert.Equal("secondEvaluation.departmentNotRated", await Refused(opened, HttpStatusCode.Conflict));
        Assert.Equal(1, await app.Db(db => db.Polls.CountAsync()));
    }
}
