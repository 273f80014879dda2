namespace InquiryLive.Members;

/// <summary>签到 for the sitting: not yet signed in, present (实到), or on leave (请假).</summary>
public enum AttendanceStatus { Absent = 0, Present = 1, OnLeave = 2 }

/// <summary>
/// Someone who scores answers in a session, with a personal sign-in link stored only as a hash: a
/// committee member (常委会组成人员, <see cref="GroupId"/> null), entitled to one official ballot per
/// vote, or an evaluator of a group (列席代表, 市民代表) whose ballots are counted apart.
/// </summary>
public sealed class RosterMember
{
    public int Id { get; set; }
    public Guid SessionId { get; set; }
    public required string DisplayName { get; set; }
    /// <summary>The Identity user this member signs in as.</summary>
    public required string UserId { get; set; }
    /// <summary>The evaluator group; null for a committee member (the official roster).</summary>
    public int? GroupId { get; set; }
    public string? SignInTokenHash { get; set; }
    public DateTimeOffset? SignInTokenIssuedAt { get; set; }

    public AttendanceStatus Attendance { get; set; }
    public DateTimeOffset? AttendanceAt { get; set; }
    /// <summary>The clerk who marked it, or null when the member signed in on their phone.</summary>
    public string? AttendanceBy { get; set; }

    public bool IsOfficial => GroupId is null;
}

/// <summary>
/// A group of evaluators besides the committee members (列席的人大代表, 市民代表): their tallies are
/// shown apart, labelled with this name, and never decide the official verdict.
/// </summary>
public sealed class EvaluatorGroup
{
    public int Id { get; set; }
    public Guid SessionId { get; set; }
    public required string Name { get; set; }
    public int Order { get; set; }
}
