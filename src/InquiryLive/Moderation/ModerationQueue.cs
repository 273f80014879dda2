using InquiryLive.Data;
using InquiryLive.Questions;
using InquiryLive.Sessions;
using Microsoft.EntityFrameworkCore;

namespace InquiryLive.Moderation;

/// <summary>What the moderator asked to see: one status, optional department, flag and text filters.</summary>
public sealed record QueueFilter(QuestionStatus Status, int? DepartmentId, bool FlaggedOnly, string? Search, bool NewestFirst, int Offset, int Limit);

/// <summary>How many questions are in each state (the counters above the queue).</summary>
public sealed record QueueCounts(int Pending, int Approved, int Rejected, int Merged, int FlaggedPending);

/// <summary>One page of the queue, the total that matches the filter, and the counters.</summary>
public sealed record QueuePage(IReadOnlyList<StaffQuestionView> Items, int Total, int Offset, int Limit, QueueCounts Counts);

/// <summary>
/// Reads the queue. The (SessionId, Status, CreatedAt) index serves the common case (one status,
/// oldest or newest first); filters narrow that index range, so 10,000 pending stay quick.
/// </summary>
internal static class ModerationQueue
{
    public static async Task<QueuePage> ReadAsync(AppDbContext db, Guid sessionId, QueueFilter f, CancellationToken ct)
    {
        var query = db.Questions.AsNoTracking().Where(q => q.SessionId == sessionId && q.Status == f.Status);
        if (f.DepartmentId is { } d) query = query.Where(q => q.DepartmentId == d);
        if (f.FlaggedOnly) query = query.Where(q => q.Flags != null && q.Flags != "");
        if (!string.IsNullOrEmpty(f.Search))
        {
            var pattern = "%" + f.Search.Replace("\\", "\\\\").Replace("%", "\\%").Replace("_", "\\_") + "%";
            query = query.Where(q => EF.Functions.Like(q.Text, pattern, "\\") || (q.OriginalText != null && EF.Functions.Like(q.OriginalText, pattern, "\\")));
        }
        var total = await query.CountAsync(ct);
        var ordered = f.NewestFirst
            ? query.OrderByDescending(q => q.CreatedAt).ThenByDescending(q => q.Id)
            : query.OrderBy(q => q.CreatedAt).ThenBy(q => q.Id);
        var rows = await ordered.Skip(f.Offset).Take(f.Limit).ToListAsync(ct);
        return new QueuePage(rows.Select(StaffQuestionView.From).ToList(), total, f.Offset, f.Limit, await CountsAsync(db, sessionId, ct));
    }

    public static async Task<QueueCounts> CountsAsync(AppDbContext db, Guid sessionId, CancellationToken ct)
    {
        var byStatus = await db.Questions.AsNoTracking().Where(q => q.SessionId == sessionId)
            .GroupBy(q => q.Status).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        var flagged = await db.Questions.AsNoTracking()
            .CountAsync(q => q.SessionId == sessionId && q.Status == QuestionStatus.Pending && q.Flags != null && q.Flags != "", ct);
        return new QueueCounts(
            byStatus.GetValueOrDefault(QuestionStatus.Pending), byStatus.GetValueOrDefault(QuestionStatus.Approved),
            byStatus.GetValueOrDefault(QuestionStatus.Rejected), byStatus.GetValueOrDefault(QuestionStatus.Merged), flagged);
    }
}

/// <summary>Staff snapshot section "queueCounts".</summary>
internal sealed class QueueCountsPart : ISnapshotPart
{
    public string Name => "queueCounts";
    public bool StaffOnly => true;

    public async Task<object?> ReadAsync(AppDbContext db, InquirySession session, CancellationToken ct) =>
        await ModerationQueue.CountsAsync(db, session.Id, ct);
}
