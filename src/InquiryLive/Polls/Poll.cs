namespace InquiryLive.Polls;

public enum PollState { Open = 0, Closed = 1, Published = 2 }

/// <summary>
/// A satisfaction vote (满意度测评) on one answer, agenda item or department. When it closes, the
/// tally and the roster at close are frozen into these columns and never change again.
/// </summary>
public sealed class Poll
{
    public Guid Id { get; set; }
    public Guid SessionId { get; set; }
    public required string Title { get; set; }
    public int? DepartmentId { get; set; }
    public long? FloorItemId { get; set; }
    public int? AgendaItemId { get; set; }
    /// <summary>For a second evaluation (回头看): the first vote it is compared with.</summary>
    public Guid? FollowsPollId { get; set; }
    public long? RectificationItemId { get; set; }

    public PollState State { get; set; }
    public DateTimeOffset OpenedAt { get; set; }
    public DateTimeOffset? ClosesAt { get; set; }
    public DateTimeOffset? ClosedAt { get; set; }
    public DateTimeOffset? PublishedAt { get; set; }

    // The rule set in force when the vote opened, copied so later setting changes cannot alter it.
    public required string RuleSet { get; set; }
    public double RateThreshold { get; set; }
    public double QuorumShare { get; set; }
    public bool Named { get; set; }

    // Frozen at close.
    public int Satisfied { get; set; }
    public int BasicallySatisfied { get; set; }
    public int Dissatisfied { get; set; }
    public int Entitled { get; set; }
    public int Voted { get; set; }
    public string? Verdict { get; set; }
    public double? Rate { get; set; }
    public bool EnteredByHand { get; set; }
    public string? EnteredBy { get; set; }
}

public enum Choice { Satisfied = 1, BasicallySatisfied = 2, Dissatisfied = 3 }

/// <summary>
/// Proof that a member has voted in a poll, without the choice: the unique (PollId, MemberId)
/// key enforces one ballot per member. The choice lives in <see cref="BallotChoice"/>, unlinked.
/// </summary>
public sealed class BallotReceipt
{
    public Guid BallotId { get; set; }
    public Guid PollId { get; set; }
    public int MemberId { get; set; }
    public DateTimeOffset CastAt { get; set; }
}

/// <summary>A secret ballot's choice, with no link to the member (MemberId only for named votes).</summary>
public sealed class BallotChoice
{
    public long Id { get; set; }
    public Guid PollId { get; set; }
    public Choice Choice { get; set; }
    public int? MemberId { get; set; }
}

/// <summary>A viewer's public rating (群众满意度) of the same answer: counted apart, never mixed in.</summary>
public sealed class PublicRating
{
    public Guid PollId { get; set; }
    public required string ViewerId { get; set; }
    public Choice Choice { get; set; }
    public DateTimeOffset At { get; set; }
}
