using InquiryLive.Accounts;
using InquiryLive.Data;
using InquiryLive.Domain.Text;
using InquiryLive.Hosting;
using InquiryLive.Questions;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace InquiryLive.Moderation;

public sealed record ApproveRequest(int? DepartmentId);
public sealed record RejectRequest(string? Reason);
public sealed record EditRequest(string? Text);
public sealed record MergeRequest(Guid? TargetId);
public sealed record ModerationSettings(string[] RejectReasons, int ClaimSeconds, int UndoSeconds);

/// <summary>The moderation console's API: the queue, the decisions, duplicates, the audit log.</summary>
internal static class ModerationApi
{
    public const int MaxReasonLength = 200;
    public const int MaxTextLength = 1000;

    public static RouteGroupBuilder MapModeration(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/sessions/{sessionId:guid}/moderation").WithTags("Moderation")
            .RequireAuthorization(Policies.Moderation);
        group.MapGet("/settings", Settings);
        group.MapGet("/queue", Queue);
        group.MapPost("/questions/{questionId:guid}/claim", Claim);
        group.MapPost("/questions/{questionId:guid}/release", Release);
        group.MapPost("/questions/{questionId:guid}/approve", Approve);
        group.MapPost("/questions/{questionId:guid}/reject", Reject);
        group.MapPost("/questions/{questionId:guid}/edit", Edit);
        group.MapPost("/questions/{questionId:guid}/merge", Merge);
        group.MapPost("/undo", Undo);
        DuplicateEndpoints.Map(group);
        AuditEndpoints.Map(group);
        SensitiveWordsEndpoints.Map(app);
        return group;
    }

    internal static string Me(HttpContext http) =>
        http.User.UserName() ?? throw new InvalidOperationException("The Moderation policy admits accounts only.");

    private static Ok<ModerationSettings> Settings(IOptions<ModerationOptions> options) =>
        TypedResults.Ok(new ModerationSettings(options.Value.RejectReasons, options.Value.ClaimSeconds, options.Value.UndoSeconds));

    private static async Task<Results<Ok<QueuePage>, ValidationProblem>> Queue(
        Guid sessionId, string? status, int? departmentId, bool? flagged, string? q, string? order, int? offset, int? limit,
        AppDbContext db, HttpContext http, CancellationToken ct)
    {
        var errors = new InputErrors(http);
        var parsed = QuestionStatus.Pending;
        errors.Require(status is null || (Enum.TryParse(status, ignoreCase: true, out parsed) && Enum.IsDefined(parsed)),
            "status", "未知的状态。", "Unknown status.");
        errors.Require(order is null or "oldest" or "newest", "order", "排序只能是 oldest 或 newest。", "Order is oldest or newest.");
        errors.Require(offset is null or >= 0, "offset", "起始位置不能为负。", "Offset cannot be negative.");
        errors.Require(limit is null or (>= 1 and <= 200), "limit", "每页 1 到 200 条。", "Limit is 1 to 200.");
        var search = PlainText.Normalize(q);
        errors.Require(search.Length <= 100, "q", "搜索词太长。", "The search text is too long.");
        if (errors.Any) return errors.ToProblem();
        var filter = new QueueFilter(parsed, departmentId, flagged ?? false, search.Length == 0 ? null : search,
            order == "newest", offset ?? 0, limit ?? 50);
        return TypedResults.Ok(await ModerationQueue.ReadAsync(db, sessionId, filter, ct));
    }

    private static async Task<Ok<StaffQuestionView>> Claim(Guid sessionId, Guid questionId, ModerationDesk desk, HttpContext http, CancellationToken ct) =>
        TypedResults.Ok(await desk.ClaimAsync(sessionId, questionId, Me(http), ct));

    private static async Task<Ok<StaffQuestionView>> Release(Guid sessionId, Guid questionId, ModerationDesk desk, HttpContext http, CancellationToken ct) =>
        TypedResults.Ok(await desk.ReleaseAsync(sessionId, questionId, Me(http), ct));

    private static async Task<Ok<StaffQuestionView>> Approve(
        Guid sessionId, Guid questionId, ApproveRequest? request, ModerationDesk desk, HttpContext http, CancellationToken ct) =>
        TypedResults.Ok(await desk.ApproveAsync(sessionId, questionId, request?.DepartmentId, Me(http), ct));

    private static async Task<Results<Ok<StaffQuestionView>, ValidationProblem>> Reject(
        Guid sessionId, Guid questionId, RejectRequest request, ModerationDesk desk, HttpContext http, CancellationToken ct)
    {
        var reason = PlainText.Normalize(request.Reason);
        var errors = new InputErrors(http)
            .Require(reason.Length > 0, "reason", "请选择或填写不采纳的理由。", "Choose or write a reason for the rejection.")
            .Require(PlainText.VisibleLength(reason) <= MaxReasonLength, "reason", $"理由最多 {MaxReasonLength} 字。", $"The reason may have at most {MaxReasonLength} characters.");
        if (errors.Any) return errors.ToProblem();
        return TypedResults.Ok(await desk.RejectAsync(sessionId, questionId, reason, Me(http), ct));
    }

    private static async Task<Results<Ok<StaffQuestionView>, ValidationProblem>> Edit(
        Guid sessionId, Guid questionId, EditRequest request, ModerationDesk desk, HttpContext http, CancellationToken ct)
    {
        var text = PlainText.Normalize(request.Text, keepLineBreaks: true);
        var errors = new InputErrors(http)
            .Require(text.Length > 0, "text", "问题内容不能为空。", "The question text cannot be empty.")
            .Require(PlainText.VisibleLength(text) <= MaxTextLength, "text", $"问题最多 {MaxTextLength} 字。", $"A question may have at most {MaxTextLength} characters.");
        if (errors.Any) return errors.ToProblem();
        return TypedResults.Ok(await desk.EditAsync(sessionId, questionId, text, Me(http), ct));
    }

    private static async Task<Results<Ok<StaffQuestionView>, ValidationProblem>> Merge(
        Guid sessionId, Guid questionId, MergeRequest request, ModerationDesk desk, HttpContext http, CancellationToken ct)
    {
        var errors = new InputErrors(http)
            .Require(request.TargetId is not null, "targetId", "请选择要合并到的问题。", "Choose the question to merge into.")
            .Require(request.TargetId != questionId, "targetId", "不能合并到问题自身。", "A question cannot be merged into itself.");
        if (errors.Any) return errors.ToProblem();
        return TypedResults.Ok(await desk.MergeAsync(sessionId, request.TargetId!.Value, [questionId], Me(http), ct));
    }

    private static async Task<Ok<StaffQuestionView>> Undo(Guid sessionId, ModerationDesk desk, HttpContext http, CancellationToken ct) =>
        TypedResults.Ok(await desk.UndoAsync(sessionId, Me(http), ct));
}
