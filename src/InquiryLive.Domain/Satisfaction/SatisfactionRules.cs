namespace InquiryLive.Domain.Satisfaction;

public static class Verdicts
{
    public const string Passed = "passed";
    /// <summary>须再次报告: under the rate rule's bar.</summary>
    public const string ReReportRequired = "reReportRequired";
    public const string Satisfied = "satisfied";
    public const string BasicallySatisfied = "basicallySatisfied";
    public const string Dissatisfied = "dissatisfied";
    /// <summary>无效: under the 参加测评人数下限, or nothing to count against.</summary>
    public const string Invalid = "invalid";
}

/// <summary>What a figure measures: who took part, the satisfied, or the satisfied and basically satisfied.</summary>
public static class Measures
{
    public const string Turnout = "turnout";
    public const string Satisfied = "satisfied";
    public const string Positive = "positive";
}

/// <summary>One figure with its base and its bar: "满意 19 / 全体组成人员 35, 过半数: met".</summary>
public sealed record Check(string Measure, int Count, CountBase Base, int BaseCount, Threshold Bar, bool Met);

/// <summary>Why a result is invalid, when it is.</summary>
public static class InvalidReasons
{
    /// <summary>Fewer took part than the 参加测评人数下限.</summary>
    public const string Turnout = "turnout";
    /// <summary>The verdict's base is empty (no valid ballot; nobody signed in).</summary>
    public const string EmptyBase = "emptyBase";
}

/// <summary>The verdict of one item with every figure that led to it.</summary>
public sealed record RuleOutcome(string Verdict, string? InvalidReason, Check Turnout, IReadOnlyList<Check> Measures)
{
    /// <summary>须再次报告: the department's answer fell short (rate under the bar, or 不满意 under the tiers).</summary>
    public bool ReportAgain => Verdict is Verdicts.ReReportRequired or Verdicts.Dissatisfied;
}

/// <summary>
/// Turns an item's frozen counts into its verdict under the rule frozen on the vote. Integer
/// arithmetic only (see <see cref="Threshold"/>). The turnout check comes first: a vote under the
/// 参加测评人数下限 is invalid whatever its choices were.
/// </summary>
public static class SatisfactionRules
{
    public static RuleOutcome Evaluate(ItemCounts counts, Attendance attendance, EvaluationRule rule)
    {
        ArgumentNullException.ThrowIfNull(counts);
        ArgumentNullException.ThrowIfNull(attendance);
        ArgumentNullException.ThrowIfNull(rule);
        if (!RuleKinds.IsKnown(rule.Kind))
        {
            throw new DomainException("poll.ruleSet", $"未知的测评规则“{rule.Kind}”。", $"Unknown rule set '{rule.Kind}'.", 400);
        }
        if (counts.AnyNegative || attendance.Roster < 0 || attendance.Present < 0 || attendance.OnLeave < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(counts), "Counts cannot be negative.");
        }

        var turnoutBase = attendance.Of(rule.TurnoutBase, counts);
        var turnout = new Check(Measures.Turnout, counts.Ballots, rule.TurnoutBase, turnoutBase, rule.Turnout,
            rule.Turnout.IsMetBy(counts.Ballots, turnoutBase));
        var barBase = attendance.Of(rule.BarBase, counts);
        Check Measure(string measure, int count) => new(measure, count, rule.BarBase, barBase, rule.Bar, rule.Bar.IsMetBy(count, barBase));
        IReadOnlyList<Check> measures = rule.Kind == RuleKinds.Majority
            ? [Measure(Measures.Satisfied, counts.Satisfied), Measure(Measures.Positive, counts.Positive)]
            : [Measure(Measures.Positive, counts.Positive)];

        if (!turnout.Met) return new RuleOutcome(Verdicts.Invalid, InvalidReasons.Turnout, turnout, measures);
        if (barBase == 0) return new RuleOutcome(Verdicts.Invalid, InvalidReasons.EmptyBase, turnout, measures);

        var verdict = rule.Kind == RuleKinds.Majority
            ? measures[0].Met ? Verdicts.Satisfied : measures[1].Met ? Verdicts.BasicallySatisfied : Verdicts.Dissatisfied
            : measures[0].Met ? Verdicts.Passed : Verdicts.ReReportRequired;
        return new RuleOutcome(verdict, null, turnout, measures);
    }
}
