using System.Text.Json;
using InquiryLive.Domain;
using InquiryLive.Live;
using Microsoft.EntityFrameworkCore;

namespace InquiryLive.Polls;

/// <summary>
/// Paper ballots (纸质票) counted by the clerk when electronic voting failed: they become the vote's
/// tally. A tally already held (electronic ballots, or an earlier paper entry) is replaced only when
/// the clerk says so and gives a reason; the audit log keeps both tallies.
/// </summary>
internal static class PaperBallots
{
    /// <summary>The counts of one item, checked against the item list by the caller.</summary>
    public sealed record ItemCount(long ItemId, int Satisfied, int BasicallySatisfied, int Dissatisfied);

    public static async Task<PaperEntered> EnterAsync(
        SessionChange change, Guid pollId, IReadOnlyList<ItemCount> counts, int? ballots, bool replace, string reason, string enteredBy, CancellationToken ct)
    {
        var poll = await PollLifecycle.FindAsync(change, pollId, ct);
        if (poll.State != PollState.Closed)
        {
            throw new DomainException("poll.paperNotAllowed", "只能为已结束且未公布的测评录入纸质票。",
                "Paper counts can be entered only for a closed vote that is not yet published.");
        }
        var byItem = MatchItems(poll, counts);
        var papers = ballots ?? (poll.Kind == PollKind.Single ? byItem.Values.Single().Valid() : throw MissingBallots());
        if (byItem.Values.Any(c => c.Valid() > papers))
        {
            throw new DomainException("poll.paperItemOverBallots", $"某一项的票数合计超过收回的选票数（{papers} 张）。",
                $"An item's counts add up to more than the {papers} ballot papers collected.", 400);
        }
        if (papers > poll.Entitled)
        {
            throw new DomainException("poll.paperTooMany", $"选票数超过全体组成人员人数（{poll.Entitled}）。",
                $"There are more ballot papers than the {poll.Entitled} members on the roster.", 400);
        }
        // 签到 as it stands now (the clerk may have recorded it after the vote closed), voters counted present.
        var present = await PollTallying.ReadRollAsync(change.Db, poll, ct);
        if (papers > present.Present)
        {
            throw new DomainException("poll.paperOverPresent",
                $"收回选票 {papers} 张，多于实到人数 {present.Present} 人：请先在签到中登记实到的组成人员。",
                $"{papers} ballot papers but only {present.Present} members present: record the attendance (签到) first.");
        }
        var holdsTally = poll.Voted > 0 || poll.EnteredByHand;
        if (holdsTally && !replace)
        {
            throw new DomainException("poll.paperWouldReplace",
                poll.EnteredByHand ? "本项测评已录入纸质票。如需更正，请选择“替换”并说明理由。"
                    : $"本项测评已有 {poll.Voted} 张电子票。如需以纸质票替换，请选择“替换”并说明理由。",
                poll.EnteredByHand ? "Paper counts were already entered. To correct them, choose replace and give the reason."
                    : $"This vote holds {poll.Voted} electronic ballots. To replace them with paper counts, choose replace and give the reason.");
        }

        var before = holdsTally ? PollTallying.Snapshot(poll) : null;
        foreach (var item in poll.Items)
        {
            var c = byItem[item.Id];
            (item.Satisfied, item.BasicallySatisfied, item.Dissatisfied) = (c.Satisfied, c.BasicallySatisfied, c.Dissatisfied);
            item.Blank = papers - c.Valid();
        }
        (poll.Present, poll.OnLeave) = (present.Present, present.OnLeave);
        poll.Voted = papers;
        poll.EnteredByHand = true;
        poll.EnteredBy = enteredBy;
        PollTallying.Judge(poll);

        var at = PollLifecycle.Stored(change.Now);
        change.Db.VoteAudit.Add(new VoteAuditEntry
        {
            SessionId = poll.SessionId, PollId = poll.Id, By = enteredBy, At = at,
            Action = holdsTally ? VoteAuditActions.PaperReplaced : VoteAuditActions.PaperEntered, Reason = holdsTally ? reason : null,
            Detail = JsonSerializer.Serialize(new { before, after = PollTallying.Snapshot(poll) }, LiveJson.Options),
        });
        var entered = new PaperEntered(poll.Id, enteredBy, at, papers, holdsTally);
        change.PublishToStaff("poll.paperEntered", entered);
        return entered;
    }

    private static Dictionary<long, ItemCount> MatchItems(Poll poll, IReadOnlyList<ItemCount> counts)
    {
        // A single vote may give its counts without naming its one item.
        if (poll.Kind == PollKind.Single && counts.Count == 1 && counts[0].ItemId == 0)
        {
            return new() { [poll.Items.Single().Id] = counts[0] with { ItemId = poll.Items.Single().Id } };
        }
        var ids = poll.Items.Select(i => i.Id).ToHashSet();
        if (counts.Count != ids.Count || counts.Select(c => c.ItemId).Distinct().Count() != counts.Count || counts.Any(c => !ids.Contains(c.ItemId)))
        {
            throw new DomainException("poll.paperItems", "请为测评表的每一项各录入一次票数。",
                "Enter the counts of every item of the sheet exactly once.", 400);
        }
        return counts.ToDictionary(c => c.ItemId);
    }

    private static DomainException MissingBallots() => new("poll.paperBallots", "请填写收回的选票张数。",
        "Enter the number of ballot papers collected.", 400);

    private static int Valid(this ItemCount c) => c.Satisfied + c.BasicallySatisfied + c.Dissatisfied;
}
