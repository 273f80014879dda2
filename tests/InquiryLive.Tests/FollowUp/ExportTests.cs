using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using CsvHelper;
using InquiryLive.FollowUp;
using InquiryLive.Tests.Infrastructure;

namespace InquiryLive.Tests.FollowUp;

public sealed class ExportTests
{
    private static async Task<(byte[] Bytes, List<T> Rows, HttpResponseMessage Response)> Csv<T>(HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        using var reader = new StreamReader(new MemoryStream(bytes), new UTF8Encoding(true), detectEncodingFromByteOrderMarks: true);
        using var csv = new CsvReader(reader, CultureInfo.InvariantCulture);
        return (bytes, csv.GetRecords<T>().ToList(), response);
    }

    private static void AssertUtf8Bom(byte[] bytes) => Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes[..3]);

    [Fact]
    public async Task QuestionsCsv_HasABom_OneRowPerQuestion_AndEscapesFormulas()
    {
        using var app = new InquiryApp();
        var s = await FinishedSitting.ArrangeAsync(app);
        var (bytes, rows, response) = await Csv<QuestionCsvRow>(await app.SignedIn("clerk"), $"/api/sessions/{s.SessionId}/exports/questions.csv");

        AssertUtf8Bom(bytes);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
        Assert.EndsWith(".csv", response.Content.Headers.ContentDisposition?.FileName?.Trim('"'), StringComparison.Ordinal);
        Assert.Equal(s.QuestionCount, rows.Count);
        Assert.Equal(2, rows.Count(r => r.Outcome == "未采用"));
        Assert.Equal("合并", rows.Single(r => r.Text == "电梯维修资金何时到位？").Outcome);
        Assert.Equal(2, rows.Single(r => r.Id == s.DeferredQuestion).AskedBy);
        // A cell that would start a formula in Excel is escaped, not run.
        Assert.Equal("'" + FinishedSitting.FormulaQuestion, rows.Single(r => r.Status == "未采用" && r.Department != "").Text);
    }

    [Fact]
    public async Task ModerationCsv_HasOneRowPerAuditEntry()
    {
        using var app = new InquiryApp();
        var s = await FinishedSitting.ArrangeAsync(app);
        var (bytes, rows, _) = await Csv<ModerationCsvRow>(await app.SignedIn("admin"), $"/api/sessions/{s.SessionId}/exports/moderation.csv");
        AssertUtf8Bom(bytes);
        Assert.Equal(s.ModerationCount, rows.Count);
        Assert.Equal(2, rows.Count(r => r.Action == "reject"));
        Assert.All(rows, r => Assert.Equal("moderator1", r.Moderator));
    }

    [Fact]
    public async Task VotesCsv_HasEveryClosedVote_WithCountsAndVerdicts()
    {
        using var app = new InquiryApp();
        var s = await FinishedSitting.ArrangeAsync(app);
        var (bytes, rows, _) = await Csv<VoteCsvRow>(await app.SignedIn("clerk"), $"/api/sessions/{s.SessionId}/exports/votes.csv");
        AssertUtf8Bom(bytes);
        Assert.Equal(4, rows.Count);
        var reReport = rows.Single(r => r.PollId == s.ReReportPoll);
        Assert.Equal(("12", "10", "11", "35", "33"), (reReport.Satisfied, reReport.BasicallySatisfied, reReport.Dissatisfied, reReport.Expected, reReport.Voted));
        Assert.Equal("须再次报告", reReport.Verdict);
        Assert.Contains("满意＋基本满意 22 / 有效票 33（66.6%，须百分之八十以上，未达到）", reReport.Figures);
        Assert.Contains("参加测评 33 / 全体组成人员 35", reReport.Figures);
        Assert.Equal("常委会组成人员", reReport.Evaluators);
        Assert.Equal("是", rows.Single(r => r.PollId == s.HandEnteredPoll).EnteredByHand);
        // The clerk may not see a tally before it is published: the row says so and carries no count.
        var unpublished = rows.Single(r => r.PollId == s.UnpublishedPoll);
        Assert.Equal("未公布", unpublished.State);
        Assert.Equal("", unpublished.Satisfied);
        Assert.StartsWith("未公布", unpublished.Verdict);
    }

    [Fact]
    public async Task SessionJson_ArchivesTheWholeSession_WithoutViewerIds()
    {
        using var app = new InquiryApp();
        var s = await FinishedSitting.ArrangeAsync(app);
        var response = await (await app.SignedIn("clerk")).GetAsync($"/api/sessions/{s.SessionId}/exports/session.json");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
        var text = await response.Content.ReadAsStringAsync();
        var archive = JsonDocument.Parse(text).RootElement;

        Assert.Equal(s.QuestionCount, archive.GetProperty("questions").GetArrayLength());
        Assert.Equal(s.ModerationCount, archive.GetProperty("moderation").GetArrayLength());
        Assert.Equal(3, archive.GetProperty("report").GetProperty("floor").GetArrayLength());
        Assert.Equal(6, archive.GetProperty("agenda").GetArrayLength());
        Assert.DoesNotContain(FinishedSitting.AskerViewerId, text, StringComparison.Ordinal);
        Assert.DoesNotContain("viewer-other", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Exports_OfAnUnknownSession_Get404()
    {
        using var app = new InquiryApp();
        var clerk = await app.SignedIn("clerk");
        Assert.Equal(HttpStatusCode.NotFound, (await clerk.GetAsync($"/api/sessions/{Guid.NewGuid()}/exports/questions.csv")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await clerk.GetAsync($"/api/sessions/{Guid.NewGuid()}/exports/votes.csv")).StatusCode);
    }
}
