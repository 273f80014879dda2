using System.Globalization;
using System.Text;
using System.Text.Json;
using CsvHelper;
using CsvHelper.Configuration;
using InquiryLive.Accounts;
using InquiryLive.Data;
using InquiryLive.Domain.FollowUp;
using InquiryLive.Live;
using InquiryLive.Sessions;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace InquiryLive.FollowUp;

/// <summary>
/// Exports for the committee's office (Admin, Clerk): CSV in UTF-8 with a BOM, so Excel shows Chinese
/// correctly, and cells that would start a formula escaped; and one JSON file of the whole session.
/// </summary>
internal static class ExportsApi
{
    private static readonly CsvConfiguration Csv = new(CultureInfo.InvariantCulture) { InjectionOptions = InjectionOptions.Escape };

    public static RouteGroupBuilder MapExports(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/sessions/{sessionId:guid}/exports").WithTags("FollowUp").RequireAuthorization(Policies.ClerkWork);
        group.MapGet("/questions.csv", Questions);
        group.MapGet("/moderation.csv", Moderation);
        group.MapGet("/votes.csv", Votes);
        group.MapGet("/session.json", Archive);
        return group;
    }

    private static async Task<FileContentHttpResult> Questions(Guid sessionId, AppDbContext db, TimeProvider time, CancellationToken ct)
    {
        var names = await Names(db, sessionId, ct);
        var rows = (await db.Questions.AsNoTracking().Where(q => q.SessionId == sessionId).ToListAsync(ct))
            .OrderBy(q => q.CreatedAt)
            .Select(q => new QuestionCsvRow
            {
                Id = q.Id, CreatedAt = RectificationRules.Local(q.CreatedAt), Nickname = q.Nickname ?? "",
                Department = q.DepartmentId is { } d ? names.GetValueOrDefault(d, "") : "", Text = q.Text, OriginalText = q.OriginalText ?? "",
                Status = Labels.Status(q.Status), Outcome = Labels.Outcome(q), AskedBy = 1 + q.MergedCount + q.MeTooCount,
                MergedInto = q.MergedIntoId?.ToString() ?? "", RejectReason = q.RejectReason ?? "", DecidedBy = q.DecidedBy ?? "",
                DecidedAt = RectificationRules.Local(q.DecidedAt), AskedAt = RectificationRules.Local(q.AskedAt),
                WrittenReply = q.WrittenReply ?? "", WrittenReplyAt = RectificationRules.Local(q.WrittenReplyAt),
            });
        return CsvFile(rows, FileName("questions", "csv", time));
    }

    private static async Task<FileContentHttpResult> Moderation(Guid sessionId, AppDbContext db, TimeProvider time, CancellationToken ct)
    {
        await Names(db, sessionId, ct);
        var rows = (await db.ModerationDecisions.AsNoTracking().Where(m => m.SessionId == sessionId).ToListAsync(ct))
            .OrderBy(m => m.At).ThenBy(m => m.Id)
            .Select(m => new ModerationCsvRow
            {
                At = RectificationRules.Local(m.At), Moderator = m.Moderator, Action = m.Action, QuestionId = m.QuestionId,
                BeforeText = m.BeforeText ?? "", AfterText = m.AfterText ?? "", Reason = m.Reason ?? "",
                TargetQuestionId = m.TargetQuestionId?.ToString() ?? "", UndoneAt = RectificationRules.Local(m.UndoneAt),
            });
        return CsvFile(rows, FileName("moderation-log", "csv", time));
    }

    private static async Task<FileContentHttpResult> Votes(Guid sessionId, ReportBuilder reports, HttpContext http, TimeProvider time, CancellationToken ct)
    {
        var report = await reports.BuildAsync(sessionId, http.User, ct);
        return CsvFile(report.Votes.SelectMany(VoteRows.Of), FileName("votes", "csv", time));
    }

    private static async Task<FileContentHttpResult> Archive(
        Guid sessionId, ReportBuilder reports, AppDbContext db, HttpContext http, TimeProvider time, CancellationToken ct)
    {
        var report = await reports.BuildAsync(sessionId, http.User, ct);
        var names = await Names(db, sessionId, ct);
        var items = await db.RectificationItems.AsNoTracking().Include(r => r.Updates).Where(r => r.SessionId == sessionId).ToListAsync(ct);
        var archive = new
        {
            format = "inquirylive.session/1",
            exportedAt = time.GetUtcNow(),
            report,
            agenda = await db.AgendaItems.AsNoTracking().Where(a => a.SessionId == sessionId).OrderBy(a => a.Order).ToListAsync(ct),
            // Viewer ids stay out of the archive: they identify browsers, and the record does not need them.
            questions = (await db.Questions.AsNoTracking().Where(q => q.SessionId == sessionId).ToListAsync(ct))
                .OrderBy(q => q.CreatedAt).Select(q => new { view = InquiryLive.Questions.StaffQuestionView.From(q), q.ReadBy, q.AskedAt, q.WrittenReply, q.WrittenReplyAt }),
            moderation = (await db.ModerationDecisions.AsNoTracking().Where(m => m.SessionId == sessionId).ToListAsync(ct)).OrderBy(m => m.At),
            rectifications = items.OrderBy(r => r.Id).Select(r => new RectificationDetail(
                RectificationView.From(r, names.GetValueOrDefault(r.DepartmentId), time.GetUtcNow()), r.CreatedBy,
                r.Updates.OrderBy(u => u.At).ThenBy(u => u.Id).Select(u => new RectificationUpdateView(u.Id, u.Kind, u.Note, u.By, u.At)).ToList())),
            writtenReplies = (await db.WrittenReplies.AsNoTracking().Where(w => w.SessionId == sessionId).ToListAsync(ct)).OrderBy(w => w.At),
            feed = (await db.FeedPosts.AsNoTracking().Where(f => f.SessionId == sessionId).ToListAsync(ct)).OrderBy(f => f.PostedAt),
        };
        var bytes = JsonSerializer.SerializeToUtf8Bytes(archive, LiveJson.Options);
        return TypedResults.File(bytes, "application/json; charset=utf-8", FileName("session", "json", time));
    }

    private static async Task<Dictionary<int, string>> Names(AppDbContext db, Guid sessionId, CancellationToken ct) =>
        await db.Sessions.AnyAsync(s => s.Id == sessionId, ct)
            ? await FollowUpQueries.DepartmentNamesAsync(db, sessionId, ct)
            : throw new Domain.DomainException("session.notFound", "没有找到该询问会议。", "No such inquiry session.", 404);

    private static string FileName(string what, string ext, TimeProvider time) =>
        $"inquiry-{what}-{time.GetUtcNow().ToOffset(RectificationRules.ChinaOffset):yyyyMMdd-HHmm}.{ext}";

    internal static FileContentHttpResult CsvFile<T>(IEnumerable<T> rows, string fileName)
    {
        using var buffer = new MemoryStream();
        using (var writer = new StreamWriter(buffer, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true)))
        using (var csv = new CsvWriter(writer, Csv))
        {
            csv.WriteRecords(rows);
        }
        return TypedResults.File(buffer.ToArray(), "text/csv; charset=utf-8", fileName);
    }
}
