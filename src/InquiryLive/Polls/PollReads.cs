using InquiryLive.Data;
using Microsoft.EntityFrameworkCore;

namespace InquiryLive.Polls;

/// <summary>Builds the public shapes of a vote (what is rated, the turnout) from the database.</summary>
internal static class PollReads
{
    /// <summary>A vote of the session with its items, tracked when it is to be changed.</summary>
    public static Task<Poll?> FindAsync(AppDbContext db, Guid sessionId, Guid pollId, bool tracked, CancellationToken ct)
    {
        var polls = tracked ? db.Polls : db.Polls.AsNoTracking();
        return polls.Include(p => p.Items).FirstOrDefaultAsync(p => p.Id == pollId && p.SessionId == sessionId, ct);
    }

    public static async Task<PollView> ViewAsync(AppDbContext db, Poll p, CancellationToken ct)
    {
        var departmentIds = p.Items.Where(i => i.DepartmentId is not null).Select(i => i.DepartmentId!.Value).Distinct().ToList();
        var names = departmentIds.Count == 0 ? [] : await db.Departments.AsNoTracking().Where(d => departmentIds.Contains(d.Id))
            .ToDictionaryAsync(d => d.Id, d => d.Name, ct);
        var items = p.Items.OrderBy(i => i.Order)
            .Select(i => new PollItemView(i.Id, i.Order, i.Title, i.DepartmentId, PollResults.DepartmentName(names, i.DepartmentId), i.FloorItemId))
            .ToList();
        var single = p.Kind == PollKind.Single && items.Count == 1 ? items[0] : null;
        return new PollView(p.Id, p.Kind, p.Title, single?.DepartmentId, single?.DepartmentName, single?.FloorItemId, p.State,
            p.OpenedAt, p.ClosesAt, p.ClosedAt, p.Named, p.AllowBlank, p.FollowsPollId, items);
    }

    /// <summary>Committee members on the roster (应到): evaluator groups never count here.</summary>
    public static Task<int> OfficialRosterAsync(AppDbContext db, Guid sessionId, CancellationToken ct) =>
        db.RosterMembers.CountAsync(m => m.SessionId == sessionId && m.GroupId == null, ct);

    /// <summary>Committee members who have cast a ballot in the vote (receipts of evaluator groups excluded).</summary>
    public static Task<int> OfficialVotedAsync(AppDbContext db, Guid pollId, CancellationToken ct) =>
        (from r in db.BallotReceipts
         join m in db.RosterMembers on r.MemberId equals m.Id
         where r.PollId == pollId && m.GroupId == null
         select r).CountAsync(ct);

    public static async Task<TurnoutView> TurnoutAsync(AppDbContext db, Poll p, CancellationToken ct) =>
        p.State == PollState.Open
            ? new TurnoutView(p.Id, await OfficialVotedAsync(db, p.Id, ct), await OfficialRosterAsync(db, p.SessionId, ct))
            : new TurnoutView(p.Id, p.Voted, p.Entitled);

    public static async Task<CurrentPollView> CurrentAsync(AppDbContext db, Poll p, CancellationToken ct)
    {
        var v = await ViewAsync(db, p, ct);
        return new CurrentPollView(v.Id, v.Kind, v.Title, v.DepartmentId, v.DepartmentName, v.FloorItemId, v.State, v.OpenedAt,
            v.ClosesAt, v.ClosedAt, v.Named, v.AllowBlank, v.FollowsPollId, v.Items, await TurnoutAsync(db, p, ct));
    }

    public static async Task<PublicRatingView> PublicRatingAsync(AppDbContext db, Guid pollId, CancellationToken ct) =>
        (await PollResults.PublicRatingsAsync(db, [pollId], ct)).GetValueOrDefault(pollId) ?? new PublicRatingView(0, 0, 0);

    /// <summary>The vote the public sees now: the open one, else the newest closed one awaiting publication.</summary>
    public static Task<Poll?> CurrentPollAsync(AppDbContext db, Guid sessionId, CancellationToken ct) =>
        db.Polls.AsNoTracking().Include(p => p.Items).Where(p => p.SessionId == sessionId && p.State != PollState.Published)
            .OrderBy(p => p.State).ThenByDescending(p => p.OpenedAt).FirstOrDefaultAsync(ct);
}
