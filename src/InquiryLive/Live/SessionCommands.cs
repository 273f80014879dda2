using InquiryLive.Data;
using InquiryLive.Domain;
using Microsoft.EntityFrameworkCore;

namespace InquiryLive.Live;

/// <summary>
/// Runs a state change of a session: persist (one transaction, events included), then return
/// (the caller acknowledges), then broadcast. Writers of one session are serialised: by the
/// <see cref="WriteGate"/> on SQLite, by a row lock on PostgreSQL.
/// </summary>
public sealed class SessionCommands(AppDbContext db, WriteGate gate, LiveNotifier notifier, TimeProvider time)
{
    public async Task<T> RunAsync<T>(Guid sessionId, Func<SessionChange, Task<T>> work, CancellationToken ct = default)
    {
        SessionChange change;
        T result;
        using (await gate.EnterAsync(ct))
        {
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            if (db.Database.IsNpgsql())
            {
                await db.Database.ExecuteSqlInterpolatedAsync($"SELECT 1 FROM \"Sessions\" WHERE \"Id\" = {sessionId} FOR UPDATE", ct);
            }
            var session = await db.Sessions.FirstOrDefaultAsync(s => s.Id == sessionId, ct)
                ?? throw new DomainException("session.notFound", "没有找到该询问会议。", "No such inquiry session.", 404);
            change = new SessionChange(db, session, time.GetUtcNow());
            result = await work(change);
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
            // Enqueued under the gate, so events leave in the order they were numbered.
            notifier.Enqueue(change.Events, change.ViewerNotes);
        }
        return result;
    }

    public Task RunAsync(Guid sessionId, Func<SessionChange, Task> work, CancellationToken ct = default) =>
        RunAsync<bool>(sessionId, async c => { await work(c); return true; }, ct);
}
