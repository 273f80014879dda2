namespace InquiryLive.Domain.Satisfaction;

/// <summary>
/// The frozen choices of one item of a vote. <see cref="Blank"/> counts ballots that left the item
/// empty (allowed on a 测评表) or paper ballots that chose nothing valid; they took part but are not 有效票.
/// </summary>
public sealed record ItemCounts(int Satisfied, int BasicallySatisfied, int Dissatisfied, int Blank = 0)
{
    /// <summary>有效票: ballots that chose one of the three levels.</summary>
    public int Valid => Satisfied + BasicallySatisfied + Dissatisfied;

    /// <summary>Ballots cast for the item, blank ones included: the 参加测评人数.</summary>
    public int Ballots => Valid + Blank;

    /// <summary>满意 + 基本满意.</summary>
    public int Positive => Satisfied + BasicallySatisfied;

    public bool AnyNegative => Satisfied < 0 || BasicallySatisfied < 0 || Dissatisfied < 0 || Blank < 0;
}

/// <summary>签到 at the moment a vote closed: 应到 (the roster), 实到 and 请假.</summary>
public sealed record Attendance(int Roster, int Present, int OnLeave)
{
    public int Of(CountBase countBase, ItemCounts counts) => countBase switch
    {
        CountBase.Roster => Roster,
        CountBase.Present => Present,
        _ => counts.Valid,
    };
}
