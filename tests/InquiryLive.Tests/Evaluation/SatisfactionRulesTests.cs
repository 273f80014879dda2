using InquiryLive.Domain;
using InquiryLive.Domain.Satisfaction;

namespace InquiryLive.Tests.Evaluation;

/// <summary>The rule sets at their bounds, with each base, and with blank items of a 测评表.</summary>
public sealed class SatisfactionRulesTests
{
    private static readonly Threshold MoreThanHalf = ThresholdPresets.MoreThanHalf.Threshold;
    private static readonly Threshold Eighty = ThresholdPresets.EightyPercentOrMore.Threshold;

    private static RuleOutcome Judge(EvaluationRule rule, int s, int b, int d, int roster, int? present = null, int blank = 0) =>
        SatisfactionRules.Evaluate(new ItemCounts(s, b, d, blank), new Attendance(roster, present ?? roster, 0), rule);

    private static RuleOutcome Default(int s, int b, int d, int roster, int blank = 0) => Judge(EvaluationRule.Default, s, b, d, roster, blank: blank);

    private static RuleOutcome AllMembers(int s, int b, int d, int roster) => Judge(EvaluationRule.MajorityOfAllMembers, s, b, d, roster);

    [Theory]
    [InlineData(2, 4, false)]   // exactly half is not 过半数
    [InlineData(3, 4, true)]
    [InlineData(17, 35, false)]
    [InlineData(18, 35, true)]
    [InlineData(35, 70, false)]
    [InlineData(36, 70, true)]
    [InlineData(1, 3, false)]
    [InlineData(2, 3, true)]
    [InlineData(3, 6, false)]
    [InlineData(4, 6, true)]
    public void DefaultSession_NeedsMoreThanHalfOfAllMembersToTakePart(int voted, int roster, bool valid)
    {
        var outcome = Default(voted, 0, 0, roster);

        Assert.Equal(valid, outcome.Turnout.Met);
        Assert.Equal(valid ? Verdicts.Passed : Verdicts.Invalid, outcome.Verdict);
        Assert.Equal(valid ? null : InvalidReasons.Turnout, outcome.InvalidReason);
        Assert.Equal(CountBase.Roster, outcome.Turnout.Base);
        Assert.Equal(roster, outcome.Turnout.BaseCount);
    }

    [Fact]
    public void DefaultSession_InvalidReason_NamesTheBaseAndTheNumberNeeded()
    {
        var outcome = Default(17, 0, 0, 35);

        Assert.Equal("参加测评 17 人，未达到参加测评人数下限：须全体组成人员 35 人的过半数（至少 18 人）。", RuleWords.InvalidZh(outcome));
        Assert.Contains("at least 18", RuleWords.InvalidEn(outcome));
    }

    [Theory]
    [InlineData(20, 8, 7, Verdicts.Passed)]           // 28 of 35 valid = exactly 80 %
    [InlineData(20, 7, 8, Verdicts.ReReportRequired)]  // 27 of 35 = 77.1 %
    [InlineData(3000, 999, 1001, Verdicts.ReReportRequired)] // 79.98 % is under 80 %, whatever a screen rounds it to
    [InlineData(0, 10, 0, Verdicts.Passed)]            // 基本满意 counts as positive
    [InlineData(0, 0, 10, Verdicts.ReReportRequired)]
    public void RateRule_OnValidBallots_IsExactAtTheEightyPercentBar(int s, int b, int d, string verdict)
    {
        var outcome = Default(s, b, d, roster: s + b + d);

        Assert.Equal(verdict, outcome.Verdict);
        Assert.Equal(verdict == Verdicts.ReReportRequired, outcome.ReportAgain);
        var figure = Assert.Single(outcome.Measures);
        Assert.Equal(Measures.Positive, figure.Measure);
        Assert.Equal(CountBase.ValidBallots, figure.Base);
        Assert.Equal(s + b + d, figure.BaseCount);
    }

