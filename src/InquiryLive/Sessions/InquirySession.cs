using InquiryLive.Domain.Sessions;

namespace InquiryLive.Sessions;

/// <summary>One special inquiry sitting (专题询问会议): its settings, its state and its event counters.</summary>
public sealed class InquirySession
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

    // Satisfaction rule set (see Polls/): which preset, its threshold and quorum.
    public string RuleSet { get; set; } = "rate";
    public double RateThreshold { get; set; } = 0.8;
    public double QuorumShare { get; set; } = 0.5;
    public bool NamedVoting { get; set; }

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
