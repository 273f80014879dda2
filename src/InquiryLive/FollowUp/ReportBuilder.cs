using InquiryLive.Agenda;
using InquiryLive.Data;
using InquiryLive.Domain;
using InquiryLive.Domain.FollowUp;
using InquiryLive.Polls;
using InquiryLive.Questions;
using InquiryLive.Sessions;
using Microsoft.EntityFrameworkCore;

namespace InquiryLive.FollowUp;

/// <summary>Builds the session report from the stored sitting, in one read transaction.</summary>
public sealed class ReportBuilder(AppDbContext db, TimeProvider time)
{
    public async Task<SessionReport> BuildAsync(Guid sessionId, CancellationToken ct)
    {
        await using var tx = await db.Database.BeginTransactionAsync(System.Data.IsolationLevel.RepeatableRead, ct);
        var session = await db.Sessions.AsNoTracking().Include(s => s.Departments).FirstOrDefaultAsync(s => s.Id == sessionId, ct)
            ?? throw new DomainException("session.notFound", "没有找到该询问会议。", "No such inquiry session.", 404);
        var names = session.Departments.ToDictionary(d => d.Id, d => d.Name);
        var now = time.GetUtcNow();

        var floorItems = await db.FloorItems.AsNoTracking().Include(f => f.FollowUps).Where(f => f.SessionId == sessionId).ToListAsync(ct);
        var floor = floorItems.OrderBy(f => f.Order).Select(f => FloorViewOf(f, names)).ToList();

        var polls = await db.Polls.AsNoTracking().Where(p => p.SessionId == sessionId && p.State != PollState.Open).ToListAsync(ct);
        var ratings = await FollowUpQueries.PublicRatingsAsync(db, polls.Select(p => p.Id).ToList(), ct);
        var votes = polls.OrderBy(p => p.OpenedAt).Select(p => VoteOf(p, names, ratings.GetValueOrDefault(p.Id))).ToList();
        var rosterSize = await db.RosterMembers.CountAsync(m => m.SessionId == sessionId, ct);

        var statuses = await db.Questions.AsNoTracking().Where(q => q.SessionId == sessionId)
            .Select(q => new { q.Status, Decided = q.DecidedAt != null }).ToListAsync(ct);
        var participation = new ReportParticipation(
            session.ViewerVisits, session.PeakViewers, session.LikeCount, statuses.Count,
            statuses.Count(q => q.Status is QuestionStatus.Approved or QuestionStatus.AskedLive or QuestionStatus.Answered or QuestionStatus.Deferred
                || (q.Status == QuestionStatus.AnsweredInWriting && q.Decided)),
            statuses.Count(q => q.Status == QuestionStatus.Merged),
            statuses.Count(q => q.Status == QuestionStatus.Rejected),
            statuses.Count(q => q.Status == QuestionStatus.Pending),
            statuses.Count(q => q.Status == QuestionStatus.AnsweredInWriting));

        var rectifications = await FollowUpQueries.RectificationsAsync(db, sessionId, now, ct);
        var byId = votes.ToDictionary(v => v.PollId);
        var comparisons = votes.Where(v => v.FollowsPollId is { } f && byId.ContainsKey(f))
            .Select(v =>
            {
                var first = byId[v.FollowsPollId!.Value];
                var item = rectifications.FirstOrDefault(r => r.Id == v.RectificationItemId);
                return new ReportComparison(v.RectificationItemId, item?.Title, v.DepartmentName ?? first.DepartmentName, first, v,
                    RectificationRules.RateChange(first.Rate, v.Rate));
            }).ToList();
        await tx.CommitAsync(ct);

        return new SessionReport(
            new ReportSession(session.Id, session.Title, session.Topic, session.Description, session.State, session.ScheduledStart,
                floorItems.Count > 0 ? floorItems.Min(f => f.CalledAt) : null, session.RuleSet, session.RateThreshold, session.QuorumShare,
                session.Departments.OrderBy(d => d.Order).Select(d => new DepartmentView(d.Id, d.Name, d.HeadTitle)).ToList()),
            now,
            new ReportAttendance(rosterSize, votes.Select(v => new ReportTurnout(v.PollId, v.Title, v.Voted, v.Entitled)).ToList()),
            floor, votes, votes.Where(v => v.Verdict == "reReportRequired").ToList(), participation, comparisons, rectifications);
    }

    internal static FloorView FloorViewOf(FloorItem f, IReadOnlyDictionary<int, string> names) => new(
        f.Id, f.Order, f.Source, f.QuestionerName, f.ReadBy, f.DepartmentId, f.DepartmentId is { } d ? names.GetValueOrDefault(d) : null,
        f.Text, f.Outcome, f.CalledAt, f.AnsweredAt,
        f.FollowUps.OrderBy(u => u.At).Select(u => new FollowUpView(u.Id, u.QuestionerName, u.Text, u.At)).ToList());

    internal static ReportVote VoteOf(Poll p, IReadOnlyDictionary<int, string> names, PublicRatingView? rating) => new(
        p.Id, p.Title, p.DepartmentId, p.DepartmentId is { } d ? names.GetValueOrDefault(d) : null, p.FloorItemId, p.State,
        p.Satisfied, p.BasicallySatisfied, p.Dissatisfied, p.Entitled, p.Voted,
        p.Entitled > 0 ? Math.Round((double)p.Voted / p.Entitled, 4) : null, p.Rate, p.Verdict, p.RuleSet, p.RateThreshold,
        p.QuorumShare, p.EnteredByHand, p.EnteredBy, p.OpenedAt, p.ClosedAt, p.PublishedAt, p.FollowsPollId, p.RectificationItemId, rating);
}
