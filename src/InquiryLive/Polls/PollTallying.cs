using InquiryLive.Data;
using InquiryLive.Domain.Satisfaction;
using InquiryLive.Members;
using Microsoft.EntityFrameworkCore;

namespace InquiryLive.Polls;

/// <summary>Counting a vote at close: 签到, the committee members' choices per item, each evaluator group's apart.</summary>
internal static class PollTallying
{
    public static async Task FreezeAsync(AppDbContext db, Poll poll, CancellationToken ct)
    {
        var roster = await db.RosterMembers.AsNoTracking().Where(m => m.SessionId == poll.SessionId)
            .Select(m => new { m.Id, m.GroupId, m.Attendance }).ToListAsync(ct);
        var voters = (await db.BallotReceipts.AsNoTracking().Where(r => r.PollId == poll.Id).Select(r => r.MemberId).ToListAsync(ct)).ToHashSet();
        var official = roster.Where(m => m.GroupId == null).ToList();
        poll.Entitled = official.Count;
        poll.Voted = official.Count(m => voters.Contains(m.Id));
        // Voting is being there: a member who voted counts as present even if nobody marked them.
        poll.Present = official.Count(m => m.Attendance == AttendanceStatus.Present || voters.Contains(m.Id));
        poll.OnLeave = official.Count(m => m.Attendance == AttendanceStatus.OnLeave && !voters.Contains(m.Id));

        var counts = await db.BallotChoices.AsNoTracking().Where(c => c.PollId == poll.Id)
            .GroupBy(c => new { c.ItemId, c.GroupId, c.Choice })
            .Select(g => new { g.Key.ItemId, g.Key.GroupId, g.Key.Choice, Count = g.Count() }).ToListAsync(ct);
        int Count(long itemId, int? groupId, Choice choice) =>
            counts.Where(c => c.ItemId == itemId && c.GroupId == groupId && c.Choice == choice).Sum(c => c.Count);

        foreach (var item in poll.Items)
        {
            item.Satisfied = Count(item.Id, null, Choice.Satisfied);
            item.BasicallySatisfied = Count(item.Id, null, Choice.BasicallySatisfied);
            item.Dissatisfied = Count(item.Id, null, Choice.Dissatisfied);
            item.Blank = poll.Voted - item.Counts.Valid;
        }
        Judge(poll);

        var groups = await db.EvaluatorGroups.AsNoTracking().Where(g => g.SessionId == poll.SessionId).OrderBy(g => g.Order).ToListAsync(ct);
        foreach (var group in groups)
        {
            var members = roster.Where(m => m.GroupId == group.Id).ToList();
            if (members.Count == 0) continue;
            var voted = members.Count(m => voters.Contains(m.Id));
            foreach (var item in poll.Items)
            {
                var tally = new PollGroupTally
                {
                    PollId = poll.Id, ItemId = item.Id, GroupId = group.Id, GroupName = group.Name, Members = members.Count, Voted = voted,
                    Satisfied = Count(item.Id, group.Id, Choice.Satisfied),
                    BasicallySatisfied = Count(item.Id, group.Id, Choice.BasicallySatisfied),
                    Dissatisfied = Count(item.Id, group.Id, Choice.Dissatisfied),
                };
                tally.Blank = voted - tally.Satisfied - tally.BasicallySatisfied - tally.Dissatisfied;
                db.PollGroupTallies.Add(tally);
            }
        }
    }

    /// <summary>Each item's verdict from its frozen counts, 签到 and the rule frozen on the vote.</summary>
    public static void Judge(Poll poll)
    {
        var rule = poll.Rule();
        var attendance = new Attendance(poll.Entitled, poll.Present, poll.OnLeave);
        foreach (var item in poll.Items) item.Verdict = SatisfactionRules.Evaluate(item.Counts, attendance, rule).Verdict;
    }

    /// <summary>The official tally as it stands, for the audit log (both sides of a paper replacement).</summary>
    public static object Snapshot(Poll poll) => new
    {
        attendance = new AttendanceFigures(poll.Entitled, poll.Present, poll.OnLeave),
        poll.Voted,
        poll.EnteredByHand,
        // A list, taken now: a lazy query would be read after a paper entry changed the items.
        items = poll.Items.OrderBy(i => i.Order).Select(i => new { i.Id, i.Title, i.Satisfied, i.BasicallySatisfied, i.Dissatisfied, i.Blank, i.Verdict }).ToList(),
    };
}
