using InquiryLive.Domain.Satisfaction;

namespace InquiryLive.Polls;

/// <summary>One item of a vote as everyone may see it: what is rated, never a count.</summary>
public sealed record PollItemView(long Id, int Order, string Title, int? DepartmentId, string? DepartmentName, long? FloorItemId);

/// <summary>
/// An open or closed vote as the public sees it: what is being rated, never a count before publication.
/// For a single vote, DepartmentId/DepartmentName/FloorItemId are its one item's.
/// </summary>
public sealed record PollView(
    Guid Id, PollKind Kind, string Title, int? DepartmentId, string? DepartmentName, long? FloorItemId, PollState State,
    DateTimeOffset OpenedAt, DateTimeOffset? ClosesAt, DateTimeOffset? ClosedAt, bool Named, bool AllowBlank,
    Guid? FollowsPollId, IReadOnlyList<PollItemView> Items);

/// <summary>The members' turnout while a vote runs (n of N voted): the only figure shown before publication.</summary>
public sealed record TurnoutView(Guid PollId, int Voted, int Entitled);

/// <summary>The open or closed-unpublished vote in a snapshot: what is rated, plus the turnout so far.</summary>
public sealed record CurrentPollView(
    Guid Id, PollKind Kind, string Title, int? DepartmentId, string? DepartmentName, long? FloorItemId, PollState State,
    DateTimeOffset OpenedAt, DateTimeOffset? ClosesAt, DateTimeOffset? ClosedAt, bool Named, bool AllowBlank,
    Guid? FollowsPollId, IReadOnlyList<PollItemView> Items, TurnoutView Turnout);

/// <summary>The public's own rating of an answer (群众满意度), always shown apart from the members' result.</summary>
public sealed record PublicRatingView(int Satisfied, int BasicallySatisfied, int Dissatisfied)
{
    public int Total => Satisfied + BasicallySatisfied + Dissatisfied;
}

/// <summary>A fraction bar, with the preset that names it (null when none does: then print the fraction).</summary>
public sealed record ThresholdView(string? Preset, int Numerator, int Denominator, bool Strict, string NameZh, string NameEn)
{
    public static ThresholdView From(Threshold t) => new(ThresholdPresets.Of(t)?.Key, t.Numerator, t.Denominator, t.Strict,
        RuleWords.ThresholdZh(t), RuleWords.ThresholdEn(t));
}

/// <summary>The rule a vote was judged by, with its words (the pages show words, never codes).</summary>
public sealed record RuleView(string RuleSet, ThresholdView Bar, CountBase BarBase, ThresholdView Turnout, CountBase TurnoutBase, string TextZh, string TextEn)
{
    public static RuleView From(EvaluationRule r) => new(r.Kind, ThresholdView.From(r.Bar), r.BarBase, ThresholdView.From(r.Turnout),
        r.TurnoutBase, RuleWords.RuleZh(r), RuleWords.RuleEn(r));
}

/// <summary>签到 frozen with a vote: 应到 (the roster), 实到, 请假.</summary>
public sealed record AttendanceFigures(int Expected, int Present, int OnLeave);

/// <summary>One figure with its base: "满意 19 / 全体组成人员 35", the bar it was held to and whether it met it.</summary>
public sealed record FigureView(string Measure, int Count, CountBase Base, int BaseCount, ThresholdView Bar, bool Met, string Percent, string TextZh, string TextEn)
{
    public static FigureView From(Check c) => new(c.Measure, c.Count, c.Base, c.BaseCount, ThresholdView.From(c.Bar), c.Met,
        RuleWords.Percent(c.Count, c.BaseCount), RuleWords.FigureZh(c), RuleWords.FigureEn(c));
}

/// <summary>An evaluator group's own choices on an item: labelled, counted apart, never part of the verdict.</summary>
public sealed record GroupTallyView(int GroupId, string GroupName, int Members, int Voted, int Satisfied, int BasicallySatisfied, int Dissatisfied, int Blank);

/// <summary>Why an item's result no longer counts: a later vote rated the same subject.</summary>
public sealed record SupersededView(Guid ByPollId, string Reason, string By, DateTimeOffset At);

/// <summary>
/// One item's frozen result: counts, the verdict, the figures that led to it (each with its base),
/// and why it is invalid when it is. Verdict is one of: satisfied, basicallySatisfied, dissatisfied,
/// reReportRequired, passed, invalid.
/// </summary>
public sealed record ItemResultView(
    long ItemId, int Order, string Title, int? DepartmentId, string? DepartmentName, long? FloorItemId,
    int Satisfied, int BasicallySatisfied, int Dissatisfied, int Blank, int Valid, string Verdict, bool ReportAgain,
    string? InvalidReason, string? InvalidTextZh, string? InvalidTextEn, FigureView Turnout, IReadOnlyList<FigureView> Figures,
    SupersededView? Superseded, IReadOnlyList<GroupTallyView> Groups, IReadOnlyDictionary<string, IReadOnlyList<string>>? Names);

/// <summary>
/// A vote's frozen result: the rule, 签到, every item. For a single vote the counts and verdict of its
/// one item are repeated at the top (null on a sheet). Shown to the chair and admin from close
/// (<c>/tally</c>), to everyone once published.
/// </summary>
public sealed record PollResultView(
    Guid PollId, PollKind Kind, string Title, PollState State, RuleView Rule, AttendanceFigures Attendance, int Voted,
    bool Named, bool EnteredByHand, string? EnteredBy, DateTimeOffset? ClosedAt, DateTimeOffset? PublishedAt, Guid? FollowsPollId,
    bool AnyInvalid, IReadOnlyList<ItemResultView> Items, PublicRatingView? PublicRating,
    int? DepartmentId, string? DepartmentName, int? Satisfied, int? BasicallySatisfied, int? Dissatisfied, string? Verdict);

/// <summary>A ballot taken: never the choice (the member's page keeps that on the phone).</summary>
public sealed record BallotAccepted(Guid BallotId, Guid PollId, DateTimeOffset CastAt);

/// <summary>
/// What a member's phone shows: the vote running now (if any), whether this member has voted in
/// it, and in what capacity (a committee member, or an evaluator group whose tally is counted apart).
/// </summary>
public sealed record MemberPollView(
    string MemberName, int MemberId, int? GroupId, string? GroupName, Members.AttendanceStatus Attendance,
    CurrentPollView? Poll, string? Question, bool HasVoted);

/// <summary>Audit of a paper count entered by hand (staff stream). No counts: they are public only once published.</summary>
public sealed record PaperEntered(Guid PollId, string EnteredBy, DateTimeOffset At, int Ballots, bool Replaced);

/// <summary>A step of a vote's audit log (chair and admin).</summary>
public sealed record VoteAuditView(long Id, Guid PollId, string Action, string By, DateTimeOffset At, string? Reason, System.Text.Json.JsonElement? Detail);
