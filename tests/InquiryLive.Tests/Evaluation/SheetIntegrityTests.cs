using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using InquiryLive.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static InquiryLive.Tests.Evaluation.IntegrityKit;

namespace InquiryLive.Tests.Evaluation;

/// <summary>A 测评表 of six items scored by the whole committee: every count adds up, every verdict follows the rule, no ballot counts twice.</summary>
public sealed class SheetIntegrityTests
{
    /// <summary>
    /// Each item's counts (满意, 基本满意, 不满意, blank) of 35 ballots under the default rule (满意＋基本满意 百分之八十以上 of 有效票;
    /// 过半数 of 35 must take part) and the verdict that follows.
    /// </summary>
    private static readonly (int S, int B, int D, int Blank, string Verdict)[] Plan =
    [
        (30, 3, 2, 0, "passed"),           // 33 / 35
        (10, 10, 15, 0, "reReportRequired"), // 20 / 35
        (0, 0, 0, 35, "invalid"),          // everyone left it blank: no 有效票 to count against
        (28, 0, 7, 0, "passed"),           // 28 / 35 is exactly 80 %: 百分之八十以上 includes the bound
        (20, 0, 4, 11, "passed"),          // 20 / 24
        (19, 8, 7, 1, "reReportRequired"), // 27 / 34 is 79.4 %
    ];

    /// <summary>Member k's sheet: each item's column of 35 choices, rotated differently per item so the sheets are mixed.</summary>
    private static string?[][] Sheets()
    {
        var columns = Plan.Select((p, item) =>
        {
            var column = Enumerable.Repeat<string?>("satisfied", p.S).Concat(Enumerable.Repeat<string?>("basicallySatisfied", p.B))
                .Concat(Enumerable.Repeat<string?>("dissatisfied", p.D)).Concat(Enumerable.Repeat<string?>(null, p.Blank)).ToArray();
            return column.Skip(item * 5).Concat(column.Take(item * 5)).ToArray();
        }).ToArray();
        return Enumerable.Range(0, 35).Select(k => columns.Select(c => c[k]).ToArray()).ToArray();
    }

    private static async Task<(Guid SessionId, HttpClient Chair, Guid PollId, long[] Items)> SixItemSheet(InquiryApp app)
    {
        var (sessionId, chair) = await Voting.LiveSession(app);
        var d = await DepartmentIds(app, sessionId);
        var (pollId, items) = await OpenSheet(chair, sessionId, d.Select(id => (object)new { departmentId = id }).Append(new { title = "审议意见办理情况" }));
        Assert.Equal(6, items.Length);
        return (sessionId, chair, pollId, items);
    }

