using InquiryLive.Domain;
using InquiryLive.Domain.Moderation;
using InquiryLive.Live;
using InquiryLive.Questions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace InquiryLive.Moderation;

/// <summary>
/// The moderation decisions. Each one runs inside <see cref="SessionCommands.RunAsync"/>: the
/// question is read and checked under the session's write lock, so of two moderators racing for
/// the same question exactly one wins; the change, its audit row and its events commit together.
/// </summary>
internal sealed partial class ModerationDesk(SessionCommands commands, ISensitiveWords words, IOptions<ModerationOptions> options)
{
    private readonly ModerationOptions _options = options.Value;

    public Task<StaffQuestionView> ClaimAsync(Guid sessionId, Guid questionId, string me, CancellationToken ct) =>
        commands.RunAsync(sessionId, async change =>
        {
            var q = await Load(change, questionId, ct);
            EnsurePending(q);
            ModerationRules.EnsureNotHeldByOther(q.ClaimedBy, q.ClaimedUntil, me, change.Now);
            q.ClaimedBy = me;
            q.ClaimedUntil = change.Now + _options.Claim;
            QuestionPushes.Updated(change, q);
            return StaffQuestionView.From(q);
        }, ct);

    public Task<StaffQuestionView> ReleaseAsync(Guid sessionId, Guid questionId, string me, CancellationToken ct) =>
        commands.RunAsync(sessionId, async change =>
        {
            var q = await Load(change, questionId, ct);
            if (q.ClaimedBy == me)
            {
                q.ClaimedBy = null;
                q.ClaimedUntil = null;
                QuestionPushes.Updated(change, q);
            }
            return StaffQuestionView.From(q);
        }, ct);

    public Task<StaffQuestionView> ApproveAsync(Guid sessionId, Guid questionId, int? departmentId, string me, CancellationToken ct) =>
        commands.RunAsync(sessionId, async change =>
        {
            var q = await Load(change, questionId, ct);
            EnsurePending(q);
            ModerationRules.EnsureNotHeldByOther(q.ClaimedBy, q.ClaimedUntil, me, change.Now);
            if (departmentId is { } d && !await change.Db.Departments.AnyAsync(x => x.Id == d && x.SessionId == sessionId, ct))
            {
                throw new DomainException("department.notFound", "该会议没有这个应询部门。", "No such department in this session.", 400);
            }
            var prior = PriorState.Of(q);
            q.Status = QuestionStatus.Approved;
            q.DepartmentId = departmentId ?? q.DepartmentId;
            Decide(change, q, me);
            Audit(change, q, me, ModerationActions.Approve, prior, before: q.Text, after: q.Text);
            QuestionPushes.Updated(change, q);
            QuestionPushes.Approved(change, q);
            QuestionPushes.NotifyAsker(change, q);
            return StaffQuestionView.From(q);
        }, ct);

    public Task<StaffQuestionView> RejectAsync(Guid sessionId, Guid questionId, string reason, string me, CancellationToken ct) =>
        commands.RunAsync(sessionId, async change =>
        {
            var q = await Load(change, questionId, ct);
            EnsurePending(q);
            ModerationRules.EnsureNotHeldByOther(q.ClaimedBy, q.ClaimedUntil, me, change.Now);
            var prior = PriorState.Of(q);
            q.Status = QuestionStatus.Rejected;
            q.RejectReason = reason;
            Decide(change, q, me);
            Audit(change, q, me, ModerationActions.Reject, prior, before: q.Text, reason: reason);
            QuestionPushes.Updated(change, q);
            QuestionPushes.NotifyAsker(change, q);
            return StaffQuestionView.From(q);
        }, ct);

    public Task<StaffQuestionView> EditAsync(Guid sessionId, Guid questionId, string text, string me, CancellationToken ct) =>
        commands.RunAsync(sessionId, async change =>
        {
            var q = await Load(change, questionId, ct);
            if (q.Status is not (QuestionStatus.Pending or QuestionStatus.Approved)) throw Decided(q);
            ModerationRules.EnsureNotHeldByOther(q.ClaimedBy, q.ClaimedUntil, me, change.Now);
            if (q.Text == text)
            {
                throw new DomainException("question.textUnchanged", "文字没有改动。", "The text is unchanged.", 400);
            }
            var prior = PriorState.Of(q);
            q.OriginalText ??= q.Text;
            q.Text = text;
            var flags = words.Find(text);
            q.Flags = flags.Length == 0 ? null : string.Join(',', flags);
            Audit(change, q, me, ModerationActions.Edit, prior, before: prior.Text, after: text);
            QuestionPushes.Updated(change, q);
            if (q.Status == QuestionStatus.Approved) QuestionPushes.PublicUpdated(change, q);
            QuestionPushes.NotifyAsker(change, q);
            return StaffQuestionView.From(q);
        }, ct);

    internal static async Task<Question> Load(SessionChange change, Guid questionId, CancellationToken ct) =>
        await change.Db.Questions.FirstOrDefaultAsync(q => q.Id == questionId && q.SessionId == change.Session.Id, ct)
        ?? throw new DomainException("question.notFound", "没有找到该问题。", "No such question.", 404);

    private static void EnsurePending(Question q)
    {
        if (q.Status != QuestionStatus.Pending) throw Decided(q);
    }

    internal static void Decide(SessionChange change, Question q, string me)
    {
        q.DecidedBy = me;
        q.DecidedAt = change.Now;
        q.ClaimedBy = null;
        q.ClaimedUntil = null;
    }

    internal static void Audit(SessionChange change, Question q, string me, string action, PriorState prior,
        string? before = null, string? after = null, string? reason = null, Guid? target = null) =>
        change.Db.ModerationDecisions.Add(new ModerationDecision
        {
            SessionId = q.SessionId, QuestionId = q.Id, Moderator = me, Action = action, At = change.Now,
            BeforeText = before, AfterText = after, Reason = reason, TargetQuestionId = target, PriorState = prior.ToJson(),
        });

    /// <summary>409 naming who decided the question and what became of it; nothing is overwritten.</summary>
    internal static DomainException Decided(Question q)
    {
        var by = q.DecidedBy;
        var (zh, en) = StatusNames(q.Status);
        return new DomainException("question.decided",
            by is null ? $"该问题已是“{zh}”状态，未作更改。" : $"该问题已由 {by} 处理（{zh}），未作更改。",
            by is null ? $"This question is already {en}; nothing was changed." : $"This question was already decided by {by} ({en}); nothing was changed.");
    }

    internal static DomainException ChangedSince(string? by) => new("moderation.changedSince",
        by is null ? "该问题在您决定后已有变化，不能撤销。" : $"{by} 在您之后处理了该问题，不能撤销。",
        by is null ? "The question changed after your decision; it cannot be undone." : $"{by} acted on the question after you; it cannot be undone.");

    internal static (string Zh, string En) StatusNames(QuestionStatus s) => s switch
    {
        QuestionStatus.Pending => ("待审核", "pending"),
        QuestionStatus.Approved => ("已通过", "approved"),
        QuestionStatus.Rejected => ("未采纳", "rejected"),
        QuestionStatus.Merged => ("已合并", "merged"),
        QuestionStatus.AskedLive => ("已现场提问", "asked live"),
        QuestionStatus.Answered => ("已答复", "answered"),
        QuestionStatus.Deferred => ("待后续答复", "deferred"),
        _ => ("已书面答复", "answered in writing"),
    };
}
