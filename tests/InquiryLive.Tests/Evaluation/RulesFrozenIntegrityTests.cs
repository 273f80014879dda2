using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using InquiryLive.Tests.Infrastructure;
using static InquiryLive.Tests.Evaluation.IntegrityKit;

namespace InquiryLive.Tests.Evaluation;

/// <summary>The rules in force are fixed once the sitting goes live; PUT replaces all and erases nothing by omission; PATCH changes what it carries.</summary>
public sealed class RulesFrozenIntegrityTests
{
    private static readonly string[] RuleFields = ["ruleSet", "bar", "barBase", "turnout", "turnoutBase", "namedVoting", "allowBlankItems"];

    /// <summary>A full PUT body with the session's current values (the 16 fields and nothing else).</summary>
    private static JsonObject FullBody(JsonElement settings)
    {
        var body = new JsonObject();
        foreach (var field in new[] { "title", "topic", "description", "scheduledStart", "streamUrl", "askSeconds", "answerSeconds", "followUpSeconds", "followUpAllowed" }
            .Concat(RuleFields))
        {
            body[field] = JsonNode.Parse(settings.GetProperty(field).GetRawText());
        }
        return body;
    }

    private static Task<HttpResponseMessage> Put(HttpClient admin, Guid sessionId, JsonObject body) =>
        admin.PutAsync($"/api/sessions/{sessionId}", new StringContent(body.ToJsonString(), System.Text.Encoding.UTF8, "application/json"));

    private static Task<HttpResponseMessage> Patch(HttpClient admin, Guid sessionId, object body) =>
        admin.PatchAsJsonAsync($"/api/sessions/{sessionId}", body);

    [Fact]
    public async Task RuleChanges_AfterTheSittingWentLive_Are409RulesFrozen_AndChangeNothing()
    {
        using var app = new InquiryApp();
        var (sessionId, chair) = await Voting.LiveSession(app);
        var admin = await app.SignedIn("admin");
        var before = await Settings(admin, sessionId);
        Assert.True(before.GetProperty("rulesFrozen").GetBoolean());
        var changes = new object[]
        {
            new { ruleSet = "majority" }, new { bar = "ninetyPercentOrMore" }, new { barBase = "roster" }, new { turnout = "twoThirdsOrMore" },
            new { turnoutBase = "present" }, new { namedVoting = true }, new { allowBlankItems = false },
            new { title = "改了标题", ruleSet = "majority", barBase = "roster", bar = "moreThanHalf" },
        };

        foreach (var change in changes)
        {
            var response = await Patch(admin, sessionId, change);
            Assert.Equal("session.rulesFrozen", await Refused(response, HttpStatusCode.Conflict));
            Assert.Contains("已锁定", await Detail(response));
        }
        foreach (var (field, value) in new (string, JsonNode)[] { ("ruleSet", "majority"), ("bar", "ninetyPercentOrMore"), ("namedVoting", true), ("allowBlankItems", false) })
        {
            var body = FullBody(before);
            body[field] = value;
            body["title"] = "整体修改的新标题";
            Assert.Equal("session.rulesFrozen", await Refused(await Put(admin, sessionId, body), HttpStatusCode.Conflict));
        }
        // Paused (and later) the rules stay frozen.
        Assert.Equal(HttpStatusCode.OK, (await chair.PostAsJsonAsync($"/api/sessions/{sessionId}/transitions", new { to = "paused" })).StatusCode);
        Assert.Equal("session.rulesFrozen", await Refused(await Patch(admin, sessionId, new { bar = "seventyPercentOrMore" }), HttpStatusCode.Conflict));
        var english = new HttpRequestMessage(HttpMethod.Patch, $"/api/sessions/{sessionId}") { Content = JsonContent.Create(new { namedVoting = true }) };
        english.Headers.AcceptLanguage.ParseAdd("en");
        var inEnglish = await admin.SendAsync(english);
        Assert.Contains("frozen", await Detail(inEnglish));

        var after = await Settings(admin, sessionId);
        Assert.Equal(Without(before, "state"), Without(after, "state"));
    }

    [Fact]
    public async Task SameRuleValues_AfterTheSittingWentLive_AreAccepted_WithTheOtherChanges()
    {
        using var app = new InquiryApp();
        var (sessionId, _) = await Voting.LiveSession(app);
        var admin = await app.SignedIn("admin");
        var before = await Settings(admin, sessionId);

        var patch = await Patch(admin, sessionId, new
        {
            title = "新标题", ruleSet = "rate", bar = "eightyPercentOrMore", barBase = "validBallots", turnout = "moreThanHalf", turnoutBase = "roster",
            namedVoting = false, allowBlankItems = true,
        });
        Assert.Equal(HttpStatusCode.OK, patch.StatusCode);
        Assert.Equal("新标题", (await Json(patch)).GetProperty("title").GetString());
        var body = FullBody(before);
        body["answerSeconds"] = 240;
        var put = await Put(admin, sessionId, body);
        Assert.Equal(HttpStatusCode.OK, put.StatusCode);

        var after = await Settings(admin, sessionId);
        Assert.Equal(before.GetProperty("title").GetString(), after.GetProperty("title").GetString());
        Assert.Equal(240, after.GetProperty("answerSeconds").GetInt32());
        foreach (var field in RuleFields.Append("rule"))
        {
            Assert.Equal(before.GetProperty(field).GetRawText(), after.GetProperty(field).GetRawText());
        }
    }