    [Fact]
    public async Task SixItemSheet_ScoredBy35Members_AddsUpPerItem_AndEachVerdictFollowsTheRule()
    {
        using var app = new InquiryApp();
        var (sessionId, chair, pollId, items) = await SixItemSheet(app);
        var phones = await Voting.MembersByLink(app, sessionId, 35);
        var sheets = Sheets();
        Assert.All(sheets, s => Assert.Contains(s, c => c is not null));
        var ballotIds = sheets.Select(_ => Guid.NewGuid()).ToArray();

        var answers = await Task.WhenAll(phones.Select((p, k) => SubmitSheet(p, sessionId, pollId, items, sheets[k], ballotIds[k])));
        Assert.All(answers, a => Assert.Equal(HttpStatusCode.OK, a.StatusCode));
        // A retry of the same ballot answers as the first time and stores nothing more.
        foreach (var k in new[] { 0, 17, 34 })
        {
            var retry = await SubmitSheet(phones[k], sessionId, pollId, items, sheets[k], ballotIds[k]);
            Assert.Equal(HttpStatusCode.OK, retry.StatusCode);
            Assert.Equal(await answers[k].Content.ReadAsStringAsync(), await retry.Content.ReadAsStringAsync());
        }
        Assert.Equal(35, await app.Db(db => db.BallotReceipts.CountAsync(r => r.PollId == pollId)));
        Assert.Equal(Plan.Sum(p => p.S + p.B + p.D), await app.Db(db => db.BallotChoices.CountAsync(c => c.PollId == pollId)));

        var tally = await Voting.Close(chair, sessionId, pollId);

        Assert.Equal(35, tally.GetProperty("voted").GetInt32());
        Assert.Equal(JsonValueKind.Null, tally.GetProperty("verdict").ValueKind);
        var results = tally.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(items, results.Select(i => i.GetProperty("itemId").GetInt64()).ToArray());
        for (var i = 0; i < Plan.Length; i++)
        {
            var r = results[i];
            var (s, b, d, blank) = (r.GetProperty("satisfied").GetInt32(), r.GetProperty("basicallySatisfied").GetInt32(), r.GetProperty("dissatisfied").GetInt32(), r.GetProperty("blank").GetInt32());
            Assert.Equal((Plan[i].S, Plan[i].B, Plan[i].D, Plan[i].Blank), (s, b, d, blank));
            Assert.Equal(35, s + b + d + blank);
            Assert.Equal(s + b + d, r.GetProperty("valid").GetInt32());
            Assert.Equal(Plan[i].Verdict, r.GetProperty("verdict").GetString());
            Assert.Equal(Plan[i].Verdict == "reReportRequired", r.GetProperty("reportAgain").GetBoolean());
        }
        Assert.Equal("emptyBase", results[2].GetProperty("invalidReason").GetString());
        Assert.Equal("有效票为 0，无法得出测评结论。", results[2].GetProperty("invalidTextZh").GetString());
        Assert.Equal("满意＋基本满意 28 / 有效票 35", results[3].GetProperty("figures")[0].GetProperty("textZh").GetString());
        Assert.True(results[3].GetProperty("figures")[0].GetProperty("met").GetBoolean());
        Assert.Equal("满意＋基本满意 27 / 有效票 34", results[5].GetProperty("figures")[0].GetProperty("textZh").GetString());
        Assert.Equal("79.4%", results[5].GetProperty("figures")[0].GetProperty("percent").GetString());
        Assert.True(tally.GetProperty("anyInvalid").GetBoolean());

        var unconfirmed = await chair.PostAsJsonAsync($"/api/sessions/{sessionId}/polls/{pollId}/publish", new { });
        Assert.Equal("poll.invalidNeedsConfirmation", await Refused(unconfirmed, HttpStatusCode.Conflict));
        Assert.Contains("【市城市管理局】有效票为 0", await Detail(unconfirmed));
        Assert.Equal(HttpStatusCode.OK, (await Voting.Publish(chair, sessionId, pollId)).StatusCode);
        var report = await chair.GetFromJsonAsync<JsonElement>($"/api/sessions/{sessionId}/report");
        Assert.Equal([items[1], items[5]], report.GetProperty("reReportRequired").EnumerateArray().Select(r => r.GetProperty("itemId").GetInt64()).ToArray());
    }

    [Fact]
    public async Task FiftyParallelSheets_FromOneMemberWithDifferentBallotIds_CountOnce_AndTheRestAre409AlreadyVoted()
    {
        using var app = new InquiryApp();
        var (sessionId, chair, pollId, items) = await SixItemSheet(app);
        var phone = (await Voting.MembersByLink(app, sessionId, 1))[0];
        string?[] sheet = ["satisfied", "dissatisfied", null, "basicallySatisfied", "satisfied", null];

        var answers = await Task.WhenAll(Enumerable.Range(0, 50).Select(_ => SubmitSheet(phone, sessionId, pollId, items, sheet)));

        Assert.Single(answers, a => a.StatusCode == HttpStatusCode.OK);
        var refused = answers.Where(a => a.StatusCode != HttpStatusCode.OK).ToList();
        Assert.Equal(49, refused.Count);
        foreach (var r in refused) Assert.Equal("ballot.alreadyVoted", await Refused(r, HttpStatusCode.Conflict));
        Assert.Equal(1, await app.Db(db => db.BallotReceipts.CountAsync(r => r.PollId == pollId)));
        Assert.Equal(4, await app.Db(db => db.BallotChoices.CountAsync(c => c.PollId == pollId)));
        var tally = await Voting.Close(chair, sessionId, pollId);
        Assert.Equal(1, tally.GetProperty("voted").GetInt32());
        Assert.Equal(1, tally.GetProperty("items")[0].GetProperty("satisfied").GetInt32());
    }

