using InquiryLive.Domain;
using InquiryLive.Domain.Satisfaction;
using InquiryLive.Live;
using Microsoft.EntityFrameworkCore;

namespace InquiryLive.Polls;

/// <summary>
/// The states of a vote (open → closed → published) as changes inside one session transaction.
/// The chair's endpoints and the clock that closes a vote on time both go through here.
/// </summary>
internal static class PollLifecycle
{
    /// <summary>
    /// The time as the database keeps it (whole milliseconds), so an answer given now and the same
    /// value read back later are identical.
    /// </summary>
    public static DateTimeOffset Stored(DateTimeOffset t) => new(t.Ticks - t.Ticks % TimeSpan.TicksPerMillisecond, t.Offset);

    public static async Task<Poll> FindAsync(SessionChange change, Guid pollId, CancellationToken ct) =>
        await change.Db.Polls.FirstOrDefaultAsync(p => p.Id == pollId && p.SessionId == change.Session.Id, ct)
        ?? throw new DomainException("poll.notFound", "没有找到该测评。", "No such vote.", 404);

    /// <summary>Freezes the tally and the roster at close. Closing a closed vote returns the frozen tally unchanged.</summary>
    public static async Task<PollTally> CloseAsync(SessionChange change, Guid pollId, CancellationToken ct)
    {
        var poll = await FindAsync(change, pollId, ct);
        if (poll.State != PollState.Open) return Tally(poll);

        var db = change.Db;
        var counts = await db.BallotChoices.Where(c => c.PollId == poll.Id)
            .GroupBy(c => c.Choice).Select(g => new { Choice = g.Key, Count = g.Count() }).ToListAsync(ct);
        poll.Satisfied = counts.Where(c => c.Choice == Choice.Satisfied).Sum(c => c.Count);
        poll.BasicallySatisfied = counts.Where(c => c.Choice == Choice.BasicallySatisfied).Sum(c => c.Count);
        poll.Dissatisfied = counts.Where(c => c.Choice == Choice.Dissatisfied).Sum(c => c.Count);
        poll.Voted = await db.BallotReceipts.CountAsync(r => r.PollId == poll.Id, ct);
        poll.Entitled = await db.RosterMembers.CountAsync(m => m.SessionId == poll.SessionId, ct);
        poll.State = PollState.Closed;
        poll.ClosedAt = Stored(change.Now);
        Evaluate(poll);

        change.Publish("poll.turnout", new TurnoutView(poll.Id, poll.Voted, poll.Entitled));
        change.Publish("poll.closed", new { poll = await PollReads.ViewAsync(db, poll, ct) });
        return Tally(poll);
    }

    public static async Task<PollResultView> PublishAsync(SessionChange change, Guid pollId, CancellationToken ct)
    {
        var poll = await FindAsync(change, pollId, ct);
        if (poll.State != PollState.Closed)
        {
            throw poll.State == PollState.Open
                ? new DomainException("poll.notClosed", "测评尚未结束，不能公布结果。", "Close the vote before publishing its result.")
                : new DomainException("poll.alreadyPublished", "该测评结果已经公布。", "This result has already been published.");
        }
        poll.State = PollState.Published;
        poll.PublishedAt = Stored(change.Now);
        var result = await PollReads.ResultAsync(change.Db, poll, ct);
        change.Publish("poll.published", new { result });
        return result;
    }

    /// <summary>Paper ballots (纸质票) replace the electronic counts of a closed, unpublished vote.</summary>
    public static async Task<PollTally> EnterPaperAsync(SessionChange change, Guid pollId, int satisfied, int basically, int dissatisfied, string enteredBy, CancellationToken ct)
    {
        var poll = await FindAsync(change, pollId, ct);
        if (poll.State != PollState.Closed)
        {
            throw new DomainException("poll.paperNotAllowed", "只能为已结束且未公布的测评录入纸质票。",
                "Paper counts can be entered only for a closed vote that is not yet published.");
        }
        if (satisfied + basically + dissatisfied > poll.Entitled)
        {
            throw new DomainException("poll.paperTooMany", $"票数合计超过应参加人数（{poll.Entitled}）。",
                $"The counts add up to more than the {poll.Entitled} members entitled to vote.", 400);
        }
        poll.Satisfied = satisfied;
        poll.BasicallySatisfied = basically;
        poll.Dissatisfied = dissatisfied;
        poll.Voted = satisfied + basically + dissatisfied;
        poll.EnteredByHand = true;
        poll.EnteredBy = enteredBy;
        Evaluate(poll);
        change.PublishToStaff("poll.paperEntered", new PaperEntered(poll.Id, enteredBy, change.Now, poll.Voted));
        return Tally(poll);
    }

    private static void Evaluate(Poll poll)
    {
        var evaluation = SatisfactionRules.Evaluate(
            new Tally(poll.Satisfied, poll.BasicallySatisfied, poll.Dissatisfied, poll.Entitled, poll.Voted),
            new RuleSettings(poll.RuleSet, poll.RateThreshold, poll.QuorumShare));
        poll.Verdict = evaluation.Verdict;
        poll.Rate = evaluation.Rate;
    }

    public static PollTally Tally(Poll p)
    {
        if (p.State == PollState.Open)
        {
            throw new DomainException("poll.stillOpen", "测评仍在进行，结束前不显示计票结果。", "The vote is still open: no tally before it closes.");
        }
        return new PollTally(p.Id, p.State, p.Title, p.Satisfied, p.BasicallySatisfied, p.Dissatisfied, p.Entitled, p.Voted,
            p.Rate, p.Verdict ?? Verdicts.Invalid, p.RuleSet, p.RateThreshold, p.QuorumShare, p.EnteredByHand, p.EnteredBy, p.ClosedAt);
    }
}
