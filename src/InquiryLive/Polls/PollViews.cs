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