    [Fact]
    public async Task FiftyParallelRetriesOfOneBallot_AllAnswer200TheSame_AndOneBallotIsStored()
    {
        using var app = new InquiryApp();
        var (sessionId, _, pollId, items) = await SixItemSheet(app);
        var phone = (await Voting.MembersByLink(app, sessionId, 1))[0];
        var ballotId = Guid.NewGuid();
        string?[] sheet = ["dissatisfied", "dissatisfied", "satisfied", null, null, "basicallySatisfied"];

        var answers = await Task.WhenAll(Enumerable.Range(0, 50).Select(_ => SubmitSheet(phone, sessionId, pollId, items, sheet, ballotId)));

        Assert.All(answers, a => Assert.Equal(HttpStatusCode.OK, a.StatusCode));
        var bodies = await Task.WhenAll(answers.Select(a => a.Content.ReadAsStringAsync()));
        Assert.Single(bodies.Distinct());
        Assert.Equal(ballotId, JsonDocument.Parse(bodies[0]).RootElement.GetProperty("ballotId").GetGuid());
        Assert.Equal(1, await app.Db(db => db.BallotReceipts.CountAsync(r => r.PollId == pollId)));
        Assert.Equal(4, await app.Db(db => db.BallotChoices.CountAsync(c => c.PollId == pollId)));
    }

    [Fact]
    public async Task TwoClosesRacingTheWholeCommittee_GiveOneTally_AndEveryBallotIsCountedOrRefused()
    {
        using var app = new InquiryApp();
        var (sessionId, chair, pollId, items) = await SixItemSheet(app);
        var phones = await Voting.MembersByLink(app, sessionId, 35);
        var sheets = Sheets();
        var closeUrl = $"/api/sessions/{sessionId}/polls/{pollId}/close";

        var submits = phones.Select((p, k) => SubmitSheet(p, sessionId, pollId, items, sheets[k])).ToList();
        var closes = new[] { chair.PostAsync(closeUrl, null), chair.PostAsync(closeUrl, null) };
        var answers = await Task.WhenAll(submits);
        var closed = await Task.WhenAll(closes);
        var again = await Voting.Close(chair, sessionId, pollId);

        var counted = answers.Count(a => a.StatusCode == HttpStatusCode.OK);
        var refused = answers.Where(a => a.StatusCode != HttpStatusCode.OK).ToList();
        foreach (var r in refused) Assert.Equal("ballot.pollClosed", await Refused(r, HttpStatusCode.Conflict));
        Assert.Equal(35, counted + refused.Count);
        Assert.All(closed, c => Assert.Equal(HttpStatusCode.OK, c.StatusCode));
        var tallies = (await Task.WhenAll(closed.Select(c => c.Content.ReadAsStringAsync()))).Append(again.GetRawText()).ToList();
        Assert.Single(tallies.Distinct());
        Assert.Equal(counted, again.GetProperty("voted").GetInt32());
        foreach (var item in again.GetProperty("items").EnumerateArray())
        {
            Assert.Equal(counted, item.GetProperty("satisfied").GetInt32() + item.GetProperty("basicallySatisfied").GetInt32()
                + item.GetProperty("dissatisfied").GetInt32() + item.GetProperty("blank").GetInt32());
        }
        Assert.Equal(counted, await app.Db(db => db.BallotReceipts.CountAsync(r => r.PollId == pollId)));
        Assert.Equal(["opened", "closed"], await AuditActions(app, pollId));
    }

