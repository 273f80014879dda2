using InquiryLive.Domain.Satisfaction;
using InquiryLive.Polls;

namespace InquiryLive.BrowserTests.Infrastructure;

/// <summary>A published result built the way the server builds one (the domain rules decide the figures), for pushing to pages.</summary>
internal static class PublishedResults
{
    public static PollResultView Single(string title, string department, int satisfied, int basically, int dissatisfied, int expected)
    {
        var counts = new ItemCounts(satisfied, basically, dissatisfied);
        var attendance = new Attendance(expected, counts.Ballots, 0);
        var outcome = SatisfactionRules.Evaluate(counts, attendance, EvaluationRule.Default);
        var item = new ItemResultView(1, 1, title, 1, department, null, satisfied, basically, dissatisfied, 0, counts.Valid, outcome.Verdict,
            outcome.ReportAgain, outcome.InvalidReason, RuleWords.InvalidZh(outcome), RuleWords.InvalidEn(outcome), FigureView.From(outcome.Turnout),
            outcome.Measures.Select(FigureView.From).ToList(), null, [], null);
        return new PollResultView(Guid.NewGuid(), PollKind.Single, title, PollState.Published, RuleView.From(EvaluationRule.Default),
            new AttendanceFigures(expected, counts.Ballots, 0), counts.Ballots, false, false, null, DateTimeOffset.UtcNow, DateTimeOffset.UtcNow,
            null, outcome.Verdict == Verdicts.Invalid, [item], new PublicRatingView(0, 0, 0), 1, department, satisfied, basically, dissatisfied, outcome.Verdict);
    }
}
