using InquiryLive.Data;
using InquiryLive.Polls;
using InquiryLive.Questions;
using Microsoft.EntityFrameworkCore;

namespace InquiryLive.FollowUp;

/// <summary>Read-only queries the report, the exports and the public results share.</summary>
internal static class FollowUpQueries
{
    public static Task<Dictionary<int, string>> DepartmentNamesAsync(AppDbContext db, Guid sessionId, CancellationToken ct) =>
        db.Departments.AsNoTracking().Where(d => d.SessionId == sessionId).ToDictionaryAsync(d => d.Id, d => d.Name, ct);

    /// <summary>Every item, by deadline (soonest first), then by when it was made.</summary>
    public static async Task<List<RectificationView>> RectificationsAsync(AppDbContext db, Guid sessionId, DateTimeOffset now, CancellationToken ct)
    {
        var names = await DepartmentNamesAsync(db, sessionId, ct);
        var items = await db.RectificationItems.AsNoTracking().Where(r => r.SessionId == sessionId).ToListAsync(ct);
        return items.OrderBy(r => r.Deadline).ThenBy(r => r.Id)
            .Select(r => RectificationView.From(r, names.GetValueOrDefault(r.DepartmentId), now)).ToList();
    }

    /// <summary>Published results only (PublishedAt set), newest first, with the public's own rating apart.</summary>
    public static async Task<List<PollResultView>> PublishedResultsAsync(AppDbContext db, Guid sessionId, CancellationToken ct)
    {
        var polls = await db.Polls.AsNoTracking().Include(p => p.Items).Where(p => p.SessionId == sessionId && p.PublishedAt != null).ToListAsync(ct);
        return await PollResults.BuildAsync(db, polls.OrderByDescending(p => p.PublishedAt).ToList(), forStaff: false, ct);
    }

    /// <summary>Written replies the public may read: to questions that had been approved for the public list.</summary>
    public static async Task<List<PublicWrittenReplyView>> PublicWrittenRepliesAsync(AppDbContext db, Guid sessionId, CancellationToken ct)
    {
        var names = await DepartmentNamesAsync(db, sessionId, ct);
        var publicIds = await db.WrittenReplies.AsNoTracking().Where(w => w.SessionId == sessionId && w.Public)
            .Select(w => w.QuestionId).Distinct().ToListAsync(ct);
        var questions = await db.Questions.AsNoTracking()
            .Where(q => q.SessionId == sessionId && publicIds.Contains(q.Id) && q.Status == QuestionStatus.AnsweredInWriting && q.WrittenReply != null)
            .ToListAsync(ct);
        return questions.OrderByDescending(q => q.WrittenReplyAt)
            .Select(q => new PublicWrittenReplyView(q.Id, q.Text, q.DepartmentId,
                q.DepartmentId is { } d ? names.GetValueOrDefault(d) : null, q.WrittenReply!, q.WrittenReplyAt ?? q.CreatedAt))
            .ToList();
    }
}
