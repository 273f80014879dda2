using InquiryLive.Domain.Satisfaction;

namespace InquiryLive.Polls;

public enum PollState { Open = 0, Closed = 1, Published = 2 }

/// <summary>A quick vote on one answer, or a 测评表 (evaluation sheet) of several items submitted once.</summary>
public enum PollKind { Single = 0, Sheet = 1 }

/// <summary>
/// A satisfaction vote (满意度测评): one item (an answer, an agenda item, a department) or a sheet of
/// several. The rule is copied onto it when it opens; when it closes, 签到 and every item's tally are
/// frozen into these columns and never change again, except by an audited paper replacement.
/// </summary>
public sealed class Poll : IHoldsEvaluationRule
{
    public Guid Id { get; set; }
    public Guid SessionId { get; set; }
    public required string Title { get; set; }
    public PollKind Kind { get; set; }
    /// <summary>For a second evaluation (回头看): the first vote it is compared with.</summary>
    public Guid? FollowsPollId { get; set; }
    public long? RectificationItemId { get; set; }

    public PollState State { get; set; }
    public DateTimeOffset OpenedAt { get; set; }
    public DateTimeOffset? ClosesAt { get; set; }
    public DateTimeOffset? ClosedAt { get; set; }
    public DateTimeOffset? PublishedAt { get; set; }

    // The rule in force when the vote opened (see IHoldsEvaluationRule), so later setting changes cannot alter it.
    public string RuleSet { get; set; } = RuleKinds.Rate;
    public int BarNumerator { get; set; }
    public int BarDenominator { get; set; }
    public bool BarStrict { get; set; }
    public CountBase BarBase { get; set; }
    public int TurnoutNumerator { get; set; }
    public int TurnoutDenominator { get; set; }
    public bool TurnoutStrict { get; set; }
    public CountBase TurnoutBase { get; set; }
    public bool Named { get; set; }
    /// <summary>Whether a member may leave an item of a sheet empty.</summary>
    public bool AllowBlank { get; set; }

    // Frozen at close: 签到 (应到 / 实到 / 请假) and the committee members' ballots cast.
    public int Entitled { get; set; }
    public int Present { get; set; }
    public int OnLeave { get; set; }
    public int Voted { get; set; }
    public bool EnteredByHand { get; set; }
    public string? EnteredBy { get; set; }

    public List<PollItem> Items { get; set; } = [];
}

/// <summary>
/// One thing rated in a vote: a department, an answer, an agenda item. A single vote has one; a
/// sheet has several. The official tally (committee members only) is frozen here at close.
/// </summary>
public sealed class PollItem
{
    public long Id { get; set; }
    public Guid PollId { get; set; }
    public int Order { get; set; }
    public required string Title { get; set; }
    public int? DepartmentId { get; set; }
    public long? FloorItemId { get; set; }
    public int? AgendaItemId { get; set; }

    public int Satisfied { get; set; }
    public int BasicallySatisfied { get; set; }
    public int Dissatisfied { get; set; }
    /// <summary>Ballots that left this item empty (or paper ballots with no valid choice for it).</summary>
    public int Blank { get; set; }
    public string? Verdict { get; set; }

    /// <summary>Set when a later vote rated the same subject again: this result no longer counts.</summary>
    public Guid? SupersededByPollId { get; set; }
    public string? SupersededReason { get; set; }
    public DateTimeOffset? SupersededAt { get; set; }
    public string? SupersededBy { get; set; }

    public ItemCounts Counts => new(Satisfied, BasicallySatisfied, Dissatisfied, Blank);
}

/// <summary>
/// What an evaluator group (列席代表, 市民代表) chose on one item, frozen at close. Shown apart and
/// labelled; it never touches the official verdict.
/// </summary>
public sealed class PollGroupTally
{
    public long Id { get; set; }
    public Guid PollId { get; set; }
    public long ItemId { get; set; }
    public int GroupId { get; set; }
    public required string GroupName { get; set; }
    public int Members { get; set; }
    public int Voted { get; set; }
    public int Satisfied { get; set; }
    public int BasicallySatisfied { get; set; }
    public int Dissatisfied { get; set; }
    public int Blank { get; set; }
}

public enum Choice { Satisfied = 1, BasicallySatisfied = 2, Dissatisfied = 3 }

/// <summary>
/// Proof that a member has voted in a poll (a whole sheet counts as one ballot), without the choice:
/// the unique (PollId, MemberId) key enforces one ballot per member per vote.
/// The choices live in <see cref="BallotChoice"/>, unlinked.
/// </summary>
public sealed class BallotReceipt
{
    public Guid BallotId { get; set; }
    public Guid PollId { get; set; }
    public int MemberId { get; set; }
    public DateTimeOffset CastAt { get; set; }
}

/// <summary>
/// A ballot's choice for one item, with no link to the member (MemberId only for named votes).
/// A blank item has no row. GroupId is set for an evaluator group's ballot (never official).
/// </summary>
public sealed class BallotChoice
{
    public long Id { get; set; }
    public Guid PollId { get; set; }
    public long ItemId { get; set; }
    public Choice Choice { get; set; }
    public int? MemberId { get; set; }
    public int? GroupId { get; set; }
}

/// <summary>A viewer's public rating (群众满意度) of the same answer: counted apart, never mixed in.</summary>
public sealed class PublicRating
{
    public Guid PollId { get; set; }
    public required string ViewerId { get; set; }
    public Choice Choice { get; set; }
    public DateTimeOffset At { get; set; }
}
