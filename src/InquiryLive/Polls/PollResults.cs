using InquiryLive.Data;
using InquiryLive.Domain.Satisfaction;
using Microsoft.EntityFrameworkCore;

namespace InquiryLive.Polls;

/// <summary>
/// Builds the frozen results of closed or published votes (their items loaded), for the chair's
/// preview, the published result, the report and the exports alike: one shape, one place.
/// </summary>
internal static class PollResults
{
    /// <summary>
    /// The results of the given polls, in their order. <c>forStaff</c> (the chair's preview, the report):
    /// for named votes the members under each choice, and who entered paper counts; never in the public result.
    /// </summary>
    public static async Task<List<PollResultView>> BuildAsync(AppDbContext db, IReadOnlyList<Poll> polls, bool forStaff, CancellationToken ct)
    {
        if (polls.Count == 0) return [];
        var ids = polls.Select(p => p.Id).ToList();
        var sessionIds = polls.Select(p => p.SessionId).Distinct().ToList();
        var departments = await db.Departments.AsNoTracking().Where(d => sessionIds.Contains(d.SessionId))
            .ToDictionaryAsync(d => d.Id, d => d.Name, ct);
        var groups = (await db.PollGroupTallies.AsNoTracking().Where(t => ids.Contains(t.PollId)).ToListAsync(ct))
            .ToLookup(t => t.ItemId);
        var ratings = await PublicRatingsAsync(db, polls.Where(p => p.Kind == PollKind.Single).Select(p => p.Id).ToList(), ct);
        // A paper tally has no names behind it: the names would describe ballots that no longer count.
        var names = forStaff ? await NamesAsync(db, polls.Where(p => p.Named && !p.EnteredByHand).ToList(), ct) : [];
        // A single vote always has a public rating, if only an empty one; a sheet has none.
        PublicRatingView? RatingOf(Poll p) => p.Kind == PollKind.Single ? ratings.GetValueOrDefault(p.Id) ?? new PublicRatingView(0, 0, 0) : null;
        return polls.Select(p => Result(p, departments, groups, RatingOf(p), names, forStaff)).ToList();
    }

    public static async Task<PollResultView> BuildAsync(AppDbContext db, Poll poll, bool forStaff, CancellationToken ct) =>
        (await BuildAsync(db, [poll], forStaff, ct))[0];

    private static PollResultView Result(
        Poll p, IReadOnlyDictionary<int, string> departments, ILookup<long, PollGroupTally> groups, PublicRatingView? rating,
        IReadOnlyDictionary<long, IReadOnlyDictionary<string, IReadOnlyList<string>>> names, bool forStaff)
    {
        var rule = p.Rule();
        var attendance = new Attendance(p.Entitled, p.Present, p.OnLeave);
        var items = p.Items.OrderBy(i => i.Order).Select(i =>
        {
            var outcome = SatisfactionRules.Evaluate(i.Counts, attendance, rule);
            var superseded = i.SupersededByPollId is { } by ? new SupersededView(by, i.SupersededReason ?? "", i.SupersededBy ?? "", i.SupersededAt ?? p.OpenedAt) : null;
            return new ItemResultView(i.Id, i.Order, i.Title, i.DepartmentId, DepartmentName(departments, i.DepartmentId), i.FloorItemId,
                i.Satisfied, i.BasicallySatisfied, i.Dissatisfied, i.Blank, i.Counts.Valid, i.Verdict ?? outcome.Verdict, outcome.ReportAgain,
                outcome.InvalidReason, RuleWords.InvalidZh(outcome), RuleWords.InvalidEn(outcome), FigureView.From(outcome.Turnout),
                outcome.Measures.Select(FigureView.From).ToList(), superseded,
                groups[i.Id].OrderBy(g => g.GroupId).Select(g => new GroupTallyView(g.GroupId, g.GroupName, g.Members, g.Voted,
                    g.Satisfied, g.BasicallySatisfied, g.Dissatisfied, g.Blank)).ToList(),
                names.GetValueOrDefault(i.Id));
        }).ToList();
        var single = p.Kind == PollKind.Single && items.Count == 1 ? items[0] : null;
        return new PollResultView(p.Id, p.Kind, p.Title, p.State, RuleView.From(rule), new AttendanceFigures(p.Entitled, p.Present, p.OnLeave),
            p.Voted, p.Named, p.EnteredByHand, forStaff ? p.EnteredBy : null, p.ClosedAt, p.PublishedAt, p.FollowsPollId,
            items.Any(i => i.Verdict == Verdicts.Invalid && i.Superseded is null), items, rating,
            single?.DepartmentId, single?.DepartmentName, single?.Satisfied, single?.BasicallySatisfied, single?.Dissatisfied, single?.Verdict);
    }

