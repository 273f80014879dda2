using InquiryLive.Agenda;
using InquiryLive.Domain.Sessions;
using InquiryLive.Polls;
using InquiryLive.Sessions;

namespace InquiryLive.FollowUp;

/// <summary>
/// The session report (会议报告): everything the committee files after a sitting. Staff read it;
/// until a vote is published only the chair and admin see its tally (<see cref="TalliesHidden"/>
/// says whether some were withheld from this reader).
/// </summary>
public sealed record SessionReport(
    ReportSession Session, DateTimeOffset GeneratedAt, ReportAttendance Attendance, IReadOnlyList<FloorView> Floor,
    IReadOnlyList<ReportVote> Votes, IReadOnlyList<ReportItemRef> ReReportRequired, ReportParticipation Participation,
    IReadOnlyList<ReportComparison> SecondEvaluations, IReadOnlyList<RectificationView> Rectifications,
    IReadOnlyList<VoteAuditView> VoteAudit, bool TalliesHidden);

public sealed record ReportSession(
    Guid Id, string Title, string Topic, string Description, SessionState State, DateTimeOffset? ScheduledStart,
    DateTimeOffset? HeldAt, RuleView Rule, bool NamedVoting, IReadOnlyList<DepartmentView> Departments);

/// <summary>签到 as it stands (应到 / 实到 / 请假) and each vote's turnout (n of N).</summary>
public sealed record ReportAttendance(int RosterSize, AttendanceFigures Current, IReadOnlyList<ReportTurnout> Votes);

public sealed record ReportTurnout(Guid PollId, string Title, int Voted, int Entitled);

/// <summary>
/// A closed or published vote. <see cref="Result"/> holds its frozen tally, with every figure and
/// its base, the superseded items marked; null when this reader may not see it yet (unpublished).
/// </summary>
public sealed record ReportVote(
    Guid PollId, PollKind Kind, string Title, PollState State, int Voted, int Entitled, DateTimeOffset OpenedAt,
    DateTimeOffset? ClosedAt, DateTimeOffset? PublishedAt, Guid? FollowsPollId, long? RectificationItemId, PollResultView? Result);

/// <summary>An item whose department must report again (须再次报告), from a result that still counts.</summary>
public sealed record ReportItemRef(Guid PollId, long ItemId, string Title, string? DepartmentName, string Verdict);

/// <summary>Public participation: viewer-visits, peak concurrent viewers, likes and the question counts.</summary>
public sealed record ReportParticipation(
    long ViewerVisits, int PeakViewers, long Likes, int QuestionsReceived, int QuestionsApproved, int QuestionsMerged,
    int QuestionsRejected, int QuestionsPending, int AnsweredInWriting);

/// <summary>
/// A second evaluation beside the first vote's item for the same department, with the change of
/// the share 满意＋基本满意 of valid ballots, in points (display only; null without valid ballots).
/// </summary>
public sealed record ReportComparison(
    long? RectificationItemId, string? RectificationTitle, string? DepartmentName, Guid FirstPollId, ItemResultView? First,
    Guid SecondPollId, ItemResultView? Second, double? PositiveShareChange);
