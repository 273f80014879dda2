using InquiryLive.Agenda;
using InquiryLive.Domain.Sessions;
using InquiryLive.Polls;
using InquiryLive.Sessions;

namespace InquiryLive.FollowUp;

/// <summary>The session report (会议报告): everything the committee files after a sitting. Staff read it.</summary>
public sealed record SessionReport(
    ReportSession Session, DateTimeOffset GeneratedAt, ReportAttendance Attendance, IReadOnlyList<FloorView> Floor,
    IReadOnlyList<ReportVote> Votes, IReadOnlyList<ReportVote> ReReportRequired, ReportParticipation Participation,
    IReadOnlyList<ReportComparison> SecondEvaluations, IReadOnlyList<RectificationView> Rectifications);

public sealed record ReportSession(
    Guid Id, string Title, string Topic, string Description, SessionState State, DateTimeOffset? ScheduledStart,
    DateTimeOffset? HeldAt, string RuleSet, double RateThreshold, double QuorumShare, IReadOnlyList<DepartmentView> Departments);

/// <summary>Roster size and the turnout of each vote (n of N).</summary>
public sealed record ReportAttendance(int RosterSize, IReadOnlyList<ReportTurnout> Votes);

public sealed record ReportTurnout(Guid PollId, string Title, int Voted, int Entitled);

/// <summary>A closed or published vote with its frozen tally, the rule that judged it and whether it is public yet.</summary>
public sealed record ReportVote(
    Guid PollId, string Title, int? DepartmentId, string? DepartmentName, long? FloorItemId, PollState State,
    int Satisfied, int BasicallySatisfied, int Dissatisfied, int Entitled, int Voted, double? Turnout, double? Rate,
    string? Verdict, string RuleSet, double RateThreshold, double QuorumShare, bool EnteredByHand, string? EnteredBy,
    DateTimeOffset OpenedAt, DateTimeOffset? ClosedAt, DateTimeOffset? PublishedAt, Guid? FollowsPollId,
    long? RectificationItemId, PublicRatingView? PublicRating);

/// <summary>Public participation: viewer-visits, peak concurrent viewers, likes and the question counts.</summary>
public sealed record ReportParticipation(
    long ViewerVisits, int PeakViewers, long Likes, int QuestionsReceived, int QuestionsApproved, int QuestionsMerged,
    int QuestionsRejected, int QuestionsPending, int AnsweredInWriting);

/// <summary>A second evaluation beside its first vote, with the change of the satisfaction rate in points.</summary>
public sealed record ReportComparison(
    long? RectificationItemId, string? RectificationTitle, string? DepartmentName, ReportVote First, ReportVote Second, double? RateChange);
