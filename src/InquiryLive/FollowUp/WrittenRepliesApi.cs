using InquiryLive.Accounts;
using InquiryLive.Data;
using InquiryLive.Domain;
using InquiryLive.Domain.Sessions;
using InquiryLive.Domain.Text;
using InquiryLive.Hosting;
using InquiryLive.Live;
using InquiryLive.Questions;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace InquiryLive.FollowUp;

public sealed record WrittenReplyRequest(string? Text, int? DepartmentId);

/// <summary>
/// Written replies (书面答复) to viewers' questions that were deferred or not reached: a clerk enters
/// the department's reply, and the asker sees it on "my questions" at once.
/// </summary>
internal static class WrittenRepliesApi
{
    public const int MaxReplyLength = 8000;

    public static RouteGroupBuilder MapWrittenReplies(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/sessions/{sessionId:guid}").WithTags("FollowUp");
        group.MapPut("/questions/{questionId:guid}/written-reply", Reply).RequireAuthorization(Policies.ClerkWork);
        group.MapGet("/written-replies/awaiting", Awaiting).RequireAuthorization(Policies.Staff);
        return group;
    }

    /// <summary>Which questions may get a written reply: deferred, approved but never asked, pending once the sitting is over, or a correction.</summary>
    internal static bool Eligible(QuestionStatus status, SessionState session) => status switch
    {
        QuestionStatus.Deferred or QuestionStatus.Approved or QuestionStatus.AnsweredInWriting => true,
        QuestionStatus.Pending => session == SessionState.Ended,
        _ => false,
    };

    private static async Task<Results<Ok<MyQuestionView>, ValidationProblem>> Reply(
        Guid sessionId, Guid questionId, WrittenReplyRequest request, AppDbContext db, SessionCommands commands,
        HttpContext http, CancellationToken ct)
    {
        var text = PlainText.Normalize(request.Text, keepLineBreaks: true);
        var errors = new InputErrors(http)
            .Require(text.Length > 0, "text", "请填写答复内容。", "Write the reply.")
            .Require(text.Length <= MaxReplyLength, "text", "答复不能超过 8000 字。", "The reply may not exceed 8000 characters.");
        if (request.DepartmentId is { } dep)
        {
            errors.Require(await db.Departments.AnyAsync(d => d.SessionId == sessionId && d.Id == dep, ct),
                "departmentId", "请选择本次会议的应询部门。", "Choose a department of this session.");
        }
        if (errors.Any) return errors.ToProblem();

        var by = http.User.UserName()!;
        var view = await commands.RunAsync(sessionId, async change =>
        {
            var q = await change.Db.Questions.FirstOrDefaultAsync(x => x.SessionId == sessionId && x.Id == questionId, ct)
                ?? throw new DomainException("question.notFound", "没有找到该问题。", "No such question.", 404);
            if (!Eligible(q.Status, change.Session.State))
            {
                throw new DomainException("writtenReply.notEligible",
                    "只有延后答复、未及询问或会后仍待审核的问题才能书面答复。",
                    "Only deferred questions, approved ones not reached, or pending ones after the sitting get a written reply.");
            }
            var wasPublic = q.Status is QuestionStatus.Approved or QuestionStatus.Deferred
                || (q.Status == QuestionStatus.AnsweredInWriting
                    && await change.Db.WrittenReplies.AnyAsync(w => w.QuestionId == q.Id && w.Public, ct));
            q.DepartmentId = request.DepartmentId ?? q.DepartmentId;
            q.WrittenReply = text;
            q.WrittenReplyAt = change.Now;
            q.Status = QuestionStatus.AnsweredInWriting;
            change.Db.WrittenReplies.Add(new WrittenReplyRecord
            {
                SessionId = sessionId, QuestionId = q.Id, DepartmentId = q.DepartmentId, Text = text, Public = wasPublic, By = by, At = change.Now,
            });
            QuestionPushes.Updated(change, q);
            if (wasPublic) QuestionPushes.PublicUpdated(change, q);
            QuestionPushes.NotifyAsker(change, q);
            return MyQuestionView.From(q);
        }, ct);
        return TypedResults.Ok(view);
    }

    private static async Task<Ok<AwaitingReplyGroup[]>> Awaiting(Guid sessionId, AppDbContext db, CancellationToken ct)
    {
        var session = await db.Sessions.AsNoTracking().Where(s => s.Id == sessionId).Select(s => new { s.State }).FirstOrDefaultAsync(ct)
            ?? throw new DomainException("session.notFound", "没有找到该询问会议。", "No such inquiry session.", 404);
        var includePending = session.State == SessionState.Ended;
        var questions = await db.Questions.AsNoTracking()
            .Where(q => q.SessionId == sessionId && (q.Status == QuestionStatus.Deferred || q.Status == QuestionStatus.Approved
                || (includePending && q.Status == QuestionStatus.Pending)))
            .ToListAsync(ct);
        var departments = await db.Departments.AsNoTracking().Where(d => d.SessionId == sessionId).OrderBy(d => d.Order).ToListAsync(ct);
        var groups = questions.GroupBy(q => q.DepartmentId)
            .OrderBy(g => g.Key is null ? int.MaxValue : departments.FindIndex(d => d.Id == g.Key))
            .Select(g => new AwaitingReplyGroup(g.Key, departments.FirstOrDefault(d => d.Id == g.Key)?.Name,
                g.OrderByDescending(q => 1 + q.MergedCount + q.MeTooCount).ThenBy(q => q.CreatedAt)
                    .Select(q => new AwaitingReplyView(q.Id, q.Text, q.Nickname, Camel(q.Status), 1 + q.MergedCount + q.MeTooCount, q.CreatedAt, q.WrittenReply))
                    .ToList()))
            .ToArray();
        return TypedResults.Ok(groups);
    }

    private static string Camel(QuestionStatus s) => System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(s.ToString());
}
