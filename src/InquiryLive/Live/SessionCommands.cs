using System.Text.Json;
using InquiryLive.Data;
using InquiryLive.Domain;
using Microsoft.EntityFrameworkCore;

namespace InquiryLive.Live;

/// <summary>
/// Runs a state change of a session: persist (one transaction, events included), then return
/// (the caller acknowledges), then broadcast. Writers of one session are serialised: by the
/// <see cref="WriteGate"/> on SQLite, by a row lock on PostgreSQL. On PostgreSQL the events leave
/// through the <see cref="EventRelay"/> of every node (this one included), woken by a NOTIFY sent
/// in the same transaction; private viewer notes are stored with the change for the same reason.
/// </summary>
public sealed class SessionCommands(AppDbContext db, WriteGate gate, LiveNotifier notifier, EventRelay relay, LiveCluster cluster, TimeProvider time)
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
            var relayed = cluster.Enabled && (change.Events.Count > 0 || change.ViewerNotes.Count > 0);
            if (relayed)
            {
                foreach (var (viewerId, note) in change.ViewerNotes)
                {
                    db.ViewerNotes.Add(new ViewerNote
                    {
                        SessionId = sessionId,
                        ViewerId = viewerId,
                        Data = JsonSerializer.Serialize(note, LiveJson.Options),
                        At = change.Now,
                    });
                }
            }
            await db.SaveChangesAsync(ct);
            if (relayed)
            {
                // Delivered to every listening node when the transaction commits, never before.
                await db.Database.ExecuteSqlInterpolatedAsync($"SELECT pg_notify({EventRelay.ChannelName}, {sessionId.ToString()})", ct);
            }
            await tx.CommitAsync(ct);
            if (relayed)
            {
                relay.Wake(sessionId);
            }
            else if (!cluster.Enabled)
            {
                // Enqueued under the gate, so events leave in the order they were numbered.
                notifier.Enqueue(change.Events, change.ViewerNotes);
            }
        }
        return result;
    }

    public Task RunAsync(Guid sessionId, Func<SessionChange, Task> work, CancellationToken ct = default) =>
        RunAsync<bool>(sessionId, async c => { await work(c); return true; }, ct);
}