    [Fact]
    public void RateRule_DividesByValidBallots_NotByTheRoster()
    {
        // 18 of 20 voters positive (90 %) although the roster is 35: passes (18 + 2 = 20 of 35 took part).
        var outcome = Default(10, 8, 2, roster: 35);
        Assert.Equal(Verdicts.Passed, outcome.Verdict);
        Assert.Equal("满意＋基本满意 18 / 有效票 20", RuleWords.FigureZh(outcome.Measures[0]));
    }

    [Fact]
    public void RateRule_CountedAgainstThePresent_UsesThoseSignedIn()
    {
        var rule = EvaluationRule.Default with { BarBase = CountBase.Present };
        // 24 positive of 30 present = 80 %: passes; of 35 on the roster it would not.
        Assert.Equal(Verdicts.Passed, Judge(rule, 20, 4, 6, roster: 35, present: 30).Verdict);
        Assert.Equal(Verdicts.ReReportRequired, Judge(rule with { BarBase = CountBase.Roster }, 20, 4, 6, roster: 35, present: 30).Verdict);
    }

    [Fact]
    public void TurnoutCountedAgainstThePresent_IgnoresMembersOnLeave()
    {
        var rule = EvaluationRule.Default with { TurnoutBase = CountBase.Present };
        // 16 voted: more than half of the 30 present, not of the 35 on the roster.
        Assert.Equal(Verdicts.Passed, Judge(rule, 16, 0, 0, roster: 35, present: 30).Verdict);
        Assert.Equal(Verdicts.Invalid, Judge(EvaluationRule.Default, 16, 0, 0, roster: 35, present: 30).Verdict);
    }

    [Fact]
    public void NobodySignedIn_UnderAPresentBase_IsInvalidForAnEmptyBase()
    {
        var rule = EvaluationRule.Default with { BarBase = CountBase.Present, TurnoutBase = CountBase.Roster };
        var outcome = Judge(rule, 20, 0, 0, roster: 35, present: 0);
        Assert.Equal(Verdicts.Invalid, outcome.Verdict);
        Assert.Equal(InvalidReasons.EmptyBase, outcome.InvalidReason);
        Assert.Contains("实到人数为 0", RuleWords.InvalidZh(outcome));
    }

    [Fact]
    public void AllMembersRule_MoreThanHalfOfTheRosterSatisfied_IsSatisfied()
    {
        var outcome = AllMembers(18, 0, 0, 35);
        Assert.Equal(Verdicts.Satisfied, outcome.Verdict);
        Assert.Equal("满意 18 / 全体组成人员 35", RuleWords.FigureZh(outcome.Measures[0]));
    }

    [Fact]
    public void AllMembersRule_ExactlyHalfSatisfied_IsNotSatisfied_ButBasicallySatisfiedWithOneMore()
    {
        Assert.Equal(Verdicts.Dissatisfied, AllMembers(15, 0, 15, 30).Verdict);
        Assert.Equal(Verdicts.BasicallySatisfied, AllMembers(15, 1, 14, 30).Verdict);
        Assert.True(AllMembers(15, 0, 15, 30).ReportAgain);
    }

    [Fact]
    public void AllMembersRule_CountsAgainstAbsentMembersToo()
    {
        // 20 of 20 voters satisfied, but 20 of 40 members is not more than half: dissatisfied.
        // The turnout bar (more than half of 40) is not met either: invalid comes first.
        Assert.Equal(Verdicts.Invalid, AllMembers(20, 0, 0, 40).Verdict);
        Assert.Equal(Verdicts.Dissatisfied, AllMembers(20, 0, 1, 40).Verdict);
        // The rate rule, on valid ballots, passes the same ballots.
        Assert.Equal(Verdicts.Passed, Default(20, 0, 1, 40).Verdict);
    }

    [Fact]
    public void AllMembersRule_SatisfiedPlusBasicallyOverHalf_IsBasicallySatisfied()
    {
        Assert.Equal(Verdicts.BasicallySatisfied, AllMembers(10, 8, 17, 35).Verdict);
        Assert.Equal(Verdicts.Dissatisfied, AllMembers(10, 7, 18, 35).Verdict);
        Assert.Equal(Verdicts.BasicallySatisfied, AllMembers(12, 12, 11, 35).Verdict);
    }

