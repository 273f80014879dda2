using InquiryLive.Domain;
using InquiryLive.Domain.Moderation;
using InquiryLive.Live;
using InquiryLive.Questions;
using Microsoft.EntityFrameworkCore;

namespace InquiryLive.Moderation;

/// <summary>Merging duplicates (one or a whole cluster at once) and undoing one's last decision.</summary>
internal sealed partial class ModerationDesk
{
    public Task<StaffQuestionView> MergeAsync(Guid sessionId, Guid targetId, IReadOnlyList<Guid> sourceIds, string me, CancellationToken ct) =>
        commands.RunAsync(sessionId, async change =>
        {
            var target = await change.Db.Questions.FirstOrDefaultAsync(x => x.Id == targetId && x.SessionId == sessionId, ct)
                ?? throw new DomainException("merge.targetNotFound", "要合并到的问题不存在。", "The question to merge into does not exist.", 400);
            if (target.Status is not (QuestionStatus.Pending or QuestionStatus.Approved))
            {
                throw new DomainException("merge.targetState", "只能合并到待审核或已通过的问题。", "Questions can only be merged into a pending or approved question.");
            }
            foreach (var sourceId in sourceIds)
            {
                await MergeOne(change, target, sourceId, me, ct);
            }
            QuestionPushes.Updated(change, target);
            if (target.Status == QuestionStatus.Approved) QuestionPushes.PublicUpdated(change, target);
            return StaffQuestionView.From(target);
        }, ct);

    private async Task MergeOne(SessionChange change, Question target, Guid sourceId, string me, CancellationToken ct)
    {
        var source = await Load(change, sourceId, ct);
        if (source.Status is not (QuestionStatus.Pending or QuestionStatus.Approved)) throw Decided(source);
        ModerationRules.EnsureNotHeldByOther(source.ClaimedBy, source.ClaimedUntil, me, change.Now);
        var weight = 1 + source.MergedCount + source.MeTooCount;
        var prior = PriorState.Of(source, weight);
        var wasApproved = source.Status == QuestionStatus.Approved;
        target.MergedCount += weight;
        source.Status = QuestionStatus.Merged;
        source.MergedIntoId = target.Id;
        Decide(change, source, me);
        Audit(change, source, me, ModerationActions.Merge, prior, before: source.Text, after: target.Text, target: target.Id);
        QuestionPushes.Updated(change, source);
        if (wasApproved) QuestionPushes.Withdrawn(change, source);
        QuestionPushes.NotifyAsker(change, source);
    }

    /// <summary>Undoes the caller's own latest decision in this session, within the undo window.</summary>
    public Task<StaffQuestionView> UndoAsync(Guid sessionId, string me, CancellationToken ct) =>
        commands.RunAsync(sessionId, async change =>
        {
            var db = change.Db;
            var last = await db.ModerationDecisions
                .Where(d => d.SessionId == sessionId && d.Moderator == me && d.Action != ModerationActions.Undo)
                .OrderByDescending(d => d.Id).FirstOrDefaultAsync(ct);
            if (last is null || last.UndoneAt is not null || last.PriorState is null)
            {
                throw new DomainException("moderation.nothingToUndo", "没有可以撤销的决定。", "There is no decision to undo.");
            }
            ModerationRules.EnsureUndoWindowOpen(last.At, change.Now, _options.UndoWindow);
            var touched = new[] { last.QuestionId, last.TargetQuestionId ?? last.QuestionId };
            var later = await db.ModerationDecisions
                .Where(d => d.Id > last.Id && d.UndoneAt == null && d.Action != ModerationActions.Undo && touched.Contains(d.QuestionId))
                .Select(d => d.Moderator).FirstOrDefaultAsync(ct);
            var q = await Load(change, last.QuestionId, ct);
            var expected = last.Action switch
            {
                ModerationActions.Approve => QuestionStatus.Approved,
                ModerationActions.Reject => QuestionStatus.Rejected,
                ModerationActions.Merge => QuestionStatus.Merged,
                _ => q.Status,
            };
            if (later is not null || q.Status != expected) throw ChangedSince(later);

            var prior = PriorState.FromJson(last.PriorState);
            var textBefore = q.Text;
            prior.RestoreTo(q);
            if (q.Status == QuestionStatus.Pending)
            {
                // Back in the queue, still held by the moderator who was working on it.
                q.ClaimedBy = me;
                q.ClaimedUntil = change.Now + _options.Claim;
            }
            last.UndoneAt = change.Now;
            db.ModerationDecisions.Add(new ModerationDecision
            {
                SessionId = sessionId, QuestionId = q.Id, Moderator = me, Action = ModerationActions.Undo, At = change.Now,
                BeforeText = textBefore, AfterText = q.Text, Reason = last.Action, TargetQuestionId = last.TargetQuestionId,
            });

            QuestionPushes.Updated(change, q);
            if (last.Action == ModerationActions.Approve) QuestionPushes.Withdrawn(change, q);
            if (last.Action == ModerationActions.Edit && q.Status == QuestionStatus.Approved) QuestionPushes.PublicUpdated(change, q);
            if (last.Action == ModerationActions.Merge)
            {
                if (q.Status == QuestionStatus.Approved) QuestionPushes.Approved(change, q);
                var target = await Load(change, last.TargetQuestionId!.Value, ct);
                target.MergedCount -= prior.MergedWeight;
                QuestionPushes.Updated(change, target);
                if (target.Status == QuestionStatus.Approved) QuestionPushes.PublicUpdated(change, target);
            }
            QuestionPushes.NotifyAsker(change, q);
            return StaffQuestionView.From(q);
        }, ct);
}
