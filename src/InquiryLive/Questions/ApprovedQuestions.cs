using InquiryLive.Data;
using InquiryLive.Sessions;
using Microsoft.EntityFrameworkCore;

namespace InquiryLive.Questions;

/// <summary>
/// The public list of approved questions, most asked first ("N people asked this"). It is the
/// snapshot section <c>questions</c> and the answer of GET .../questions/approved.
/// </summary>
public sealed class ApprovedQuestions : ISnapshotPart
{
    public const int Limit = 200;

    public string Name => "questions";

    public async Task<object?> ReadAsync(AppDbContext db, InquirySession session, CancellationToken ct) =>
        await ReadAsync(db, session.Id, ct);

    public static async Task<PublicQuestionView[]> ReadAsync(AppDbContext db, Guid sessionId, CancellationToken ct)
    {
        var rows = await db.Questions.AsNoTracking()
            .Where(q => q.SessionId == sessionId && QuestionRules.PublicStatuses.Contains(q.Status))
            .OrderByDescending(q => q.MergedCount + q.MeTooCount).ThenBy(q => q.CreatedAt)
            .Take(Limit)
            .ToListAsync(ct);
        return rows.Select(PublicQuestionView.From).ToArray();
    }
}
