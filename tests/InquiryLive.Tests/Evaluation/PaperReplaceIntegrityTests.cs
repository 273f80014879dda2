using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using InquiryLive.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static InquiryLive.Tests.Evaluation.IntegrityKit;

namespace InquiryLive.Tests.Evaluation;

/// <summary>Paper counts replace a tally only on purpose, with a reason, and the audit keeps both; the clerk is told no count.</summary>
public sealed class PaperReplaceIntegrityTests
{
    private static readonly string[] PaperEnteredFields = ["at", "ballots", "enteredBy", "pollId", "replaced"];

    private static async Task<(string Action, string? Reason, JsonElement Detail)> LastAudit(InquiryApp app, Guid pollId)
    {
        var row = await app.Db(db => db.VoteAudit.Where(a => a.PollId == pollId).OrderByDescending(a => a.Id).FirstAsync());
        return (row.Action, row.Reason, JsonDocument.Parse(row.Detail!).RootElement);
    }

    [Fact]
    public async Task PaperOnASingleVote_OverAnEarlierPaperEntry_NeedsReplaceAndAReason_AndTheAuditKeepsBothTallies()
    {
        using var app = new InquiryApp();
        var (sessionId, chair) = await Voting.LiveSession(app);
        var clerk = await app.SignedIn("clerk");
        await Voting.MarkPresent(app, sessionId, 30);
        var pollId = await Voting.Open(chair, sessionId);
        await Voting.Close(chair, sessionId, pollId);
        var url = $"/api/sessions/{sessionId}/polls/{pollId}/paper";

        var firstEntry = await clerk.PostAsJsonAsync(url, new { satisfied = 20, basicallySatisfied = 6, dissatisfied = 2 });
        Assert.Equal(HttpStatusCode.OK, firstEntry.StatusCode);
        var entered = await Json(firstEntry);
        Assert.Equal(PaperEnteredFields, PropertyNames(entered));
        Assert.False(entered.GetProperty("replaced").GetBoolean());
        Assert.Equal(28, entered.GetProperty("ballots").GetInt32());
        var (action, reason, detail) = await LastAudit(app, pollId);
        Assert.Equal(("paperEntered", null), (action, reason));
        Assert.Equal(JsonValueKind.Null, detail.GetProperty("before").ValueKind);

        var notReplacing = await clerk.PostAsJsonAsync(url, new { satisfied = 25, basicallySatisfied = 3, dissatisfied = 2 });
        Assert.Equal("poll.paperWouldReplace", await Refused(notReplacing, HttpStatusCode.Conflict));
        Assert.Contains("已录入纸质票", await Detail(notReplacing));
        var noReason = await clerk.PostAsJsonAsync(url, new { satisfied = 25, basicallySatisfied = 3, dissatisfied = 2, replace = true, reason = " " });
        Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
        Assert.True((await Json(noReason)).GetProperty("errors").TryGetProperty("reason", out _));
        Assert.Equal(20, (await Tally(chair, sessionId, pollId)).GetProperty("satisfied").GetInt32());

        var replaced = await clerk.PostAsJsonAsync(url, new { satisfied = 25, basicallySatisfied = 3, dissatisfied = 2, replace = true, reason = "第一次录入时少计5张满意票" });

        Assert.Equal(HttpStatusCode.OK, replaced.StatusCode);
        var answer = await Json(replaced);
        Assert.Equal(PaperEnteredFields, PropertyNames(answer));
        Assert.True(answer.GetProperty("replaced").GetBoolean());
        (action, reason, detail) = await LastAudit(app, pollId);
        Assert.Equal(("paperReplaced", "第一次录入时少计5张满意票"), (action, reason));
        Assert.Equal((20, 6, 2), Counts(detail.GetProperty("before").GetProperty("items")[0]));
        Assert.Equal((25, 3, 2), Counts(detail.GetProperty("after").GetProperty("items")[0]));
        Assert.True(detail.GetProperty("before").GetProperty("enteredByHand").GetBoolean());
        Assert.Equal(["opened", "closed", "paperEntered", "paperReplaced"], await AuditActions(app, pollId));
        var tally = await Tally(chair, sessionId, pollId);
        Assert.Equal((25, 3, 2), (tally.GetProperty("satisfied").GetInt32(), tally.GetProperty("basicallySatisfied").GetInt32(), tally.GetProperty("dissatisfied").GetInt32()));
        Assert.Equal(30, tally.GetProperty("voted").GetInt32());
    }

    private static (int, int, int) Counts(JsonElement item) =>
        (item.GetProperty("satisfied").GetInt32(), item.GetProperty("basicallySatisfied").GetInt32(), item.GetProperty("dissatisfied").GetInt32());

