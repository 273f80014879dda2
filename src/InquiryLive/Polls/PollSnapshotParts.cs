using InquiryLive.Data;
using InquiryLive.Sessions;
using Microsoft.EntityFrameworkCore;

namespace InquiryLive.Polls;

/// <summary>Snapshot <c>poll</c>: the open or closed-unpublished vote with its turnout (never a count), or null.</summary>
internal sealed class PollSnapshotPart : ISnapshotPart
{
    public string Name => "poll";

    public async Task<object?> ReadAsync(AppDbContext db, InquirySession session, CancellationToken ct) =>
        await PollReads.CurrentPollAsync(db, session.Id, ct) is { } poll ? await PollReads.CurrentAsync(db, poll, ct) : null;
}

/// <summary>Snapshot <c>results</c>: every published result of the session, newest first.</summary>
internal sealed class ResultsSnapshotPart : ISnapshotPart
{
    public string Name => "results";

    public async Task<object?> ReadAsync(AppDbContext db, InquirySession session, CancellationToken ct)
    {
        var polls = await db.Polls.AsNoTracking().Include(p => p.Items)
            .Where(p => p.SessionId == session.Id && p.State == PollState.Published).ToListAsync(ct);
        return await PollResults.BuildAsync(db, polls.OrderByDescending(p => p.PublishedAt).ToList(), forStaff: false, ct);
    }
}
