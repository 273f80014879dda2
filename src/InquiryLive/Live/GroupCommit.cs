using System.Diagnostics;
using System.Threading.Channels;
using InquiryLive.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace InquiryLive.Live;

/// <summary>
/// Group commit for the public's frequent small writes (questions, public ratings). Commands that
/// arrive while a batch is being written wait in a queue; the next batch runs all of them for one
/// session inside ONE <see cref="SessionCommands"/> transaction (one fsync), each with its own events
/// and seq, and answers every caller only after the commit: persist, then acknowledge. Alone, a
/// command is written at once; under a burst a thousand commits become a few dozen.
///
/// A grouped command must check before it changes anything: when it throws a
/// <see cref="DomainException"/>, the entities it added are dropped and the others in the batch go on.
/// Its database calls must not take its caller's cancellation token: the transaction and its reads
/// (<see cref="SessionChange.OnceAsync{T}"/>) are shared by the batch, and one viewer hanging up would
/// otherwise fail every command in it (on PostgreSQL a cancelled statement aborts the transaction).
/// A command whose caller has gone is still stored; the caller's retry with the same id gets it back.
/// </summary>
public sealed class GroupCommit(IServiceScopeFactory scopes, ILogger<GroupCommit> logger) : BackgroundService
{
    private const int MaxBatch = 256;
    private readonly Channel<Pending> _queue = Channel.CreateUnbounded<Pending>(new UnboundedChannelOptions { SingleReader = true });
    private long _batches, _commands, _writingTicks;
    private int _largestBatch, _queued;

    /// <summary>
    /// What the writer has done since the start (for operators and the intake benchmark): its share of
    /// the wall clock spent writing says whether the single writer or the CPU as a whole limits intake.
    /// </summary>
    public GroupCommitFigures Figures() => new(
        Interlocked.Read(ref _batches), Interlocked.Read(ref _commands), Volatile.Read(ref _largestBatch),
        TimeSpan.FromTicks(Interlocked.Read(ref _writingTicks)).TotalMilliseconds, Volatile.Read(ref _queued));

    /// <summary>
    /// Queues <paramref name="work"/> for the next batch of its session and answers once that batch
    /// has committed. <paramref name="key"/> says what the command is about (e.g. the id of the question
    /// it adds), for <see cref="SessionChange.KeysInBatch{TKey}"/>: a check that every command of a
    /// batch makes can then be one query for the whole batch.
    /// </summary>
    public async Task<T> RunAsync<T>(Guid sessionId, Func<SessionChange, Task<T>> work, CancellationToken ct = default, object? key = null)
    {
        ct.ThrowIfCancellationRequested();
        var pending = new Pending(sessionId, async change => await work(change), key);
        // Counted here because a single-reader queue cannot count itself. The queue is unbounded and
        // never completed, so the write always succeeds.
        Interlocked.Increment(ref _queued);
        _queue.Writer.TryWrite(pending);
        return (T)(await pending.Outcome.Task)!;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var batch = new List<Pending>(MaxBatch);
        try
        {
            while (await _queue.Reader.WaitToReadAsync(stoppingToken))
            {
                batch.Clear();
                while (batch.Count < MaxBatch && _queue.Reader.TryRead(out var item)) batch.Add(item);
                Interlocked.Add(ref _queued, -batch.Count);
                var started = Stopwatch.GetTimestamp();
                foreach (var session in batch.GroupBy(p => p.SessionId)) await RunBatchAsync(session.Key, [.. session]);
                // Written by this one reader, read by the diagnostics endpoint.
                Interlocked.Add(ref _writingTicks, Stopwatch.GetElapsedTime(started).Ticks);
                Interlocked.Increment(ref _batches);
                Interlocked.Add(ref _commands, batch.Count);
                if (batch.Count > _largestBatch) Volatile.Write(ref _largestBatch, batch.Count);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        // Shutting down: whoever still waits gets an error (and retries with the same id), never a false yes.
        while (_queue.Reader.TryRead(out var left)) left.Outcome.TrySetCanceled();
    }

    private async Task RunBatchAsync(Guid sessionId, List<Pending> items)
    {
        var results = new List<(Pending Item, object? Result, Exception? Error)>(items.Count);
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<SessionCommands>().RunAsync(sessionId, async change =>
            {
                // Change detection scans every tracked entity; run per item it made a batch quadratic
                // (a slow batch made the next one bigger and slower). Items only add entities or touch
                // the session row, so one scan before the save is enough.
                change.BatchKeys = [.. items.Select(i => i.Key).OfType<object>()];
                var tracker = change.Db.ChangeTracker;
                var tracked = new List<EntityEntry>();
                void OnTracked(object? sender, EntityTrackedEventArgs e) => tracked.Add(e.Entry);
                tracker.AutoDetectChangesEnabled = false;
                tracker.Tracked += OnTracked;
                try
                {
                    foreach (var item in items)
                    {
                        var trackedBefore = tracked.Count;
                        try
                        {
                            results.Add((item, await item.Work(change), null));
                        }
                        catch (DomainException refused)
                        {
                            // Drop only what this item added; the rest of the batch goes on.
                            foreach (var added in tracked.Skip(trackedBefore).Where(e => e.State == EntityState.Added))
                            {
                                added.State = EntityState.Detached;
                            }
                            results.Add((item, null, refused));
                        }
                    }
                }
                finally
                {
                    tracker.Tracked -= OnTracked;
                    tracker.AutoDetectChangesEnabled = true;
                }
            });
        }
        catch (Exception ex)
        {
            if (ex is not DomainException) logger.LogError(ex, "A batch of {Count} commands could not be stored", items.Count);
            foreach (var item in items) item.Outcome.TrySetException(ex);
            return;
        }
        foreach (var (item, result, error) in results)
        {
            if (error is not null) item.Outcome.TrySetException(error);
            else item.Outcome.TrySetResult(result);
        }
    }

    private sealed record Pending(Guid SessionId, Func<SessionChange, Task<object?>> Work, object? Key)
    {
        public TaskCompletionSource<object?> Outcome { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}

/// <summary>Group commit's work since the start: batches written, commands in them, the largest batch,
/// the time spent writing them (ms) and the commands waiting now.</summary>
public sealed record GroupCommitFigures(long Batches, long Commands, int LargestBatch, double WritingMilliseconds, int Queued);
