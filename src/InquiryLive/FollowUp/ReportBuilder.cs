using System.Security.Claims;
using System.Text.Json;
using InquiryLive.Accounts;
using InquiryLive.Agenda;
using InquiryLive.Data;
using InquiryLive.Domain;
using InquiryLive.Domain.FollowUp;
using InquiryLive.Members;
using InquiryLive.Polls;
using InquiryLive.Questions;
using InquiryLive.Sessions;
using Microsoft.EntityFrameworkCore;

namespace InquiryLive.FollowUp;

/// <summary>Builds the session report from the stored sitting, in one read transaction.</summary>
public sealed class ReportBuilder(AppDbContext db, TimeProvider time)
{
    /// <summary>Who may see a tally before it is published: the chair and admin, nobody else.</summary>
    public static bool SeesUnpublishedTallies(ClaimsPrincipal user) => user.IsInRole(Roles.Admin) || user.IsInRole(Roles.Chair);

    /// <summary>The report as this reader may see it: unpublished tallies are withheld unless they are the chair or admin.</summary>
    public async Task<SessionReport> BuildAsync(Guid sessionId, ClaimsPrincipal reader, CancellationToken ct)
    {
        var full = SeesUnpublishedTallies(reader);
        await using var tx = await db.Database.BeginTransactionAsync(System.Data.IsolationLevel.RepeatableRead, ct);
        var session = await db.Sessions.AsNoTracking().Include(s => s.Departments).FirstOrDefaultAsync(s => s.Id == sessionId, ct)
            ?? throw new DomainException("session.notFound", "没有找到该询问会议。", "No such inquiry session.", 404);
        var names = session.Departments.ToDictionary(d => d.Id, d => d.Name);
        var now = time.GetUtcNow();

        var floorItems = await db.FloorItems.AsNoTracking().Include(f => f.FollowUps).Where(f => f.SessionId == sessionId).ToListAsync(ct);
        var floor = floorItems.OrderBy(f => f.Order).Select(f => FloorViewOf(f, names)).ToList();

        var polls = (await db.Polls.AsNoTracking().Include(p => p.Items).Where(p => p.SessionId == sessionId && p.State != PollState.Open)
            .ToListAsync(ct)).OrderBy(p => p.OpenedAt).ToList();
        var visible = polls.Where(p => full || p.State == PollState.Published).ToList();
        var results = (await PollResults.BuildAsync(db, visible, forStaff: true, ct)).ToDictionary(r => r.PollId);
        var votes = polls.Select(p => new ReportVote(p.Id, p.Kind, p.Title, p.State, p.Voted, p.Entitled, p.OpenedAt, p.ClosedAt, p.PublishedAt,
            p.FollowsPollId, p.RectificationItemId, results.GetValueOrDefault(p.Id))).ToList();
        // Only a published result decides that a department must report again.
        var reportAgain = results.Values.Where(r => r.State == PollState.Published).SelectMany(r => r.Items.Where(i => i.ReportAgain && i.Superseded is null)
            .Select(i => new ReportItemRef(r.PollId, i.ItemId, i.Title, i.DepartmentName, i.Verdict))).ToList();

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
        var comparisons = votes.Where(v => v.FollowsPollId is not null).Select(v => Compare(v, votes, rectifications)).ToList();
        var audit = await VoteAuditAsync(sessionId, polls.Where(p => full || p.State == PollState.Published).Select(p => p.Id).ToHashSet(), ct);
        var current = await AttendanceCounts.ReadAsync(db, sessionId, ct);
        var attendance = new ReportAttendance(current.Expected, current,
            votes.Select(v => new ReportTurnout(v.PollId, v.Title, v.Voted, v.Entitled)).ToList());
        await tx.CommitAsync(ct);

        return new SessionReport(
            new ReportSession(session.Id, session.Title, session.Topic, session.Description, session.State, session.ScheduledStart,
                floorItems.Count > 0 ? floorItems.Min(f => f.CalledAt) : null, RuleView.From(session.Rule()), session.NamedVoting,
                session.Departments.OrderBy(d => d.Order).Select(d => new DepartmentView(d.Id, d.Name, d.HeadTitle)).ToList()),
            now, attendance, floor, votes, reportAgain, participation, comparisons, rectifications, audit,
            TalliesHidden: votes.Any(v => v.Result is null));
    }

    private static ReportComparison Compare(ReportVote second, List<ReportVote> votes, List<RectificationView> rectifications)
    {
        var first = votes.First(v => v.PollId == second.FollowsPollId);
        var secondItem = second.Result?.Items.FirstOrDefault();
        var firstItem = first.Result?.Items.Count == 1 ? first.Result.Items[0]
            : first.Result?.Items.FirstOrDefault(i => i.DepartmentId == secondItem?.DepartmentId);
        var item = rectifications.FirstOrDefault(r => r.Id == second.RectificationItemId);
        return new ReportComparison(second.RectificationItemId, item?.Title, secondItem?.DepartmentName ?? firstItem?.DepartmentName,
            first.PollId, firstItem, second.PollId, secondItem, RectificationRules.RateChange(PositiveShare(firstItem), PositiveShare(secondItem)));
    }

    /// <summary>满意＋基本满意 of the valid ballots, for the comparison's display only (verdicts never use it).</summary>
    private static double? PositiveShare(ItemResultView? i) => i is { Valid: > 0 } ? (double)(i.Satisfied + i.BasicallySatisfied) / i.Valid : null;

    private async Task<List<VoteAuditView>> VoteAuditAsync(Guid sessionId, HashSet<Guid> visible, CancellationToken ct) =>
        (await db.VoteAudit.AsNoTracking().Where(a => a.SessionId == sessionId).ToListAsync(ct))
            .Where(a => visible.Contains(a.PollId)).OrderBy(a => a.At).ThenBy(a => a.Id)
            .Select(a => new VoteAuditView(a.Id, a.PollId, a.Action, a.By, a.At, a.Reason,
                a.Detail is null ? null : JsonSerializer.Deserialize<JsonElement>(a.Detail))).ToList();

    internal static FloorView FloorViewOf(FloorItem f, IReadOnlyDictionary<int, string> names) => new(
        f.Id, f.Order, f.Source, f.QuestionerName, f.ReadBy, f.DepartmentId, f.DepartmentId is { } d ? names.GetValueOrDefault(d) : null,
        f.Text, f.Outcome, f.CalledAt, f.AnsweredAt,
        f.FollowUps.OrderBy(u => u.At).Select(u => new FollowUpView(u.Id, u.QuestionerName, u.Text, u.At)).ToList());
}
