using System.Text.Json;
using System.Threading.Channels;
using InquiryLive.Data;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace InquiryLive.Live;

/// <summary>
/// On PostgreSQL, the only broadcast path of session events. Each command notifies the channel
/// <c>inquirylive_events</c> with its session id in its own transaction (delivered at commit). Every
/// node listens on one dedicated connection and, when woken, reads the session's events after the
/// last seq it broadcast (public and staff streams) and the viewer notes after the last one it
/// delivered, and pushes them in order through its hubs: once per node, whichever node committed.
/// A poll every two seconds catches anything a lost notification or a dropped connection missed.
/// </summary>
public sealed class EventRelay(
    LiveCluster cluster, IServiceScopeFactory scopes, LiveNotifier notifier, TimeProvider time, ILogger<EventRelay> logger) : BackgroundService
{
    public const string ChannelName = "inquirylive_events";
    public static readonly TimeSpan PollInterval = TimeSpan.FromSeconds(2);
    /// <summary>Viewer notes older than this are deleted (a viewer away longer reads their questions over HTTP).</summary>
    public static readonly TimeSpan NoteLifetime = TimeSpan.FromMinutes(10);
    private const int Page = 500;

    /// <summary>Session ids to catch up; <see cref="Guid.Empty"/> asks for a poll of all sessions.</summary>
    private readonly Channel<Guid> _wakes = Channel.CreateUnbounded<Guid>(new UnboundedChannelOptions { SingleReader = true });
    /// <summary>Where each session stands on this node. Touched by the relay loop only.</summary>
    private readonly Dictionary<Guid, Cursor> _cursors = [];
    /// <summary>Viewer notes up to this id were written before this node started.</summary>
    private long _noteFloor;
    private DateTimeOffset _nextCleanup;

    /// <summary>Ask the relay to catch a session up now (the committing node does not wait for its own notification).</summary>
    public void Wake(Guid sessionId) => _wakes.Writer.TryWrite(sessionId);

    /// <summary>The cursors are set before the node takes connections, so no commit falls between.</summary>
    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        if (cluster.Enabled)
        {
            await using var scope = scopes.CreateAsyncScope();
            await StartCursorsAsync(scope.ServiceProvider.GetRequiredService<AppDbContext>(), cancellationToken);
        }
        await base.StartAsync(cancellationToken);
    }

    protected override Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!cluster.Enabled) return Task.CompletedTask;
        return Task.WhenAll(RelayAsync(stoppingToken), ListenAsync(stoppingToken), PollAsync(stoppingToken));
    }

    private async Task ListenAsync(CancellationToken ct)
    {
        var csb = new NpgsqlConnectionStringBuilder(cluster.ListenConnectionString)
        {
            // A dedicated connection, never returned to a pool; keepalives notice a dead server.
            Pooling = false,
            KeepAlive = 10,
            ApplicationName = "InquiryLive relay " + cluster.NodeId,
        };
        var backoff = TimeSpan.FromMilliseconds(250);
        while (!ct.IsCancellationRequested)
        {
            try
            {
                await using var connection = new NpgsqlConnection(csb.ConnectionString);
                await connection.OpenAsync(ct);
                connection.Notification += (_, e) =>
                {
                    if (Guid.TryParse(e.Payload, out var sessionId)) Wake(sessionId);
                };
                await using (var listen = new NpgsqlCommand($"LISTEN {ChannelName}", connection))
                {
                    await listen.ExecuteNonQueryAsync(ct);
                }
                logger.LogInformation("Event relay listening on {Channel} as node {NodeId}", ChannelName, cluster.NodeId);
                backoff = TimeSpan.FromMilliseconds(250);
                // Whatever was committed while not listening is caught up at once.
                _wakes.Writer.TryWrite(Guid.Empty);
                while (true) await connection.WaitAsync(ct);
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                logger.LogWarning(ex, "Event relay connection lost; reconnecting in {Delay} ms", backoff.TotalMilliseconds);
                try { await Task.Delay(backoff, ct); } catch (OperationCanceledException) { return; }
                backoff = TimeSpan.FromTicks(Math.Min(backoff.Ticks * 2, TimeSpan.FromSeconds(10).Ticks));
            }
        }
    }

    private async Task PollAsync(CancellationToken ct)
    {
        using var timer = new PeriodicTimer(PollInterval);
        try
        {
            while (await timer.WaitForNextTickAsync(ct)) _wakes.Writer.TryWrite(Guid.Empty);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
        }
    }

    private async Task RelayAsync(CancellationToken ct)
    {
        var pending = new HashSet<Guid>();
        var poll = false;
        try
        {
            while (await _wakes.Reader.WaitToReadAsync(ct))
            {
                while (_wakes.Reader.TryRead(out var id))
                {
                    if (id == Guid.Empty) poll = true; else pending.Add(id);
                }
                try
                {
                    await using var scope = scopes.CreateAsyncScope();
                    var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
                    if (poll)
                    {
                        pending.UnionWith(await SessionsBehindAsync(db, ct));
                        await DeleteOldNotesAsync(db, ct);
                        poll = false;
                    }
                    foreach (var sessionId in pending.ToList())
                    {
                        await CatchUpAsync(db, sessionId, ct);
                        pending.Remove(sessionId);
                    }
                }
                catch (Exception ex) when (ex is not OperationCanceledException || !ct.IsCancellationRequested)
                {
                    // Nothing is lost: the cursors did not move past what was sent; retry shortly.
                    logger.LogWarning(ex, "Event relay could not read the event log; retrying");
                    await Task.Delay(500, ct);
                    _wakes.Writer.TryWrite(Guid.Empty);
                }
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
        }
    }

    /// <summary>A node starts where the log stands: its clients load the snapshot and follow from there.</summary>
    private async Task StartCursorsAsync(AppDbContext db, CancellationToken ct)
    {
        _noteFloor = await db.ViewerNotes.MaxAsync(n => (long?)n.Id, ct) ?? 0;
        foreach (var s in await db.Sessions.AsNoTracking().Select(s => new { s.Id, s.PublicSeq, s.StaffSeq }).ToListAsync(ct))
        {
            _cursors[s.Id] = new Cursor(s.PublicSeq, s.StaffSeq, _noteFloor);
        }
    }

    private Cursor CursorOf(Guid sessionId) =>
        // A session unknown at start was created since: everything in it is new.
        _cursors.TryGetValue(sessionId, out var c) ? c : new Cursor(0, 0, _noteFloor);

    private async Task<IEnumerable<Guid>> SessionsBehindAsync(AppDbContext db, CancellationToken ct)
    {
        var behind = new HashSet<Guid>();
        foreach (var s in await db.Sessions.AsNoTracking().Select(s => new { s.Id, s.PublicSeq, s.StaffSeq }).ToListAsync(ct))
        {
            var c = CursorOf(s.Id);
            if (s.PublicSeq > c.Public || s.StaffSeq > c.Staff) behind.Add(s.Id);
        }
        var notes = await db.ViewerNotes.AsNoTracking().GroupBy(n => n.SessionId)
            .Select(g => new { SessionId = g.Key, Last = g.Max(n => n.Id) }).ToListAsync(ct);
        foreach (var n in notes)
        {
            if (n.Last > CursorOf(n.SessionId).Note) behind.Add(n.SessionId);
        }
        return behind;
    }

    /// <summary>
    /// Sends what this node has not sent yet. Writers of a session hold its row lock until they commit
    /// and number under that lock, so a committed seq N means 1..N are all committed: reading
    /// "after the cursor" never skips one.
    /// </summary>
    private async Task CatchUpAsync(AppDbContext db, Guid sessionId, CancellationToken ct)
    {
        while (true)
        {
            var c = CursorOf(sessionId);
            var events = await db.Events.AsNoTracking()
                .Where(e => e.SessionId == sessionId
                    && ((e.Stream == EventStream.Public && e.Seq > c.Public) || (e.Stream == EventStream.Staff && e.Seq > c.Staff)))
                .OrderBy(e => e.Stream).ThenBy(e => e.Seq)
                .Take(Page).ToListAsync(ct);
            var notes = await db.ViewerNotes.AsNoTracking()
                .Where(n => n.SessionId == sessionId && n.Id > c.Note)
                .OrderBy(n => n.Id).Take(Page).ToListAsync(ct);
            if (events.Count == 0 && notes.Count == 0) return;

            var live = InCommitOrder(events).Select(LiveNotifier.ToLive).ToArray();
            var viewerNotes = notes
                .Select(n => (n.ViewerId, JsonSerializer.Deserialize<MyQuestionChanged>(n.Data, LiveJson.Options)!))
                .ToArray();
            await notifier.BroadcastAsync(live, viewerNotes);

            _cursors[sessionId] = new Cursor(
                events.Where(e => e.Stream == EventStream.Public).Select(e => e.Seq).DefaultIfEmpty(c.Public).Max(),
                events.Where(e => e.Stream == EventStream.Staff).Select(e => e.Seq).DefaultIfEmpty(c.Staff).Max(),
                notes.Count > 0 ? notes[^1].Id : c.Note);
            if (events.Count < Page && notes.Count < Page) return;
        }
    }

    /// <summary>
    /// Each stream strictly by seq; the two streams interleaved by time, as they were appended.
    /// (Times come from the nodes' clocks, so they only order across streams, never within one.)
    /// </summary>
    internal static IEnumerable<SessionEvent> InCommitOrder(IReadOnlyList<SessionEvent> events)
    {
        var pub = events.Where(e => e.Stream == EventStream.Public).OrderBy(e => e.Seq).ToList();
        var staff = events.Where(e => e.Stream == EventStream.Staff).OrderBy(e => e.Seq).ToList();
        int i = 0, j = 0;
        while (i < pub.Count || j < staff.Count)
        {
            if (j >= staff.Count || (i < pub.Count && pub[i].At <= staff[j].At)) yield return pub[i++];
            else yield return staff[j++];
        }
    }

    private async Task DeleteOldNotesAsync(AppDbContext db, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        if (now < _nextCleanup) return;
        _nextCleanup = now.AddMinutes(1);
        var before = now - NoteLifetime;
        await db.ViewerNotes.Where(n => n.At < before).ExecuteDeleteAsync(ct);
    }

    private readonly record struct Cursor(long Public, long Staff, long Note);
}
