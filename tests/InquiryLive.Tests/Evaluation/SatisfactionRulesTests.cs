using InquiryLive.Domain;
using InquiryLive.Domain.Satisfaction;

namespace InquiryLive.Tests.Evaluation;

public sealed class SatisfactionRulesTests
{
    private static readonly RuleSettings RateRule = new(SatisfactionRules.Rate, 0.8, 0.5);
    private static readonly RuleSettings AllMembersRule = new(SatisfactionRules.AllMembers, 0.8, 0.5);

    private static RuleOutcome Rate(int s, int b, int d, int entitled, int? voted = null, double threshold = 0.8, double quorum = 0.5) =>
        SatisfactionRules.Evaluate(new Tally(s, b, d, entitled, voted ?? s + b + d), new RuleSettings(SatisfactionRules.Rate, threshold, quorum));

    private static RuleOutcome All(int s, int b, int d, int entitled, int? voted = null, double quorum = 0.5) =>
        SatisfactionRules.Evaluate(new Tally(s, b, d, entitled, voted ?? s + b + d), new RuleSettings(SatisfactionRules.AllMembers, 0.8, quorum));

    [Fact]
    public void RateRule_AtExactlyTheThreshold_Passes()
    {
        var e = Rate(20, 8, 7, entitled: 35);
        Assert.Equal(0.8, e.Rate);
        Assert.Equal(Verdicts.Passed, e.Verdict);
        Assert.Equal(SatisfactionRules.Rate, e.RuleSet);
    }

    [Fact]
    public void RateRule_OneBallotBelowTheThreshold_RequiresAReReport()
    {
        Assert.Equal(Verdicts.ReReportRequired, Rate(20, 7, 8, entitled: 35).Verdict);
    }

    [Fact]
    public void RateRule_ARateThatWouldDisplayAs80Percent_StillFailsWhenItIsBelow()
    {
        // 3999 / 5000 = 79.98 %, shown rounded as 80.0 % on some screens; it must not pass.
        var e = Rate(3000, 999, 1001, entitled: 5000);
        Assert.Equal(Verdicts.ReReportRequired, e.Verdict);
        Assert.True(e.Rate < 0.8);
    }

    [Fact]
    public void RateRule_CountsBasicallySatisfiedAsPositive()
    {
        Assert.Equal(Verdicts.Passed, Rate(0, 10, 0, entitled: 10).Verdict);
        Assert.Equal(1.0, Rate(0, 10, 0, entitled: 10).Rate);
    }

    [Fact]
    public void RateRule_WithAllDissatisfied_HasRateZero_AndRequiresAReReport()
    {
        var e = Rate(0, 0, 10, entitled: 10);
        Assert.Equal(0.0, e.Rate);
        Assert.Equal(Verdicts.ReReportRequired, e.Verdict);
    }

    [Fact]
    public void RateRule_UsesTheThresholdCopiedOntoTheVote()
    {
        Assert.Equal(Verdicts.Passed, Rate(6, 1, 3, entitled: 10, threshold: 0.7).Verdict);
        Assert.Equal(Verdicts.ReReportRequired, Rate(6, 1, 3, entitled: 10, threshold: 0.71).Verdict);
    }

    [Fact]
    public void RateRule_DividesByValidBallots_NotByTheRoster()
    {
        // 18 of 20 voters positive (90 %) although only 18 of 35 members: rate passes (quorum met).
        var e = Rate(10, 8, 2, entitled: 35);
        Assert.Equal(0.9, e.Rate!.Value, 10);
        Assert.Equal(Verdicts.Passed, e.Verdict);
    }

    [Fact]
    public void ZeroTurnout_IsInvalid_UnderBothRules_AndHasNoRate()
    {
        var rate = Rate(0, 0, 0, entitled: 35);
        var all = All(0, 0, 0, entitled: 35);
        Assert.Equal(Verdicts.Invalid, rate.Verdict);
        Assert.Equal(Verdicts.Invalid, all.Verdict);
        Assert.Null(rate.Rate);
        Assert.False(rate.QuorumMet);
    }

    [Fact]
    public void ZeroValidBallots_WithoutAQuorumRequirement_IsInvalidUnderTheRateRule()
    {
        // Members turned out (counted as voted) but no valid choice was made, e.g. blank paper ballots.
        var e = Rate(0, 0, 0, entitled: 10, voted: 8, quorum: 0);
        Assert.Null(e.Rate);
        Assert.Equal(Verdicts.Invalid, e.Verdict);
    }

    [Fact]
    public void ZeroValidBallots_WithoutAQuorumRequirement_IsDissatisfiedUnderTheAllMembersRule()
    {
        Assert.Equal(Verdicts.Dissatisfied, All(0, 0, 0, entitled: 10, voted: 8, quorum: 0).Verdict);
    }

