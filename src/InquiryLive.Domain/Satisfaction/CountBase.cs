namespace InquiryLive.Domain.Satisfaction;

/// <summary>What a figure is counted against. Every printed figure names its base.</summary>
public enum CountBase
{
    /// <summary>全体组成人员: every committee member on the roster, present or not.</summary>
    Roster = 0,
    /// <summary>实到人数: members signed in for the sitting (签到), or who voted.</summary>
    Present = 1,
    /// <summary>有效票: ballots that chose one of the three levels for the item.</summary>
    ValidBallots = 2,
}

public static class CountBaseNames
{
    public static string Zh(CountBase b) => b switch
    {
        CountBase.Roster => "全体组成人员",
        CountBase.Present => "实到人数",
        _ => "有效票",
    };

    public static string En(CountBase b) => b switch
    {
        CountBase.Roster => "all members",
        CountBase.Present => "members present",
        _ => "valid ballots",
    };

    /// <summary>"all 35 members", "the 30 members present", "the 33 valid ballots".</summary>
    public static string EnWithCount(CountBase b, int count) => b switch
    {
        CountBase.Roster => $"all {count} members",
        CountBase.Present => $"the {count} members present",
        _ => $"the {count} valid ballots",
    };
}