    [Fact]
    public void AllMembersRule_HasNoRateFigure_OnlyCountsAgainstTheRoster()
    {
        var outcome = AllMembers(19, 10, 6, 35);
        Assert.Equal([Measures.Satisfied, Measures.Positive], outcome.Measures.Select(m => m.Measure));
        Assert.All(outcome.Measures, m => Assert.Equal(CountBase.Roster, m.Base));
    }

    [Fact]
    public void BlankItemsOfASheet_TakePart_ButAreNotValidBallots()
    {
        // 30 members submitted the sheet; 6 left this item blank: 24 valid, 20 positive = 83 %.
        var outcome = Default(12, 8, 4, roster: 35, blank: 6);
        Assert.True(outcome.Turnout.Met);
        Assert.Equal(30, outcome.Turnout.Count);
        Assert.Equal(24, outcome.Measures[0].BaseCount);
        Assert.Equal(Verdicts.Passed, outcome.Verdict);
    }

    [Fact]
    public void AnItemEveryoneLeftBlank_IsInvalid_ForLackOfValidBallots()
    {
        var outcome = Default(0, 0, 0, roster: 35, blank: 30);
        Assert.True(outcome.Turnout.Met);
        Assert.Equal(Verdicts.Invalid, outcome.Verdict);
        Assert.Equal(InvalidReasons.EmptyBase, outcome.InvalidReason);
    }

    [Fact]
    public void BlankItems_UnderTheAllMembersRule_CountAgainstTheRosterAsNotSatisfied()
    {
        // 18 satisfied of 35 is more than half whether or not others left it blank.
        Assert.Equal(Verdicts.Satisfied, Judge(EvaluationRule.MajorityOfAllMembers, 18, 0, 0, roster: 35, blank: 10).Verdict);
        Assert.Equal(Verdicts.Dissatisfied, Judge(EvaluationRule.MajorityOfAllMembers, 17, 0, 0, roster: 35, blank: 11).Verdict);
    }

    [Fact]
    public void ZeroTurnout_IsInvalid_UnderBothRules()
    {
        Assert.Equal(Verdicts.Invalid, Default(0, 0, 0, 35).Verdict);
        Assert.Equal(Verdicts.Invalid, AllMembers(0, 0, 0, 35).Verdict);
        Assert.False(Default(0, 0, 0, 35).ReportAgain);
    }

    [Fact]
    public void NobodyOnTheRoster_IsInvalid()
    {
        Assert.Equal(Verdicts.Invalid, Default(0, 0, 0, 0).Verdict);
    }

    [Fact]
    public void Rule_CountingTurnoutAgainstValidBallots_IsRefused()
    {
        var rule = EvaluationRule.Default with { TurnoutBase = CountBase.ValidBallots };
        Assert.Contains(rule.Problems(), p => p.Field == "turnout.base");
        Assert.Empty(EvaluationRule.Default.Problems());
        Assert.Empty(EvaluationRule.MajorityOfAllMembers.Problems());
    }

    [Fact]
    public void UnknownRuleSet_IsRefused()
    {
        var error = Assert.Throws<DomainException>(() => Judge(EvaluationRule.Default with { Kind = "allMembers" }, 1, 0, 0, 1));
        Assert.Equal("poll.ruleSet", error.Code);
    }

    [Fact]
    public void NegativeCounts_AreRefused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Default(-1, 0, 0, 5));
        Assert.Throws<ArgumentOutOfRangeException>(() => Default(0, 0, 0, -5));
    }

    [Fact]
    public void RuleWords_SpellOutTheDefaultRule_WithItsBases()
    {
        Assert.Equal("满意率规则：满意＋基本满意须达有效票的百分之八十以上；参加测评人数下限：全体组成人员过半数", RuleWords.RuleZh(EvaluationRule.Default));
        Assert.Equal("79.9%", RuleWords.Percent(7999, 10000));
        Assert.Equal("–", RuleWords.Percent(0, 0));
    }
}
