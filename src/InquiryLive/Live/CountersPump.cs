using InquiryLive.Data;
using Microsoft.EntityFrameworkCore;

namespace InquiryLive.Live;

/// <summary>
/// Twice a second: adds pending likes and visits to the session totals in the database, then
/// broadcasts one <see cref="LiveCounters"/> per session whose numbers changed. With several nodes
/// on PostgreSQL it also records this node's viewers in NodePresence and broadcasts the totals of
/// all nodes (see <see cref="FlushClusterAsync"/>).
/// </summary>
public sealed class CountersPump(
    IServiceScopeFactory scopes, LikeCounter likes, PresenceTracker presence, LiveNotifier notifier,
    WriteGate gate, LiveCluster cluster, ILogger<CountersPump> logger) : BackgroundService
{
    /// <summary>A node whose heartbeat is older than this no longer counts (it stopped or died).</summary>
    public static readonly TimeSpan HeartbeatLifetime = TimeSpan.FromSeconds(10);

    /// <summary>What this node last broadcast per session (cluster mode; the pump loop only).</summary>
    private readonly Dictionary<Guid, LiveCounters> _lastSent = [];

    public static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(500);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                await FlushAsync(stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        // Last flush on shutdown so no counted like is lost.
        await FlushAsync(CancellationToken.None);
        if (cluster.Enabled) await LeaveClusterAsync();
    }

    internal async Task FlushAsync(CancellationToken ct)
    {
        if (cluster.Enabled)
        {
            await FlushClusterAsync(ct);
            return;
        }
        var changes = new Dictionary<Guid, (long Taps, long Visits, int Peak)>();
        foreach (var (sessionId, taps) in likes.Drain()) changes[sessionId] = (taps, 0, 0);
        foreach (var (sessionId, p) in presence.Sessions)
        {
            if (!p.Changed) continue;
            p.Changed = false;
            var visits = Interlocked.Exchange(ref p.NewVisits, 0);
            changes.TryGetValue(sessionId, out var c);
            changes[sessionId] = (c.Taps, visits, Volatile.Read(ref p.Peak));
        }
        if (changes.Count == 0) return;

        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        foreach (var (sessionId, (taps, visits, peak)) in changes)
        {
            try
            {
                using (await gate.EnterAsync(ct))
                {
                    await db.Sessions.Where(s => s.Id == sessionId).ExecuteUpdateAsync(u => u
                        .SetProperty(s => s.LikeCount, s => s.LikeCount + taps)
                        .SetProperty(s => s.ViewerVisits, s => s.ViewerVisits + visits)
                        .SetProperty(s => s.PeakViewers, s => s.PeakViewers > peak ? s.PeakViewers : peak), ct);
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                likes.Restore(sessionId, taps);
                logger.LogWarning(ex, "Could not persist counters of session {SessionId}; will retry", sessionId);
                continue;
            }
            try
            {
                var totals = await db.Sessions.AsNoTracking().Where(s => s.Id == sessionId)
                    .Select(s => new { s.LikeCount, s.ViewerVisits }).FirstOrDefaultAsync(ct);
                if (totals is not null)
                {
                    await notifier.CountersAsync(new LiveCounters(sessionId, totals.LikeCount, presence.Current(sessionId), totals.ViewerVisits));
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogWarning(ex, "Could not broadcast counters of session {SessionId}", sessionId);
            }
        }
    }

    /// <summary>
    /// Several nodes: each adds its own pending likes and visits to the session row (a delta, so
    /// totals are exact whichever node counted them), refreshes its NodePresence rows, then reads the
    /// totals of all nodes and broadcasts those that differ from what it last sent. Every statement
    /// here is a single-row autocommit write (never two locks held at once), so it cannot deadlock
    /// with a command holding a session's row lock; at worst it waits for that command to commit.
    /// </summary>
    internal async Task FlushClusterAsync(CancellationToken ct)
    {
        var deltas = new Dictionary<Guid, (long Taps, long Visits)>();
        foreach (var (sessionId, taps) in likes.Drain()) deltas[sessionId] = (taps, 0);
        var local = new List<(Guid SessionId, int Viewers)>();
        var changedHere = new HashSet<Guid>(deltas.Keys);
        foreach (var (sessionId, p) in presence.Sessions)
        {
            if (p.Changed) changedHere.Add(sessionId);
            p.Changed = false;
            var visits = Interlocked.Exchange(ref p.NewVisits, 0);
            if (visits != 0)
            {
                deltas.TryGetValue(sessionId, out var d);
                deltas[sessionId] = (d.Taps, visits);
            }
            local.Add((sessionId, Volatile.Read(ref p.Current)));
        }

        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        foreach (var (sessionId, (taps, visits)) in deltas)
        {
            try
            {
                await db.Sessions.Where(s => s.Id == sessionId).ExecuteUpdateAsync(u => u
                    .SetProperty(s => s.LikeCount, s => s.LikeCount + taps)
                    .SetProperty(s => s.ViewerVisits, s => s.ViewerVisits + visits), ct);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                likes.Restore(sessionId, taps);
                presence.RestoreVisits(sessionId, visits);
                logger.LogWarning(ex, "Could not persist counters of session {SessionId}; will retry", sessionId);
            }
        }

        try
        {
            foreach (var (sessionId, viewers) in local)
            {
                // The database clock stamps heartbeats, so nodes with skewed clocks still agree.
                await db.Database.ExecuteSqlInterpolatedAsync($"""
                    INSERT INTO "NodePresence" ("NodeId", "SessionId", "Viewers", "HeartbeatAt")
                    VALUES ({cluster.NodeId}, {sessionId}, {viewers}, now())
                    ON CONFLICT ("NodeId", "SessionId") DO UPDATE SET "Viewers" = EXCLUDED."Viewers", "HeartbeatAt" = EXCLUDED."HeartbeatAt"
                    """, ct);
            }
            var seconds = (int)HeartbeatLifetime.TotalSeconds;
            var viewersBySession = (await db.Database.SqlQuery<SessionViewers>($"""
                    SELECT "SessionId", COALESCE(SUM("Viewers"), 0)::int AS "Viewers" FROM "NodePresence"
                    WHERE "HeartbeatAt" > now() - make_interval(secs => {seconds}) GROUP BY "SessionId"
                    """).ToListAsync(ct))
                .ToDictionary(v => v.SessionId, v => v.Viewers);
            var sessions = await db.Sessions.AsNoTracking()
                .Select(s => new { s.Id, s.LikeCount, s.ViewerVisits, s.PeakViewers }).ToListAsync(ct);
            foreach (var s in sessions)
            {
                var viewers = viewersBySession.GetValueOrDefault(s.Id);
                presence.SetClusterViewers(s.Id, viewers);
                if (viewers > s.PeakViewers)
                {
                    await db.Sessions.Where(x => x.Id == s.Id).ExecuteUpdateAsync(u => u
                        .SetProperty(x => x.PeakViewers, x => x.PeakViewers > viewers ? x.PeakViewers : viewers), ct);
                }
                // Sent when something changed here (as on one node) or differs from what this node
                // last sent (a change on another node). The first sight of an idle session is only
                // noted: its clients have the totals from the snapshot.
                var counters = new LiveCounters(s.Id, s.LikeCount, viewers, s.ViewerVisits);
                var seen = _lastSent.TryGetValue(s.Id, out var last);
                _lastSent[s.Id] = counters;
                if (changedHere.Contains(s.Id) || (seen && last != counters))
                {
                    await notifier.CountersAsync(counters);
                }
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogWarning(ex, "Could not share or broadcast viewer counts; will retry");
        }
    }

    /// <summary>A stopping node takes its viewers out of the totals at once.</summary>
    private async Task LeaveClusterAsync()
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            await db.NodePresence.Where(p => p.NodeId == cluster.NodeId).ExecuteDeleteAsync();
        }
        catch (Exception ex)
        {
            logger.LogWarning(ex, "Could not remove this node's presence rows");
        }
    }

    private sealed class SessionViewers
    {
        public Guid SessionId { get; set; }
        public int Viewers { get; set; }
    }
}
