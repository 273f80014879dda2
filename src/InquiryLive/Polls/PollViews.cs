namespace InquiryLive.Polls;

/// <summary>An open or closed vote as the public sees it: what is being rated, never a count before publication.</summary>
public sealed record PollView(
    Guid Id, string Title, int? DepartmentId, string? DepartmentName, long? FloorItemId, PollState State,
    DateTimeOffset OpenedAt, DateTimeOffset? ClosesAt, DateTimeOffset? ClosedAt);

/// <summary>The members' turnout while a vote runs (n of N voted): the only figure shown before publication.</summary>
public sealed record TurnoutView(Guid PollId, int Voted, int Entitled);

/// <summary>The public's own rating of an answer (群众满意度), always shown apart from the members' result.</summary>
public sealed record PublicRatingView(int Satisfied, int BasicallySatisfied, int Dissatisfied)
{
    public int Total => Satisfied + BasicallySatisfied + Dissatisfied;
}

/// <summary>
/// A published result: counts, rate, turnout, the verdict and the rule that produced it.
/// Verdict is one of: satisfied, basicallySatisfied, dissatisfied, reReportRequired, passed, invalid.
/// </summary>
public sealed record PollResultView(
    Guid PollId, string Title, int? DepartmentId, string? DepartmentName, int Satisfied, int BasicallySatisfied,
    int Dissatisfied, int Entitled, int Voted, double? Rate, string Verdict, string RuleSet, double RateThreshold,
    bool EnteredByHand, DateTimeOffset PublishedAt, Guid? FollowsPollId, PublicRatingView? PublicRating);

/// <summary>The open or closed-unpublished vote in a snapshot: what is rated, plus the turnout so far.</summary>
public sealed record CurrentPollView(
    Guid Id, string Title, int? DepartmentId, string? DepartmentName, long? FloorItemId, PollState State,
    DateTimeOffset OpenedAt, DateTimeOffset? ClosesAt, DateTimeOffset? ClosedAt, TurnoutView Turnout);

/// <summary>
/// The frozen tally of a closed vote, for the chair only (the preview before publishing). Every close
/// of the same vote answers with these same numbers.
/// </summary>
public sealed record PollTally(
    Guid PollId, PollState State, string Title, int Satisfied, int BasicallySatisfied, int Dissatisfied,
    int Entitled, int Voted, double? Rate, string Verdict, string RuleSet, double RateThreshold, double QuorumShare,
    bool EnteredByHand, string? EnteredBy, DateTimeOffset? ClosedAt);

/// <summary>A ballot taken: never the choice (the member's page keeps that on the phone).</summary>
public sealed record BallotAccepted(Guid BallotId, Guid PollId, DateTimeOffset CastAt);

/// <summary>What a member's phone shows: the vote running now (if any) and whether this member has voted in it.</summary>
public sealed record MemberPollView(string MemberName, CurrentPollView? Poll, string? Question, bool HasVoted);

/// <summary>Audit of a paper count entered by hand (staff stream). No counts: they are public only once published.</summary>
public sealed record PaperEntered(Guid PollId, string EnteredBy, DateTimeOffset At, int Voted);
