using InquiryLive.Accounts;
using InquiryLive.Data;
using InquiryLive.Domain;
using InquiryLive.Domain.Sessions;
using InquiryLive.Domain.Text;
using InquiryLive.Hosting;
using InquiryLive.Live;
using InquiryLive.Moderation;
using InquiryLive.Sessions;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace InquiryLive.Questions;

/// <summary>Viewers ask (群众点题 before the sitting, and live), "me too" (同问), and follow their own questions.</summary>
internal static class QuestionsApi
{
    public static RouteGroupBuilder MapQuestions(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/sessions/{sessionId:guid}").WithTags("Questions").RequireAuthorization(Policies.Public);
        group.MapPost("/questions", Ask).RequireRateLimiting(RateLimits.Questions).RequireAddressLimit(RateLimits.Questions);
        group.MapPost("/questions/{questionId:guid}/me-too", MeToo).RequireRateLimiting(RateLimits.MeToo).RequireAddressLimit(RateLimits.MeToo);
        group.MapGet("/my-questions", Mine);
        group.MapGet("/questions/approved", Approved);
        return group;
    }

    private static async Task<Results<Created<MyQuestionView>, Ok<MyQuestionView>, ValidationProblem>> Ask(
        Guid sessionId, AskRequest request, HttpContext http, AppDbContext db, PublicSessionCache sessions, GroupCommit commit,
        ISensitiveWords words, CancellationToken ct)
    {
        var viewerId = http.User.ViewerId()!;
        var text = PlainText.Normalize(request.Text);
        var nickname = PlainText.Normalize(request.Nickname);
        var errors = new InputErrors(http)
            .Require(string.IsNullOrEmpty(request.Website), "website", "提交未通过校验。", "The submission was refused.")
            .Require(request.Id is { } given && given != Guid.Empty, "id", "缺少问题编号。", "The question id is missing.")
            .Require(text.Length > 0, "text", "请填写问题内容。", "Please write your question.")
            .Require(PlainText.VisibleLength(text) <= QuestionRules.MaxTextLength, "text",
                $"问题不能超过 {QuestionRules.MaxTextLength} 字。", $"A question may have at most {QuestionRules.MaxTextLength} characters.")
            .Require(PlainText.VisibleLength(nickname) <= QuestionRules.MaxNicknameLength, "nickname",
                $"昵称不能超过 {QuestionRules.MaxNicknameLength} 字。", $"A nickname may have at most {QuestionRules.MaxNicknameLength} characters.");
        var departments = await sessions.DepartmentsAsync(db, sessionId, request.DepartmentId, ct);
        errors.Require(request.DepartmentId is not { } dep || departments.Contains(dep), "departmentId",
            DepartmentUnknownZh, DepartmentUnknownEn);
        if (errors.Any) return errors.ToProblem();

        var id = request.Id!.Value;
        var flags = words.Find(text + " " + nickname);
        var (question, created) = await commit.RunAsync(sessionId, async change =>
        {
            // No request token inside the batch: its reads are shared (see GroupCommit).
            var existing = await FindAskedAsync(change, id) ?? change.Db.Questions.Local.FindEntry(id)?.Entity;
            if (existing is not null)
            {
                // The same viewer sending the same id again is a retry: the same question, never a second.
                return existing.ViewerId == viewerId && existing.SessionId == sessionId
                    ? (existing, false)
                    : throw new DomainException("question.idTaken", "该问题编号已被使用，请刷新页面后重新提交。",
                        "This question id is already in use; reload the page and send again.");
            }
            if (!SessionStateMachine.AcceptsQuestions(change.Session.State))
            {
                throw new DomainException("questions.closed", "本场会议目前不接受提问。", "This session is not taking questions now.");
            }
            // Checked again under the session's write lock: a department may have been removed since.
            if (request.DepartmentId is { } chosen && !(await SessionDepartments(change)).Contains(chosen))
            {
                throw new DomainException("question.department", DepartmentUnknownZh, DepartmentUnknownEn, 400);
            }
            var q = new Question
            {
                Id = id, SessionId = sessionId, ViewerId = viewerId, Text = text,
                Nickname = nickname.Length > 0 ? nickname : null, DepartmentId = request.DepartmentId,
                Status = QuestionStatus.Pending, CreatedAt = change.Now,
                Flags = flags.Length > 0 ? string.Join(',', flags) : null,
            };
            change.Db.Questions.Add(q);
            change.PublishToStaff("question.submitted", new StaffQuestionChanged(StaffQuestionView.From(q)));
            return (q, true);
        }, ct, new AskedQuestion(id));
        var view = MyQuestionView.From(question);
        return created
            ? TypedResults.Created($"/api/sessions/{sessionId}/my-questions", view)
            : TypedResults.Ok(view);
    }

