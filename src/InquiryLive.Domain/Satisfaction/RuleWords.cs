using System.Globalization;

namespace InquiryLive.Domain.Satisfaction;

/// <summary>
/// The words a result is printed in (report, CSV, the chair's confirmation): each figure with its
/// base, never a bare percentage. Pages have the same words in their own string tables.
/// </summary>
public static class RuleWords
{
    public static string ThresholdZh(Threshold t) => ThresholdPresets.Of(t)?.NameZh
        ?? (t.Strict ? $"超过{t.Numerator}/{t.Denominator}" : $"{t.Numerator}/{t.Denominator}以上");

    public static string ThresholdEn(Threshold t) => ThresholdPresets.Of(t)?.NameEn
        ?? (t.Strict ? $"more than {t.Numerator}/{t.Denominator}" : $"{t.Numerator}/{t.Denominator} or more");

    public static string MeasureZh(string measure) => measure switch
    {
        Measures.Turnout => "参加测评",
        Measures.Satisfied => "满意",
        _ => "满意＋基本满意",
    };

    public static string MeasureEn(string measure) => measure switch
    {
        Measures.Turnout => "took part",
        Measures.Satisfied => "satisfied",
        _ => "satisfied + basically satisfied",
    };

    /// <summary>"满意 19 / 全体组成人员 35".</summary>
    public static string FigureZh(Check c) => $"{MeasureZh(c.Measure)} {c.Count} / {CountBaseNames.Zh(c.Base)} {c.BaseCount}";

    public static string FigureEn(Check c) => $"{MeasureEn(c.Measure)} {c.Count} / {CountBaseNames.En(c.Base)} {c.BaseCount}";

    /// <summary>A share for display only, floored to 0.1 % so 79.99 % never reads as 80.0 %; never used to decide.</summary>
    public static string Percent(int count, int of) =>
        of <= 0 ? "–" : (Math.Floor(count * 1000.0 / of) / 10).ToString("0.0", CultureInfo.InvariantCulture) + "%";

    /// <summary>The rule in one line: "满意率规则：满意＋基本满意须达有效票的百分之八十以上；参加测评人数下限：全体组成人员过半数".</summary>
    public static string RuleZh(EvaluationRule r)
    {
        var bar = r.Kind == RuleKinds.Majority
            ? $"满意或满意＋基本满意须达{CountBaseNames.Zh(r.BarBase)}的{ThresholdZh(r.Bar)}"
            : $"满意＋基本满意须达{CountBaseNames.Zh(r.BarBase)}的{ThresholdZh(r.Bar)}";
        return $"{RuleKinds.NameZh(r.Kind)}：{bar}；参加测评人数下限：{CountBaseNames.Zh(r.TurnoutBase)}{ThresholdZh(r.Turnout)}";
    }

    public static string RuleEn(EvaluationRule r)
    {
        var bar = r.Kind == RuleKinds.Majority
            ? $"satisfied, or satisfied + basically satisfied, {ThresholdEn(r.Bar)} of {CountBaseNames.En(r.BarBase)}"
            : $"satisfied + basically satisfied {ThresholdEn(r.Bar)} of {CountBaseNames.En(r.BarBase)}";
        return $"{RuleKinds.NameEn(r.Kind)}: {bar}; minimum turnout: {ThresholdEn(r.Turnout)} of {CountBaseNames.En(r.TurnoutBase)}";
    }

    /// <summary>Why a result is invalid, in a sentence the chair reads before confirming; null when it is valid.</summary>
    public static string? InvalidZh(RuleOutcome o) => o.InvalidReason switch
    {
        InvalidReasons.Turnout =>
            $"参加测评 {o.Turnout.Count} 人，未达到参加测评人数下限：须{CountBaseNames.Zh(o.Turnout.Base)} {o.Turnout.BaseCount} 人的{ThresholdZh(o.Turnout.Bar)}（至少 {o.Turnout.Bar.SmallestCountFor(o.Turnout.BaseCount)} 人）。",
        InvalidReasons.EmptyBase => $"{CountBaseNames.Zh(o.Measures[0].Base)}为 0，无法得出测评结论。",
        _ => null,
    };

    public static string? InvalidEn(RuleOutcome o) => o.InvalidReason switch
    {
        InvalidReasons.Turnout =>
            $"{o.Turnout.Count} took part, under the minimum turnout: {ThresholdEn(o.Turnout.Bar)} of {CountBaseNames.EnWithCount(o.Turnout.Base, o.Turnout.BaseCount)} (at least {o.Turnout.Bar.SmallestCountFor(o.Turnout.BaseCount)}).",
        InvalidReasons.EmptyBase => $"There are no {CountBaseNames.En(o.Measures[0].Base)} to count against, so there is no verdict.",
        _ => null,
    };

    public static string VerdictZh(string? verdict) => verdict switch
    {
        Verdicts.Satisfied => "满意",
        Verdicts.BasicallySatisfied => "基本满意",
        Verdicts.Dissatisfied => "不满意",
        Verdicts.ReReportRequired => "须再次报告",
        Verdicts.Passed => "通过",
        Verdicts.Invalid => "无效",
        null or "" => "",
        _ => verdict,
    };
}
