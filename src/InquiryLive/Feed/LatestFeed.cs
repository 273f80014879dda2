using InquiryLive.Data;
using InquiryLive.Sessions;
using Microsoft.EntityFrameworkCore;

namespace InquiryLive.Feed;

/// <summary>Snapshot section <c>feed</c>: the latest posts of the live feed, newest first.</summary>
public sealed class LatestFeed : ISnapshotPart
{
    public const int Limit = 50;

    public string Name => "feed";

    public async Task<object?> ReadAsync(AppDbContext db, InquirySession session, CancellationToken ct) =>
        (await db.FeedPosts.AsNoTracking()
            .Where(p => p.SessionId == session.Id)
            .OrderByDescending(p => p.Id).Take(Limit)
            .ToListAsync(ct))
        .Select(FeedPostView.From).ToArray();
}