    /// <summary>The question a batch is asked to add, as its key in <see cref="GroupCommit"/>.</summary>
    private sealed record AskedQuestion(Guid Id);

    /// <summary>
    /// A stored question with this id, if any (a retry, or an id taken by someone else). One query for
    /// every question of the batch instead of one each: under a burst that lookup was the largest
    /// part of the writer's time per question (docs/benchmarks.md, question intake).
    /// </summary>
    private static async Task<Question?> FindAskedAsync(SessionChange change, Guid id)
    {
        var asked = await change.OnceAsync("questions.asked", async () =>
        {
            var ids = change.KeysInBatch<AskedQuestion>().Select(k => k.Id).Distinct().ToList();
            var stored = await change.Db.Questions.AsNoTracking().Where(q => ids.Contains(q.Id)).ToDictionaryAsync(q => q.Id);
            return (Looked: ids.ToHashSet(), Stored: stored);
        });
        if (asked.Looked.Contains(id)) return asked.Stored.GetValueOrDefault(id);
        return await change.Db.Questions.AsNoTracking().FirstOrDefaultAsync(q => q.Id == id);
    }

    private static async Task<Ok<PublicQuestionView>> MeToo(
        Guid sessionId, Guid questionId, HttpContext http, SessionCommands commands, CancellationToken ct)
    {
        var viewerId = http.User.ViewerId()!;
        var view = await commands.RunAsync(sessionId, async change =>
        {
            var q = await change.Db.Questions.FirstOrDefaultAsync(x => x.Id == questionId && x.SessionId == sessionId, ct);
            if (q is null || !QuestionRules.PublicStatuses.Contains(q.Status))
            {
                throw new DomainException("question.notFound", "没有找到该问题。", "No such question.", 404);
            }
            if (q.Status != QuestionStatus.Approved)
            {
                throw new DomainException("question.meTooClosed", "该问题已提出或已答复，不能再同问。", "This question has been put or answered already.");
            }
            if (q.ViewerId == viewerId)
            {
                throw new DomainException("question.ownQuestion", "这是您自己提的问题。", "This is your own question.");
            }
            if (await change.Db.MeToos.AnyAsync(m => m.QuestionId == questionId && m.ViewerId == viewerId, ct))
            {
                throw new DomainException("question.meTooAlready", "您已同问过这个问题。", "You have already said \"me too\" to this question.");
            }
            change.Db.MeToos.Add(new MeToo { QuestionId = questionId, ViewerId = viewerId, At = change.Now });
            q.MeTooCount++;
            QuestionPushes.PublicUpdated(change, q);
            QuestionPushes.Updated(change, q);
            return PublicQuestionView.From(q);
        }, ct);
        return TypedResults.Ok(view);
    }

    private static async Task<Ok<MyQuestionView[]>> Mine(Guid sessionId, HttpContext http, AppDbContext db, PublicSessionCache sessions, CancellationToken ct)
    {
        await sessions.DepartmentsAsync(db, sessionId, null, ct);
        var viewerId = http.User.ViewerId()!;
        var mine = await db.Questions.AsNoTracking()
            .Where(q => q.SessionId == sessionId && q.ViewerId == viewerId)
            .OrderByDescending(q => q.CreatedAt).Take(100)
            .ToListAsync(ct);
        return TypedResults.Ok(mine.Select(MyQuestionView.From).ToArray());
    }

    private static async Task<Ok<PublicQuestionView[]>> Approved(Guid sessionId, AppDbContext db, PublicSessionCache sessions, CancellationToken ct)
    {
        await sessions.DepartmentsAsync(db, sessionId, null, ct);
        return TypedResults.Ok(await ApprovedQuestions.ReadAsync(db, sessionId, ct));
    }

    private const string DepartmentUnknownZh = "请从本场会议的应询部门中选择。";
    private const string DepartmentUnknownEn = "Choose one of this session's departments.";

    /// <summary>The session's department ids, read once per grouped batch.</summary>
    private static Task<HashSet<int>> SessionDepartments(SessionChange change) =>
        change.OnceAsync("departments", () => change.Db.Departments.AsNoTracking()
            .Where(d => d.SessionId == change.Session.Id).Select(d => d.Id).ToHashSetAsync());
}
