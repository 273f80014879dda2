using InquiryLive.Data;
using InquiryLive.Domain.Satisfaction;
using InquiryLive.Members;
using Microsoft.EntityFrameworkCore;

namespace InquiryLive.Polls;

/// <summary>Counting a vote at close: 签到, the committee members' choices per item, each evaluator group's apart.</summary>
internal static class PollTallying
{
    /// <summary>Who is on the roster (with 签到 and group) and who has cast a ballot in the vote.</summary>
    public sealed record Roll(IReadOnlyList<(int Id, int? GroupId, AttendanceStatus Attendance)> Roster, IReadOnlySet<int> Voters)
    {
        private IEnumerable<(int Id, int? GroupId, AttendanceStatus Attendance)> Official => Roster.Where(m => m.GroupId == null);

        public int Expected => Official.Count();

        public int Voted => Official.Count(m => Voters.Contains(m.Id));

        /// <summary>实到: marked present, or voted (voting is being there, even if nobody marked them).</summary>
        public int Present => Official.Count(m => m.Attendance == AttendanceStatus.Present || Voters.Contains(m.Id));

        /// <summary>请假: on leave and did not vote.</summary>
        public int OnLeave => Official.Count(m => m.Attendance == AttendanceStatus.OnLeave && !Voters.Contains(m.Id));
    }

    public static async Task<Roll> ReadRollAsync(AppDbContext db, Poll poll, CancellationToken ct)
    {
        var roster = await db.RosterMembers.AsNoTracking().Where(m => m.SessionId == poll.SessionId)
            .Select(m => new { m.Id, m.GroupId, m.Attendance }).ToListAsync(ct);
        var voters = await db.BallotReceipts.AsNoTracking().Where(r => r.PollId == poll.Id).Select(r => r.MemberId).ToListAsync(ct);
        return new Roll(roster.Select(m => (m.Id, m.GroupId, m.Attendance)).ToList(), voters.ToHashSet());
    }

    public static async Task FreezeAsync(AppDbContext db, Poll poll, CancellationToken ct)
    {
        var roll = await ReadRollAsync(db, poll, ct);
        var (roster, voters) = (roll.Roster, roll.Voters);
        (poll.Entitled, poll.Voted, poll.Present, poll.OnLeave) = (roll.Expected, roll.Voted, roll.Present, roll.OnLeave);

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
