using InquiryLive.Data;
using InquiryLive.Domain;
using InquiryLive.Domain.Sessions;
using InquiryLive.Live;
using Microsoft.EntityFrameworkCore;

namespace InquiryLive.Sessions;

/// <summary>
/// Reads a session's whole state in one read transaction, so the sections agree with the seq
/// returned: a client applies events with a higher seq on top and misses nothing.
/// </summary>
public sealed class SnapshotReader(AppDbContext db, IEnumerable<ISnapshotPart> parts, LikeCounter likes, PresenceTracker presence, TimeProvider time)
{
    public async Task<Dictionary<string, object?>> ReadAsync(Guid sessionId, bool staff, CancellationToken ct)
    {
        await using var tx = await db.Database.BeginTransactionAsync(System.Data.IsolationLevel.RepeatableRead, ct);
        var session = await db.Sessions.AsNoTracking().Include(s => s.Departments)
            .FirstOrDefaultAsync(s => s.Id == sessionId, ct);
        if (session is null || (!staff && !SessionStateMachine.IsPublic(session.State)))
        {
            throw new DomainException("session.notFound", "没有找到该询问会议。", "No such inquiry session.", 404);
        }
        var snapshot = new Dictionary<string, object?>
        {
            ["seq"] = session.PublicSeq,
            ["serverTime"] = time.GetUtcNow(),
            ["session"] = SessionView.From(session, likes.Unsaved(sessionId)),
            ["viewers"] = presence.Current(sessionId),
        };
        if (staff) snapshot["staffSeq"] = session.StaffSeq;
        foreach (var part in parts)
        {
            if (part.StaffOnly && !staff) continue;
            snapshot[part.Name] = await part.ReadAsync(db, session, ct);
        }
        await tx.CommitAsync(ct);
        return snapshot;
    }
}
