using InquiryLive.Accounts;
using InquiryLive.Data;
using InquiryLive.Domain;
using InquiryLive.Questions;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace InquiryLive.Agenda;

/// <summary>What the chair reads: the approved online questions, ranked, and the floor history.</summary>
internal static class FloorReadApi
{
    public const int MaxOnlineQuestions = 200;

    public static RouteGroupBuilder MapFloorReads(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/sessions/{sessionId:guid}/floor").WithTags("Floor").RequireAuthorization(Policies.ChairOnly);
        group.MapGet("/online-questions", OnlineQuestions);
        group.MapGet("/history", History);
        return group;
    }

    /// <summary>
    /// Approved, not yet asked: most asked first ("N people asked this" = 1 + merged + me-too),
    /// then the oldest, so a question that waited longer wins a tie.
    /// </summary>
    private static async Task<Ok<List<PublicQuestionView>>> OnlineQuestions(Guid sessionId, int? departmentId, AppDbContext db, CancellationToken ct)
    {
        await RequireSessionAsync(db, sessionId, ct);
        var rows = await db.Questions.AsNoTracking()
            .Where(q => q.SessionId == sessionId && q.Status == QuestionStatus.Approved)
            .Where(q => departmentId == null || q.DepartmentId == departmentId)
            .OrderByDescending(q => 1 + q.MergedCount + q.MeTooCount).ThenBy(q => q.CreatedAt)
            .Take(MaxOnlineQuestions)
            .ToListAsync(ct);
        return TypedResults.Ok(rows.Select(PublicQuestionView.From).ToList());
    }

    private static async Task<Ok<List<FloorView>>> History(Guid sessionId, AppDbContext db, CancellationToken ct)
    {
        await RequireSessionAsync(db, sessionId, ct);
        var items = await db.FloorItems.AsNoTracking().Include(f => f.FollowUps)
            .Where(f => f.SessionId == sessionId).OrderBy(f => f.Order).ToListAsync(ct);
        var names = await db.Departments.AsNoTracking().Where(d => d.SessionId == sessionId).ToDictionaryAsync(d => d.Id, d => d.Name, ct);
        return TypedResults.Ok(items
            .Select(f => AgendaQueries.ToView(f, f.DepartmentId is { } id ? names.GetValueOrDefault(id) : null)).ToList());
    }

    private static async Task RequireSessionAsync(AppDbContext db, Guid sessionId, CancellationToken ct)
    {
        if (!await db.Sessions.AnyAsync(s => s.Id == sessionId, ct))
        {
            throw new DomainException("session.notFound", "没有找到该询问会议。", "No such inquiry session.", 404);
        }
    }
}