    [Fact]
    public void NobodyEntitled_IsInvalid()
    {
        Assert.Equal(Verdicts.Invalid, Rate(0, 0, 0, entitled: 0, quorum: 0).Verdict);
    }

    [Theory]
    [InlineData(35, 0.5, 18, true)]   // 17.5 needed: 18 meets it
    [InlineData(35, 0.5, 17, false)]
    [InlineData(30, 0.5, 15, true)]   // exactly half of 30 meets a half quorum
    [InlineData(30, 0.5, 14, false)]
    [InlineData(30, 0.1, 3, true)]    // 0.1 * 30 is 3.0000000000000004 in binary: still met at 3
    [InlineData(70, 2.0 / 3, 47, true)]
    [InlineData(70, 2.0 / 3, 46, false)]
    [InlineData(10, 0.0, 0, true)]
    public void Quorum_IsMetAtOrAboveTheShare(int entitled, double share, int voted, bool met)
    {
        Assert.Equal(met, SatisfactionRules.QuorumMet(new Tally(voted, 0, 0, entitled, voted), share));
    }

    [Fact]
    public void QuorumNotMet_MakesTheVoteInvalid_EvenWhenEveryoneWasSatisfied()
    {
        Assert.Equal(Verdicts.Invalid, Rate(17, 0, 0, entitled: 35).Verdict);
        Assert.Equal(Verdicts.Invalid, All(17, 0, 0, entitled: 35).Verdict);
        // The rate is still reported, for the record.
        Assert.Equal(1.0, Rate(17, 0, 0, entitled: 35).Rate);
    }

    [Fact]
    public void QuorumExactlyAtTheThreshold_IsValid()
    {
        Assert.Equal(Verdicts.Passed, Rate(15, 0, 0, entitled: 30).Verdict);
        Assert.Equal(Verdicts.Satisfied, All(15, 0, 0, entitled: 29).Verdict);
    }

    [Fact]
    public void AllMembersRule_MoreThanHalfOfTheRosterSatisfied_IsSatisfied()
    {
        Assert.Equal(Verdicts.Satisfied, All(18, 0, 0, entitled: 35).Verdict);
        Assert.Equal(SatisfactionRules.AllMembers, All(18, 0, 0, entitled: 35).RuleSet);
    }

    [Fact]
    public void AllMembersRule_ExactlyHalfSatisfied_IsNotSatisfied_ButBasicallySatisfiedWithOneMore()
    {
        Assert.Equal(Verdicts.Dissatisfied, All(15, 0, 15, entitled: 30).Verdict);
        Assert.Equal(Verdicts.BasicallySatisfied, All(15, 1, 14, entitled: 30).Verdict);
    }

    [Fact]
    public void AllMembersRule_CountsAgainstAbsentMembersToo()
    {
        // 20 of 20 present are satisfied, but 20 is not more than half of 40 entitled: quorum met at 0.5, verdict dissatisfied.
        Assert.Equal(Verdicts.Dissatisfied, All(20, 0, 0, entitled: 40).Verdict);
        // The rate rule, counting only valid ballots, would pass the same votes.
        Assert.Equal(Verdicts.Passed, Rate(20, 0, 0, entitled: 40).Verdict);
    }

    [Fact]
    public void AllMembersRule_SatisfiedPlusBasicallyOverHalf_IsBasicallySatisfied()
    {
        Assert.Equal(Verdicts.BasicallySatisfied, All(10, 8, 17, entitled: 35).Verdict);
        Assert.Equal(Verdicts.Dissatisfied, All(10, 7, 18, entitled: 35).Verdict);
    }

    [Fact]
    public void AllMembersRule_TieBetweenLevels_FollowsTheStrictMajority()
    {
        // 12 / 12 / 11 of 35: neither 12 nor 24 … 24 > 17.5, so basically satisfied.
        Assert.Equal(Verdicts.BasicallySatisfied, All(12, 12, 11, entitled: 35).Verdict);
    }

    [Fact]
    public void UnknownRuleSet_IsRefused()
    {
        var error = Assert.Throws<DomainException>(() =>
            SatisfactionRules.Evaluate(new Tally(1, 0, 0, 1, 1), new RuleSettings("majority", 0.8, 0.5)));
        Assert.Equal("poll.ruleSet", error.Code);
    }

    [Fact]
    public void NegativeCounts_AreRefused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => SatisfactionRules.Evaluate(new Tally(-1, 0, 0, 5, 0), RateRule));
        Assert.Throws<ArgumentOutOfRangeException>(() => SatisfactionRules.Evaluate(new Tally(0, 0, 0, -5, 0), AllMembersRule));
    }
}
