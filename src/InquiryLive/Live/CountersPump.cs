using InquiryLive.Data;
using Microsoft.EntityFrameworkCore;

namespace InquiryLive.Live;

/// <summary>
/// Twice a second: adds pending likes and visits to the session totals in the database, then
/// broadcasts one <see cref="LiveCounters"/> per session whose numbers changed.
/// </summary>
public sealed class CountersPump(
    IServiceScopeFactory scopes, LikeCounter likes, PresenceTracker presence, LiveNotifier notifier,
    WriteGate gate, ILogger<CountersPump> logger) : BackgroundService
{
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
    }

    internal async Task FlushAsync(CancellationToken ct)
    {
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
}
