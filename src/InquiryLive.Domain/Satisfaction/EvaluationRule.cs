namespace InquiryLive.Domain.Satisfaction;

/// <summary>The two ways committees turn ballots into a verdict.</summary>
public static class RuleKinds
{
    /// <summary>满意率: 满意 + 基本满意 against the bar's base; under the bar the department must report again.</summary>
    public const string Rate = "rate";

    /// <summary>过半数分档: 满意 meets the bar → 满意; 满意 + 基本满意 meets it → 基本满意; else 不满意.</summary>
    public const string Majority = "majority";

    public static readonly IReadOnlyList<string> All = [Rate, Majority];

    public static bool IsKnown(string? kind) => kind is Rate or Majority;

    public static string NameZh(string kind) => kind == Majority ? "过半数分档规则" : "满意率规则";

    public static string NameEn(string kind) => kind == Majority ? "majority tiers" : "satisfaction rate";
}

/// <summary>
/// The rule in force for a vote, frozen onto it when it opens: how the verdict is found (the bar
/// and its base) and the 参加测评人数下限 (the turnout bar and its base).
/// </summary>
public sealed record EvaluationRule(string Kind, Threshold Bar, CountBase BarBase, Threshold Turnout, CountBase TurnoutBase)
{
    /// <summary>
    /// The default of a new session: 满意 + 基本满意 百分之八十以上 of the valid ballots, and more than
    /// half of all members (过半数 of 全体组成人员) must take part: 2 of 4 is not enough, 3 of 4 is;
    /// 18 of 35 is, 17 of 35 is not.
    /// </summary>
    public static readonly EvaluationRule Default = new(RuleKinds.Rate, ThresholdPresets.EightyPercentOrMore.Threshold,
        CountBase.ValidBallots, ThresholdPresets.MoreThanHalf.Threshold, CountBase.Roster);

    /// <summary>Counted against all members: 满意 or 满意 + 基本满意 过半数 of 全体组成人员.</summary>
    public static readonly EvaluationRule MajorityOfAllMembers = new(RuleKinds.Majority, ThresholdPresets.MoreThanHalf.Threshold,
        CountBase.Roster, ThresholdPresets.MoreThanHalf.Threshold, CountBase.Roster);

    /// <summary>What is wrong with this rule, field by field (empty when it can be used).</summary>
    public IEnumerable<(string Field, string Zh, string En)> Problems()
    {
        if (!RuleKinds.IsKnown(Kind)) yield return ("ruleSet", "测评规则须为满意率规则或过半数分档规则。", "The rule set must be rate or majority.");
        if (!Bar.IsWellFormed) yield return ("bar", "测评门槛须为 0 到 1 之间的分数。", "The bar must be a fraction between 0 and 1.");
        if (!Turnout.IsWellFormed) yield return ("turnout", "参加测评人数下限须为 0 到 1 之间的分数。", "The minimum turnout must be a fraction between 0 and 1.");
        if (TurnoutBase == CountBase.ValidBallots)
        {
            yield return ("turnout.base", "参加测评人数下限只能以全体组成人员或实到人数为基数。",
                "The minimum turnout is counted against all members or the members present, not valid ballots.");
        }
    }
}
