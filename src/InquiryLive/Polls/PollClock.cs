using InquiryLive.Data;
using InquiryLive.Live;
using Microsoft.EntityFrameworkCore;

namespace InquiryLive.Polls;

/// <summary>
/// Every 250 ms: closes votes whose clock has run out (through the same code path as the chair's
/// close), pushes the turnout of votes that took ballots (at most 4 a second per vote) and the 签到
/// figures their ballots changed, and every
/// other tick the public rating of votes that were rated (at most 2 a second). Pushes are ordinary
/// session events, persisted and numbered like any other.
/// </summary>
public sealed class PollClock(IServiceScopeFactory scopes, PollPulse pulse, TimeProvider time, ILogger<PollClock> logger) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(250);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval);
        var tick = 0L;
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                tick++;
                await RunOnce(includeRatings: tick % 2 == 0, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    internal async Task RunOnce(bool includeRatings, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var now = time.GetUtcNow();
        var due = await db.Polls.AsNoTracking()
            .Where(p => p.State == PollState.Open && p.ClosesAt != null && p.ClosesAt <= now)
            .Select(p => new { p.SessionId, p.Id }).ToListAsync(ct);
        foreach (var poll in due)
        {
            await Try(scopes, poll.SessionId, change => PollLifecycle.CloseAsync(change, poll.Id, PollLifecycle.ClockActor, ct), ct);
        }
        foreach (var sessionId in pulse.DrainAttendance())
        {
            await Try(scopes, sessionId, async change =>
            {
                change.Publish(Members.AttendanceApi.ChangedEvent, await Members.AttendanceCounts.ReadAsync(change.Db, sessionId, ct));
                return true;
            }, ct);
        }
        foreach (var (sessionId, pollId) in pulse.DrainTurnout())
        {
            await Try(scopes, sessionId, async change =>
            {
                var p = await change.Db.Polls.AsNoTracking().FirstOrDefaultAsync(x => x.Id == pollId, ct);
                // A closed vote already pushed its final turnout when it closed.
                if (p is { State: PollState.Open }) change.Publish("poll.turnout", await PollReads.TurnoutAsync(change.Db, p, ct));
                return true;
            }, ct);
        }
        if (!includeRatings) return;
        foreach (var (sessionId, pollId) in pulse.DrainRatings())
        {
            await Try(scopes, sessionId, async change =>
            {
                change.Publish("publicRating.changed", new { pollId, rating = await PollReads.PublicRatingAsync(change.Db, pollId, ct) });
                return true;
            }, ct);
        }
    }

    private async Task Try<T>(IServiceScopeFactory factory, Guid sessionId, Func<SessionChange, Task<T>> work, CancellationToken ct)
    {
        try
        {
            await using var scope = factory.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<SessionCommands>().RunAsync(sessionId, work, ct);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogWarning(ex, "Vote clock work for session {SessionId} failed; it is retried on the next tick where it applies", sessionId);
        }
    }
}
