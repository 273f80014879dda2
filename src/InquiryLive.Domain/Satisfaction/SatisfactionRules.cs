namespace InquiryLive.Domain.Satisfaction;

/// <summary>The frozen counts of one vote: the three choices, who was entitled, and who voted.</summary>
public sealed record Tally(int Satisfied, int BasicallySatisfied, int Dissatisfied, int Entitled, int Voted)
{
    /// <summary>Valid ballots: those that chose one of the three levels.</summary>
    public int Valid => Satisfied + BasicallySatisfied + Dissatisfied;
}

/// <summary>The rule settings copied onto a vote when it opens.</summary>
public sealed record RuleSettings(string RuleSet, double RateThreshold, double QuorumShare);

/// <summary>The outcome of a rule set: the verdict, the satisfaction rate and the rule that produced it.</summary>
public sealed record RuleOutcome(string Verdict, double? Rate, string RuleSet, bool QuorumMet);

public static class Verdicts
{
    public const string Passed = "passed";
    public const string ReReportRequired = "reReportRequired";
    public const string Satisfied = "satisfied";
    public const string BasicallySatisfied = "basicallySatisfied";
    public const string Dissatisfied = "dissatisfied";
    public const string Invalid = "invalid";
}

/// <summary>
/// The satisfaction rule sets (满意度测评规则), chosen per session:
/// <list type="bullet">
/// <item><c>rate</c>: rate = (满意 + 基本满意) / valid ballots; below the threshold → re-report required, else passed.</item>
/// <item><c>allMembers</c>: counted against everyone entitled: 满意 &gt; half → satisfied; 满意 + 基本满意 &gt; half → basically satisfied; else dissatisfied.</item>
/// </list>
/// Both apply the quorum first: turnout below QuorumShare of the entitled makes the vote invalid.
/// Comparisons are exact (integer arithmetic where possible), so a rate of 79.99 % never passes an 80 % bar
/// even though it would display as 80.0 %.
/// </summary>
public static class SatisfactionRules
{
    public const string Rate = "rate";
    public const string AllMembers = "allMembers";

    public static readonly IReadOnlyList<string> Presets = [Rate, AllMembers];

    public static bool IsKnown(string ruleSet) => Presets.Contains(ruleSet);

    public static RuleOutcome Evaluate(Tally tally, RuleSettings settings)
    {
        ArgumentNullException.ThrowIfNull(tally);
        ArgumentNullException.ThrowIfNull(settings);
        if (!IsKnown(settings.RuleSet))
        {
            throw new DomainException("poll.ruleSet", $"未知的测评规则“{settings.RuleSet}”。", $"Unknown rule set '{settings.RuleSet}'.", 400);
        }
        if (tally.Satisfied < 0 || tally.BasicallySatisfied < 0 || tally.Dissatisfied < 0 || tally.Entitled < 0 || tally.Voted < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(tally), "Counts cannot be negative.");
        }

        var rate = tally.Valid == 0 ? (double?)null : (double)(tally.Satisfied + tally.BasicallySatisfied) / tally.Valid;
        var quorum = QuorumMet(tally, settings.QuorumShare);
        if (!quorum) return new RuleOutcome(Verdicts.Invalid, rate, settings.RuleSet, false);

        var verdict = settings.RuleSet == Rate ? ByRate(tally, settings.RateThreshold) : ByAllMembers(tally);
        return new RuleOutcome(verdict, rate, settings.RuleSet, true);
    }

    /// <summary>Turnout at or above QuorumShare of the entitled meets the quorum; nobody entitled never does.</summary>
    public static bool QuorumMet(Tally tally, double quorumShare)
    {
        if (tally.Entitled == 0) return false;
        // Exactly at the threshold meets it; the small tolerance absorbs binary fractions such as 0.1 * 30.
        return tally.Voted >= quorumShare * tally.Entitled - 1e-9;
    }

    private static string ByRate(Tally tally, double threshold)
    {
        // No valid ballot: there is no rate to judge, so the vote cannot pass.
        if (tally.Valid == 0) return Verdicts.Invalid;
        var positive = tally.Satisfied + tally.BasicallySatisfied;
        return positive >= threshold * tally.Valid - 1e-9 ? Verdicts.Passed : Verdicts.ReReportRequired;
    }

    private static string ByAllMembers(Tally tally)
    {
        // "More than half" is strict: exactly half of the entitled is not enough.
        if (tally.Satisfied * 2 > tally.Entitled) return Verdicts.Satisfied;
        if ((tally.Satisfied + tally.BasicallySatisfied) * 2 > tally.Entitled) return Verdicts.BasicallySatisfied;
        return Verdicts.Dissatisfied;
    }
}
