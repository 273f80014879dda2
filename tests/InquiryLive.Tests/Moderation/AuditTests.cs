using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CsvHelper;
using InquiryLive.Tests.Infrastructure;

namespace InquiryLive.Tests.Moderation;

public sealed class AuditTests
{
    [Fact]
    public async Task EveryDecision_IsInTheAuditLog_AndTheCsvExportParsesBack()
    {
        using var app = new InquiryApp();
        var sessionId = await app.DemoSessionId();
        var a = await app.Submit(sessionId, "=HYPERLINK(\"http://x\") 物业费账目公开吗？");
        var b = await app.Submit(sessionId, "小区门禁系统收费合理吗，\"一卡\"要两百？");
        var c = await app.Submit(sessionId, "门禁卡收费两百合理吗？");
        var m1 = await app.SignedIn("moderator1");
        var m2 = await app.SignedIn("moderator2");
        (await m1.Act(sessionId, a, "edit", new { text = "物业费账目公开吗？" })).EnsureSuccessStatusCode();
        (await m1.Act(sessionId, a, "approve")).EnsureSuccessStatusCode();
        (await m2.Act(sessionId, b, "reject", new { reason = "含人身攻击或不文明用语" })).EnsureSuccessStatusCode();
        (await m2.PostAsJsonAsync(ModerationTestKit.Url(sessionId, "undo"), new { })).EnsureSuccessStatusCode();
        (await m2.Act(sessionId, c, "merge", new { targetId = b })).EnsureSuccessStatusCode();

        var admin = await app.SignedIn("admin");
        var page = await admin.GetFromJsonAsync<JsonElement>(ModerationTestKit.Url(sessionId, "audit"));
        Assert.Equal(5, page.GetProperty("total").GetInt32());
        var actions = page.GetProperty("items").EnumerateArray().Select(i => (i.GetProperty("moderator").GetString(), i.GetProperty("action").GetString())).ToArray();
        Assert.Equal([("moderator2", "merge"), ("moderator2", "undo"), ("moderator2", "reject"), ("moderator1", "approve"), ("moderator1", "edit")], actions);

        var csv = await admin.GetAsync(ModerationTestKit.Url(sessionId, "audit.csv"));
        Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
        Assert.Equal("text/csv", csv.Content.Headers.ContentType?.MediaType);
        var bytes = await csv.Content.ReadAsByteArrayAsync();
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes[..3]);
        using var reader = new CsvReader(new StreamReader(new MemoryStream(bytes)), CultureInfo.InvariantCulture);
        var rows = reader.GetRecords<dynamic>().Cast<IDictionary<string, object>>().ToList();
        Assert.Equal(5, rows.Count);
        var edit = rows[0];
        Assert.Equal("edit", edit["Action"]);
        Assert.Equal("moderator1", edit["Moderator"]);
        Assert.Equal("物业费账目公开吗？", edit["AfterText"]);
        // A formula in user text is neutralised for spreadsheets.
        Assert.StartsWith("'=HYPERLINK", (string)edit["BeforeText"]);
        Assert.Equal("含人身攻击或不文明用语", rows[2]["Reason"]);
        Assert.Equal(b.ToString(), rows[4]["TargetQuestionId"]);
    }
}