    [Fact]
    public async Task Put_WithoutAField_Is400NamingTheField_AndErasesNothing()
    {
        using var app = new InquiryApp();
        var sessionId = await app.DemoSessionId();
        var admin = await app.SignedIn("admin");
        Assert.Equal(HttpStatusCode.OK, (await Patch(admin, sessionId, new { description = "会议简介", streamUrl = "https://live.example.cn/stream" })).StatusCode);
        var before = await Settings(admin, sessionId);

        foreach (var field in new[] { "description", "streamUrl", "topic", "allowBlankItems", "turnoutBase", "askSeconds" })
        {
            var body = FullBody(before);
            body.Remove(field);
            body["title"] = "不应生效的标题";
            var response = await Put(admin, sessionId, body);
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            var errors = (await Json(response)).GetProperty("errors");
            Assert.Equal([field], errors.EnumerateObject().Select(e => e.Name).ToArray());
        }
        var nullTitle = FullBody(before);
        nullTitle["title"] = null;
        Assert.True((await Json(await Put(admin, sessionId, nullTitle))).GetProperty("errors").TryGetProperty("title", out _));

        Assert.Equal(before.GetRawText(), (await Settings(admin, sessionId)).GetRawText());
        Assert.Equal("会议简介", before.GetProperty("description").GetString());
    }

    [Fact]
    public async Task Patch_ChangesOnlyTheFieldsItCarries()
    {
        using var app = new InquiryApp();
        var sessionId = await app.DemoSessionId();
        var admin = await app.SignedIn("admin");
        Assert.Equal(HttpStatusCode.OK, (await Patch(admin, sessionId, new { description = "会议简介", streamUrl = "https://live.example.cn/stream" })).StatusCode);
        var before = await Settings(admin, sessionId);

        Assert.Equal(HttpStatusCode.OK, (await Patch(admin, sessionId, new { askSeconds = 90 })).StatusCode);
        var afterAsk = await Settings(admin, sessionId);
        Assert.Equal(90, afterAsk.GetProperty("askSeconds").GetInt32());
        Assert.Equal(Without(before, "askSeconds"), Without(afterAsk, "askSeconds"));

        // Before the sitting, the rules may change; only the fields carried do.
        Assert.Equal(HttpStatusCode.OK, (await Patch(admin, sessionId, new { ruleSet = "majority", bar = "moreThanHalf", barBase = "roster" })).StatusCode);
        var afterRule = await Settings(admin, sessionId);
        Assert.Equal(("majority", "moreThanHalf", "roster"), (afterRule.GetProperty("ruleSet").GetString(), afterRule.GetProperty("bar").GetString(),
            afterRule.GetProperty("barBase").GetString()));
        Assert.Equal(Without(afterAsk, "ruleSet", "bar", "barBase", "rule"), Without(afterRule, "ruleSet", "bar", "barBase", "rule"));
        Assert.False(afterRule.GetProperty("rulesFrozen").GetBoolean());
    }

    private static string Without(JsonElement settings, params string[] fields) =>
        string.Join("|", settings.EnumerateObject().Where(p => !fields.Contains(p.Name)).Select(p => $"{p.Name}={p.Value.GetRawText()}"));

    [Fact]
    public async Task Roster_CannotChangeWhileAVoteOrSheetIsOpen()
    {
        using var app = new InquiryApp();
        var (sessionId, chair) = await Voting.LiveSession(app);
        var admin = await app.SignedIn("admin");
        var group = await Json(await admin.PostAsJsonAsync($"/api/sessions/{sessionId}/evaluator-groups", new { name = "列席代表" }));
        var departments = await DepartmentIds(app, sessionId);
        var ids = await MemberIds(app, sessionId);

        var single = await Voting.Open(chair, sessionId);
        await AssertRosterFrozen();
        await Voting.Close(chair, sessionId, single);
        await OpenSheet(chair, sessionId, [new { departmentId = departments[0] }, new { departmentId = departments[1] }]);
        await AssertRosterFrozen();

        async Task AssertRosterFrozen()
        {
            Assert.Equal("member.voteOpen", await Refused(await admin.PostAsJsonAsync($"/api/sessions/{sessionId}/members", new { displayName = "新委员" }), HttpStatusCode.Conflict));
            Assert.Equal("member.voteOpen", await Refused(await admin.PostAsJsonAsync($"/api/sessions/{sessionId}/members",
                new { displayName = "列席代表甲", groupId = group.GetProperty("id").GetInt32() }), HttpStatusCode.Conflict));
            Assert.Equal("member.voteOpen", await Refused(await admin.DeleteAsync($"/api/sessions/{sessionId}/members/{ids[^1]}"), HttpStatusCode.Conflict));
            Assert.Equal(ids, await MemberIds(app, sessionId));
        }
    }

    [Fact]
    public async Task EvaluatorGroups_CannotChangeWhileAVoteIsOpen()
    {
        using var app = new InquiryApp();
        var (sessionId, chair) = await Voting.LiveSession(app);
        var admin = await app.SignedIn("admin");
        var empty = await Json(await admin.PostAsJsonAsync($"/api/sessions/{sessionId}/evaluator-groups", new { name = "市民代表" }));
        await Voting.Open(chair, sessionId);

        var add = await admin.PostAsJsonAsync($"/api/sessions/{sessionId}/evaluator-groups", new { name = "列席代表" });
        var remove = await admin.DeleteAsync($"/api/sessions/{sessionId}/evaluator-groups/{empty.GetProperty("id").GetInt32()}");

        Assert.Equal("member.voteOpen", await Refused(add, HttpStatusCode.Conflict));
        Assert.Equal("member.voteOpen", await Refused(remove, HttpStatusCode.Conflict));
        var groups = await admin.GetFromJsonAsync<JsonElement>($"/api/sessions/{sessionId}/evaluator-groups");
        Assert.Equal(["市民代表"], groups.EnumerateArray().Select(g => g.GetProperty("name").GetString()!).ToArray());
    }
}