    public static string? DepartmentName(IReadOnlyDictionary<int, string> departments, int? id) =>
        id is { } d ? departments.GetValueOrDefault(d) : null;

    public static async Task<Dictionary<Guid, PublicRatingView>> PublicRatingsAsync(AppDbContext db, List<Guid> pollIds, CancellationToken ct)
    {
        if (pollIds.Count == 0) return [];
        var rows = await db.PublicRatings.AsNoTracking().Where(r => pollIds.Contains(r.PollId))
            .GroupBy(r => new { r.PollId, r.Choice }).Select(g => new { g.Key.PollId, g.Key.Choice, Count = g.Count() })
            .ToListAsync(ct);
        return rows.GroupBy(r => r.PollId).ToDictionary(g => g.Key, g => new PublicRatingView(
            g.Where(r => r.Choice == Choice.Satisfied).Sum(r => r.Count),
            g.Where(r => r.Choice == Choice.BasicallySatisfied).Sum(r => r.Count),
            g.Where(r => r.Choice == Choice.Dissatisfied).Sum(r => r.Count)));
    }

    /// <summary>
    /// For named votes only: the committee members under each choice of each item, and under
    /// "blank" those who voted but left the item empty. Secret votes store no name to list.
    /// </summary>
    private static async Task<Dictionary<long, IReadOnlyDictionary<string, IReadOnlyList<string>>>> NamesAsync(
        AppDbContext db, List<Poll> named, CancellationToken ct)
    {
        var result = new Dictionary<long, IReadOnlyDictionary<string, IReadOnlyList<string>>>();
        if (named.Count == 0) return result;
        var ids = named.Select(p => p.Id).ToList();
        var choices = await (from c in db.BallotChoices.AsNoTracking()
                             join m in db.RosterMembers.AsNoTracking() on c.MemberId equals m.Id
                             where ids.Contains(c.PollId) && c.GroupId == null
                             select new { c.ItemId, c.Choice, m.Id, m.DisplayName }).ToListAsync(ct);
        var voters = await (from r in db.BallotReceipts.AsNoTracking()
                            join m in db.RosterMembers.AsNoTracking() on r.MemberId equals m.Id
                            where ids.Contains(r.PollId) && m.GroupId == null
                            select new { r.PollId, m.Id, m.DisplayName }).ToListAsync(ct);
        foreach (var item in named.SelectMany(p => p.Items.Select(i => (Poll: p, Item: i))))
        {
            var mine = choices.Where(c => c.ItemId == item.Item.Id).ToList();
            var chose = mine.Select(c => c.Id).ToHashSet();
            var byChoice = new Dictionary<string, IReadOnlyList<string>>
            {
                ["satisfied"] = Sorted(mine.Where(c => c.Choice == Choice.Satisfied).Select(c => c.DisplayName)),
                ["basicallySatisfied"] = Sorted(mine.Where(c => c.Choice == Choice.BasicallySatisfied).Select(c => c.DisplayName)),
                ["dissatisfied"] = Sorted(mine.Where(c => c.Choice == Choice.Dissatisfied).Select(c => c.DisplayName)),
                ["blank"] = Sorted(voters.Where(v => v.PollId == item.Poll.Id && !chose.Contains(v.Id)).Select(v => v.DisplayName)),
            };
            result[item.Item.Id] = byChoice;
        }
        return result;
    }

    private static List<string> Sorted(IEnumerable<string> names) => names.Order(StringComparer.Ordinal).ToList();
}
