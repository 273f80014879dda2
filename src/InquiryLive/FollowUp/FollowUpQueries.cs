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
        var names = await DepartmentNamesAsync(db, sessionId, ct);
        var polls = await db.Polls.AsNoTracking().Where(p => p.SessionId == sessionId && p.PublishedAt != null).ToListAsync(ct);
        var ratings = await PublicRatingsAsync(db, polls.Select(p => p.Id).ToList(), ct);
        return polls.OrderByDescending(p => p.PublishedAt)
            .Select(p => Result(p, names, ratings.GetValueOrDefault(p.Id))).ToList();
    }

    public static async Task<Dictionary<Guid, PublicRatingView>> PublicRatingsAsync(AppDbContext db, List<Guid> pollIds, CancellationToken ct)
    {
        var rows = await db.PublicRatings.AsNoTracking().Where(r => pollIds.Contains(r.PollId))
            .GroupBy(r => new { r.PollId, r.Choice }).Select(g => new { g.Key.PollId, g.Key.Choice, Count = g.Count() })
            .ToListAsync(ct);
        return rows.GroupBy(r => r.PollId).ToDictionary(g => g.Key, g => new PublicRatingView(
            g.Where(r => r.Choice == Choice.Satisfied).Sum(r => r.Count),
            g.Where(r => r.Choice == Choice.BasicallySatisfied).Sum(r => r.Count),
            g.Where(r => r.Choice == Choice.Dissatisfied).Sum(r => r.Count)));
    }

    public static PollResultView Result(Poll p, IReadOnlyDictionary<int, string> names, PublicRatingView? rating) => new(
        p.Id, p.Title, p.DepartmentId, p.DepartmentId is { } d ? names.GetValueOrDefault(d) : null, p.Satisfied,
        p.BasicallySatisfied, p.Dissatisfied, p.Entitled, p.Voted, p.Rate, p.Verdict ?? "", p.RuleSet, p.RateThreshold,
        p.EnteredByHand, p.PublishedAt ?? p.ClosedAt ?? p.OpenedAt, p.FollowsPollId, rating);

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