    [Fact]
    public async Task PaperOnASheet_OverElectronicBallotsAndThenOverPaper_NeedsReplace_AndTheAuditKeepsEachTally()
    {
        using var app = new InquiryApp();
        var (sessionId, chair) = await Voting.LiveSession(app);
        var clerk = await app.SignedIn("clerk");
        await using var staff = await app.ConnectHub("/hubs/console", clerk);
        await staff.Join(sessionId);
        var d = await DepartmentIds(app, sessionId);
        var phones = await Voting.MembersByLink(app, sessionId, 3);
        var (pollId, items) = await OpenSheet(chair, sessionId, [new { departmentId = d[0] }, new { departmentId = d[1] }]);
        string?[][] sheets = [["satisfied", "dissatisfied"], ["satisfied", null], ["basicallySatisfied", "dissatisfied"]];
        for (var i = 0; i < 3; i++) Assert.Equal(HttpStatusCode.OK, (await SubmitSheet(phones[i], sessionId, pollId, items, sheets[i])).StatusCode);
        await Voting.Close(chair, sessionId, pollId);
        await Voting.MarkPresent(app, sessionId, 30);
        var url = $"/api/sessions/{sessionId}/polls/{pollId}/paper";
        object[] paper = [new { itemId = items[0], satisfied = 22, basicallySatisfied = 4, dissatisfied = 2 }, new { itemId = items[1], satisfied = 10, basicallySatisfied = 8, dissatisfied = 9 }];

        Assert.Equal("poll.paperBallots", await Refused(await clerk.PostAsJsonAsync(url, new { items = paper, replace = true, reason = "表决器故障" }), HttpStatusCode.BadRequest));
        Assert.Equal("poll.paperItems", await Refused(await clerk.PostAsJsonAsync(url, new { items = paper.Take(1), ballots = 28, replace = true, reason = "表决器故障" }), HttpStatusCode.BadRequest));
        var notReplacing = await clerk.PostAsJsonAsync(url, new { items = paper, ballots = 28 });
        Assert.Equal("poll.paperWouldReplace", await Refused(notReplacing, HttpStatusCode.Conflict));
        Assert.Contains("3 张电子票", await Detail(notReplacing));

        var first = await clerk.PostAsJsonAsync(url, new { items = paper, ballots = 28, replace = true, reason = "表决器故障，改用纸质票" });

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(PaperEnteredFields, PropertyNames(await Json(first)));
        var (action, reason, detail) = await LastAudit(app, pollId);
        Assert.Equal(("paperReplaced", "表决器故障，改用纸质票"), (action, reason));
        var before = detail.GetProperty("before").GetProperty("items");
        Assert.Equal((2, 1, 0), Counts(before[0]));
        Assert.Equal((0, 0, 2), Counts(before[1]));
        Assert.Equal(1, before[1].GetProperty("blank").GetInt32());
        Assert.Equal(3, detail.GetProperty("before").GetProperty("voted").GetInt32());
        var after = detail.GetProperty("after").GetProperty("items");
        Assert.Equal((22, 4, 2), Counts(after[0]));
        Assert.Equal((10, 8, 9), Counts(after[1]));
        Assert.Equal(1, after[1].GetProperty("blank").GetInt32());
        var pushed = await staff.WaitForEvent("poll.paperEntered");
        Assert.Equal(PaperEnteredFields, PropertyNames(pushed.Data));

        // Correcting the paper entry is a replacement too: refused unless asked for, then audited again.
        object[] corrected = [new { itemId = items[0], satisfied = 23, basicallySatisfied = 3, dissatisfied = 2 }, new { itemId = items[1], satisfied = 10, basicallySatisfied = 8, dissatisfied = 9 }];
        Assert.Equal("poll.paperWouldReplace", await Refused(await clerk.PostAsJsonAsync(url, new { items = corrected, ballots = 28 }), HttpStatusCode.Conflict));
        Assert.Equal(HttpStatusCode.OK, (await clerk.PostAsJsonAsync(url, new { items = corrected, ballots = 28, replace = true, reason = "复核更正" })).StatusCode);
        (action, reason, detail) = await LastAudit(app, pollId);
        Assert.Equal(("paperReplaced", "复核更正"), (action, reason));
        Assert.Equal((22, 4, 2), Counts(detail.GetProperty("before").GetProperty("items")[0]));
        Assert.Equal((23, 3, 2), Counts(detail.GetProperty("after").GetProperty("items")[0]));
        Assert.Equal(["opened", "closed", "paperReplaced", "paperReplaced"], await AuditActions(app, pollId));
        var tally = await Tally(chair, sessionId, pollId);
        Assert.Equal(28, tally.GetProperty("voted").GetInt32());
        Assert.Equal((23, 3, 2), Counts(tally.GetProperty("items")[0]));
        Assert.True(tally.GetProperty("enteredByHand").GetBoolean());
    }
}
