using InquiryLive.Domain.Satisfaction;

namespace InquiryLive.Polls;

/// <summary>
/// A row that stores an <see cref="EvaluationRule"/> as plain columns: the session (the rule it will
/// use) and each vote (the rule it was opened under). The fraction itself is stored, not a preset's
/// name, so a published result keeps its meaning whatever the preset list becomes.
/// </summary>
public interface IHoldsEvaluationRule
{
    string RuleSet { get; set; }
    int BarNumerator { get; set; }
    int BarDenominator { get; set; }
    bool BarStrict { get; set; }
    CountBase BarBase { get; set; }
    int TurnoutNumerator { get; set; }
    int TurnoutDenominator { get; set; }
    bool TurnoutStrict { get; set; }
    CountBase TurnoutBase { get; set; }
}

public static class EvaluationRuleColumns
{
    public static EvaluationRule Rule(this IHoldsEvaluationRule row) => new(row.RuleSet,
        new Threshold(row.BarNumerator, row.BarDenominator, row.BarStrict), row.BarBase,
        new Threshold(row.TurnoutNumerator, row.TurnoutDenominator, row.TurnoutStrict), row.TurnoutBase);

    public static void SetRule(this IHoldsEvaluationRule row, EvaluationRule rule)
    {
        row.RuleSet = rule.Kind;
        (row.BarNumerator, row.BarDenominator, row.BarStrict, row.BarBase) = (rule.Bar.Numerator, rule.Bar.Denominator, rule.Bar.Strict, rule.BarBase);
        (row.TurnoutNumerator, row.TurnoutDenominator, row.TurnoutStrict, row.TurnoutBase) =
            (rule.Turnout.Numerator, rule.Turnout.Denominator, rule.Turnout.Strict, rule.TurnoutBase);
    }
}