    [Fact]
    public async Task InvalidSheetBallots_Are400_AndStoreNothing_NorSignTheMemberIn()
    {
        using var app = new InquiryApp();
        var (sessionId, _, pollId, items) = await SixItemSheet(app);
        var member = await app.SignedIn("member05");
        var url = $"/api/sessions/{sessionId}/polls/{pollId}/ballots";
        var refusals = new (object Body, string? Code)[]
        {
            (new { ballotId = Guid.NewGuid(), choices = new[] { new { itemId = 999_999L, choice = "satisfied" } } }, "ballot.unknownItem"),
            (new { ballotId = Guid.NewGuid(), choices = new[] { new { itemId = items[0], choice = "satisfied" }, new { itemId = items[0], choice = "dissatisfied" } } }, "ballot.unknownItem"),
            (new { ballotId = Guid.NewGuid(), choices = items.Select(id => new { itemId = id, choice = (string?)null }).ToArray() }, "ballot.empty"),
            (new { ballotId = Guid.NewGuid(), choice = "satisfied" }, "ballot.sheetChoices"),
            (new { ballotId = Guid.NewGuid(), choices = Array.Empty<object>() }, null),
            (new { ballotId = Guid.NewGuid(), choice = "satisfied", choices = new[] { new { itemId = items[0], choice = "satisfied" } } }, null),
            (new { ballotId = Guid.NewGuid(), choices = new[] { new { itemId = items[0], choice = "excellent" } } }, null),
        };

        foreach (var (body, code) in refusals)
        {
            var response = await member.PostAsJsonAsync(url, body);
            Assert.Equal(code, await Refused(response, HttpStatusCode.BadRequest));
        }

        Assert.Equal(0, await app.Db(db => db.BallotReceipts.CountAsync()));
        Assert.Equal(0, await app.Db(db => db.BallotChoices.CountAsync()));
        var me = await member.GetFromJsonAsync<JsonElement>($"/api/sessions/{sessionId}/polls/current");
        Assert.False(me.GetProperty("hasVoted").GetBoolean());
        Assert.Equal("absent", me.GetProperty("attendance").GetString());
        // Nothing was held against the member: a good ballot is taken.
        Assert.Equal(HttpStatusCode.OK, (await SubmitSheet(member, sessionId, pollId, items, ["satisfied", null, null, null, null, null])).StatusCode);
    }

    [Fact]
    public async Task ASheetItemLeftBlank_WhenTheRuleForbidsBlanks_Is400ItemRequired_AndStoresNothing()
    {
        using var app = new InquiryApp();
        var sessionId = await app.DemoSessionId();
        var admin = await app.SignedIn("admin");
        Assert.Equal(HttpStatusCode.OK, (await admin.PatchAsJsonAsync($"/api/sessions/{sessionId}", new { allowBlankItems = false })).StatusCode);
        var (_, chair) = await Voting.LiveSession(app);
        var d = await DepartmentIds(app, sessionId);
        var (pollId, items) = await OpenSheet(chair, sessionId, [new { departmentId = d[0] }, new { departmentId = d[1] }, new { departmentId = d[2] }]);
        var phone = (await Voting.MembersByLink(app, sessionId, 1))[0];
        Assert.False((await phone.GetFromJsonAsync<JsonElement>($"/api/sessions/{sessionId}/polls/current")).GetProperty("poll").GetProperty("allowBlank").GetBoolean());

        var blank = await SubmitSheet(phone, sessionId, pollId, items, ["satisfied", null, "dissatisfied"]);
        var missing = await phone.PostAsJsonAsync($"/api/sessions/{sessionId}/polls/{pollId}/ballots",
            new { ballotId = Guid.NewGuid(), choices = new[] { new { itemId = items[0], choice = "satisfied" } } });

        Assert.Equal("ballot.itemRequired", await Refused(blank, HttpStatusCode.BadRequest));
        Assert.Contains("市市场监督管理局", await Detail(blank));
        Assert.Equal("ballot.itemRequired", await Refused(missing, HttpStatusCode.BadRequest));
        Assert.Equal(0, await app.Db(db => db.BallotReceipts.CountAsync()));
        Assert.Equal(0, await app.Db(db => db.BallotChoices.CountAsync()));
        Assert.Equal(HttpStatusCode.OK, (await SubmitSheet(phone, sessionId, pollId, items, ["satisfied", "basicallySatisfied", "dissatisfied"])).StatusCode);
    }
}
