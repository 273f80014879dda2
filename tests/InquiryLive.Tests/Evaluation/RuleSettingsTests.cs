using InquiryLive.Domain.Satisfaction;
using InquiryLive.Polls;
using InquiryLive.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace InquiryLive.Tests.Evaluation;

public sealed class RuleSettingsTests
{
    [Fact]
    public async Task AVote_KeepsTheRuleInForceWhenItOpened_EvenIfTheSessionSettingChanges()
    {
        using var app = new InquiryApp();
        var (sessionId, chair) = await Voting.LiveSession(app);
        await app.Db(db => db.Sessions.ExecuteUpdateAsync(u => u.SetProperty(s => s.RuleSet, "majority").SetProperty(s => s.BarBase, CountBase.Roster)
            .SetProperty(s => s.BarNumerator, 1).SetProperty(s => s.BarDenominator, 2).SetProperty(s => s.BarStrict, true)));
        var pollId = await Voting.Open(chair, sessionId);
        await app.Db(db => db.Sessions.ExecuteUpdateAsync(u => u.SetProperty(s => s.RuleSet, "rate")));
        var phones = await Voting.MembersByLink(app, sessionId, 18);
        foreach (var phone in phones) (await Voting.Vote(phone, sessionId, pollId, "satisfied")).EnsureSuccessStatusCode();

        var tally = await Voting.Close(chair, sessionId, pollId);

        Assert.Equal("majority", tally.GetProperty("rule").GetProperty("ruleSet").GetString());
        // 18 satisfied of 35 members is more than half.
        Assert.Equal("satisfied", tally.GetProperty("verdict").GetString());
    }

    [Fact]
    public void ABurstOfBallots_MarksTheVoteOnce_SoOneTurnoutEventCarriesThemAll()
    {
        var pulse = new PollPulse();
        var sessionId = Guid.NewGuid();
        var pollId = Guid.NewGuid();
        for (var i = 0; i < 70; i++) pulse.TurnoutChanged(sessionId, pollId);

        Assert.Equal([(sessionId, pollId)], pulse.DrainTurnout());
        Assert.Empty(pulse.DrainTurnout());
        Assert.Empty(pulse.DrainRatings());
    }
}
