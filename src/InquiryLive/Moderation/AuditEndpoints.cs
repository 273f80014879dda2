using System.Globalization;
using System.Text;
using CsvHelper;
using CsvHelper.Configuration;
using InquiryLive.Data;
using InquiryLive.Hosting;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace InquiryLive.Moderation;

public sealed record AuditEntry(
    long Id, Guid QuestionId, string Moderator, string Action, string? BeforeText, string? AfterText, string? Reason,
    Guid? TargetQuestionId, DateTimeOffset At, DateTimeOffset? UndoneAt);

public sealed record AuditPage(IReadOnlyList<AuditEntry> Items, int Total, int Offset, int Limit);

/// <summary>The moderation audit log: readable by admins and moderators, exportable as CSV for the record.</summary>
internal static class AuditEndpoints
{
    public static void Map(RouteGroupBuilder group)
    {
        group.MapGet("/audit", Read);
        group.MapGet("/audit.csv", Export);
    }

    private static IQueryable<AuditEntry> Entries(AppDbContext db, Guid sessionId, Guid? questionId) => db.ModerationDecisions.AsNoTracking()
        .Where(d => d.SessionId == sessionId && (questionId == null || d.QuestionId == questionId))
        .OrderByDescending(d => d.Id)
        .Select(d => new AuditEntry(d.Id, d.QuestionId, d.Moderator, d.Action, d.BeforeText, d.AfterText, d.Reason, d.TargetQuestionId, d.At, d.UndoneAt));

    private static async Task<Results<Ok<AuditPage>, ValidationProblem>> Read(
        Guid sessionId, Guid? questionId, int? offset, int? limit, AppDbContext db, HttpContext http, CancellationToken ct)
    {
        var errors = new InputErrors(http)
            .Require(offset is null or >= 0, "offset", "起始位置不能为负。", "Offset cannot be negative.")
            .Require(limit is null or (>= 1 and <= 500), "limit", "每页 1 到 500 条。", "Limit is 1 to 500.");
        if (errors.Any) return errors.ToProblem();
        var query = Entries(db, sessionId, questionId);
        var total = await query.CountAsync(ct);
        var items = await query.Skip(offset ?? 0).Take(limit ?? 100).ToListAsync(ct);
        return TypedResults.Ok(new AuditPage(items, total, offset ?? 0, limit ?? 100));
    }

    private static async Task<FileContentHttpResult> Export(Guid sessionId, AppDbContext db, TimeProvider time, CancellationToken ct)
    {
        var items = await Entries(db, sessionId, null).ToListAsync(ct);
        using var buffer = new MemoryStream();
        // UTF-8 with BOM so spreadsheet programs read the Chinese text correctly.
        await using (var writer = new StreamWriter(buffer, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), leaveOpen: true))
        await using (var csv = new CsvWriter(writer, new CsvConfiguration(CultureInfo.InvariantCulture) { InjectionOptions = InjectionOptions.Escape }))
        {
            await csv.WriteRecordsAsync(items.OrderBy(i => i.Id), ct);
        }
        var name = $"moderation-audit-{time.GetUtcNow():yyyyMMdd-HHmm}.csv";
        return TypedResults.File(buffer.ToArray(), "text/csv; charset=utf-8", name);
    }
}
