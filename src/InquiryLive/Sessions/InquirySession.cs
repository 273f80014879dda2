using InquiryLive.Domain.Satisfaction;
using InquiryLive.Domain.Sessions;
using InquiryLive.Polls;

namespace InquiryLive.Sessions;

/// <summary>One special inquiry sitting (专题询问会议): its settings, its state and its event counters.</summary>
public sealed class InquirySession : IHoldsEvaluationRule
{
    public Guid Id { get; set; }
    public required string Title { get; set; }
    public string Topic { get; set; } = "";
    public string Description { get; set; } = "";
    public DateTimeOffset? ScheduledStart { get; set; }
    public string? StreamUrl { get; set; }
    public SessionState State { get; set; }
    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>Last sequence number of the public event stream (gap-free, per session).</summary>
    public long PublicSeq { get; set; }
    /// <summary>Last sequence number of the staff-only event stream.</summary>
    public long StaffSeq { get; set; }

    // Clock settings (seconds).
    public int AskSeconds { get; set; } = 120;
    public int AnswerSeconds { get; set; } = 300;
    public int FollowUpSeconds { get; set; } = 120;
    public bool FollowUpAllowed { get; set; } = true;

    // The evaluation rule (see Polls/EvaluationRuleColumns.cs), EvaluationRule.Default unless set up:
    // 满意＋基本满意 百分之八十以上 of 有效票, and 过半数 of 全体组成人员 must take part.
    public string RuleSet { get; set; } = RuleKinds.Rate;
    public int BarNumerator { get; set; } = 4;
    public int BarDenominator { get; set; } = 5;
    public bool BarStrict { get; set; }
    public CountBase BarBase { get; set; } = CountBase.ValidBallots;
    public int TurnoutNumerator { get; set; } = 1;
    public int TurnoutDenominator { get; set; } = 2;
    public bool TurnoutStrict { get; set; } = true;
    public CountBase TurnoutBase { get; set; } = CountBase.Roster;
    public bool NamedVoting { get; set; }
    /// <summary>Whether members may leave an item of a 测评表 empty.</summary>
    public bool AllowBlankItems { get; set; } = true;
    /// <summary>When the sitting first went live: from then on the rule set is frozen.</summary>
    public DateTimeOffset? WentLiveAt { get; set; }

    public bool RulesFrozen => WentLiveAt is not null;

    // Public participation, persisted by the like counter and presence tracker.
    public long LikeCount { get; set; }
    public long ViewerVisits { get; set; }
    public int PeakViewers { get; set; }

    // The floor: what is being asked now, and the shared clock everyone counts down from.
    public long? CurrentFloorItemId { get; set; }
    public string? ClockPhase { get; set; }
    public int ClockDurationSeconds { get; set; }
    /// <summary>When the clock last started running (server time); null while stopped or paused.</summary>
    public DateTimeOffset? ClockStartedAt { get; set; }
    /// <summary>Milliseconds already run before the last start (pauses keep this).</summary>
    public long ClockElapsedMs { get; set; }

    public List<Department> Departments { get; set; } = [];
}
