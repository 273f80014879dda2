using InquiryLive.Data;
using Microsoft.EntityFrameworkCore;

namespace InquiryLive.Polls;

/// <summary>Builds the public shapes of a vote from the database.</summary>
internal static class PollReads
{
    public static async Task<string?> DepartmentNameAsync(AppDbContext db, int? departmentId, CancellationToken ct) =>
        departmentId is { } id ? await db.Departments.Where(d => d.Id == id).Select(d => d.Name).FirstOrDefaultAsync(ct) : null;

    public static async Task<PollView> ViewAsync(AppDbContext db, Poll p, CancellationToken ct) =>
        new(p.Id, p.Title, p.DepartmentId, await DepartmentNameAsync(db, p.DepartmentId, ct), p.FloorItemId, p.State,
            p.OpenedAt, p.ClosesAt, p.ClosedAt);

    public static async Task<TurnoutView> TurnoutAsync(AppDbContext db, Poll p, CancellationToken ct) =>
        p.State == PollState.Open
            ? new TurnoutView(p.Id, await db.BallotReceipts.CountAsync(r => r.PollId == p.Id, ct),
                await db.RosterMembers.CountAsync(m => m.SessionId == p.SessionId, ct))
            : new TurnoutView(p.Id, p.Voted, p.Entitled);

    public static async Task<CurrentPollView> CurrentAsync(AppDbContext db, Poll p, CancellationToken ct)
    {
        var v = await ViewAsync(db, p, ct);
        return new CurrentPollView(v.Id, v.Title, v.DepartmentId, v.DepartmentName, v.FloorItemId, v.State, v.OpenedAt,
            v.ClosesAt, v.ClosedAt, await TurnoutAsync(db, p, ct));
    }

    public static async Task<PublicRatingView> PublicRatingAsync(AppDbContext db, Guid pollId, CancellationToken ct)
    {
        var counts = await db.PublicRatings.Where(r => r.PollId == pollId)
            .GroupBy(r => r.Choice).Select(g => new { Choice = g.Key, Count = g.Count() }).ToListAsync(ct);
        int Of(Choice c) => counts.Where(x => x.Choice == c).Sum(x => x.Count);
        return new PublicRatingView(Of(Choice.Satisfied), Of(Choice.BasicallySatisfied), Of(Choice.Dissatisfied));
    }

    public static async Task<PollResultView> ResultAsync(AppDbContext db, Poll p, CancellationToken ct) =>
        new(p.Id, p.Title, p.DepartmentId, await DepartmentNameAsync(db, p.DepartmentId, ct), p.Satisfied, p.BasicallySatisfied,
            p.Dissatisfied, p.Entitled, p.Voted, p.Rate, p.Verdict ?? "invalid", p.RuleSet, p.RateThreshold, p.EnteredByHand,
            p.PublishedAt ?? p.ClosedAt ?? p.OpenedAt, p.FollowsPollId, await PublicRatingAsync(db, p.Id, ct));

    /// <summary>The vote the public sees now: the open one, else the newest closed one awaiting publication.</summary>
    public static Task<Poll?> CurrentPollAsync(AppDbContext db, Guid sessionId, CancellationToken ct) =>
        db.Polls.AsNoTracking().Where(p => p.SessionId == sessionId && p.State != PollState.Published)
            .OrderBy(p => p.State).ThenByDescending(p => p.OpenedAt).FirstOrDefaultAsync(ct);
}
