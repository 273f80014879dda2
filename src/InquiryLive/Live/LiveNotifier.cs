using System.Text.Json;
using System.Threading.Channels;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR;

namespace InquiryLive.Live;

/// <summary>
/// The single broadcast path: whatever changed a session (an HTTP command, a timer, a hub method),
/// its committed events leave the server through here, in commit order, from one background loop,
/// so a slow broadcast never holds up the command that caused it. On PostgreSQL the
/// <see cref="EventRelay"/> feeds <see cref="BroadcastAsync"/> instead, for every node alike.
/// </summary>
/// <remarks>
/// A connection that stops reading (a phone that froze, a socket nobody drains) fills its
/// buffers; SignalR then holds a send to it until it drains. The loop never waits for that: every
/// send is handed to all connections at once (healthy ones take it at once, in order), and a send
/// a connection has not taken within <see cref="SlowClientTimeout"/> is cancelled. Cancelling only
/// abandons that write: SignalR keeps the connection open. What closes the connection is the
/// transport's send timeout, set to the same <see cref="SlowClientTimeout"/> on both hubs by
/// <see cref="CloseSlowConnections"/>. Its page reconnects and reads what it missed from /events by seq.
/// </remarks>
public sealed class LiveNotifier(
    IHubContext<LiveHub> live,
    PacedGroupLifetimeManager<LiveHub> audience,
    IHubContext<ConsoleHub> console,
    AccountConnections accounts,
    ILogger<LiveNotifier> logger) : BackgroundService
{
    /// <summary>How long a connection may leave a push untaken before it is closed.</summary>
    public static readonly TimeSpan SlowClientTimeout = TimeSpan.FromSeconds(5);

    /// <summary>
    /// Hub endpoint options that abort a connection whose socket has not taken a write within
    /// <see cref="SlowClientTimeout"/>. This, not the cancelled send, is what closes a stuck
    /// connection; SignalR's default (10 s) let one outlive the promise in docs/protocol.md.
    /// </summary>
    public static void CloseSlowConnections(HttpConnectionDispatcherOptions options) => options.TransportSendTimeout = SlowClientTimeout;

    private readonly Channel<Func<Task>> _queue = Channel.CreateUnbounded<Func<Task>>(new UnboundedChannelOptions { SingleReader = true });

    /// <summary>Queue committed events (and private viewer notes) for broadcast.</summary>
    public void Enqueue(IReadOnlyList<SessionEvent> events, IReadOnlyList<(string ViewerId, MyQuestionChanged Change)> viewerNotes)
    {
        if (events.Count == 0 && viewerNotes.Count == 0) return;
        var liveEvents = events.Select(ToLive).ToArray();
        var notes = viewerNotes.ToArray();
        _queue.Writer.TryWrite(() => BroadcastAsync(liveEvents, notes));
    }

    /// <summary>Pushes events (in the order given) and then private viewer notes to this node's clients.</summary>
    internal async Task BroadcastAsync(IReadOnlyList<LiveEvent> events, IReadOnlyList<(string ViewerId, MyQuestionChanged Change)> viewerNotes)
    {
        foreach (var e in events)
        {
            if (e.Stream == "public")
            {
                await HandOut(LiveGroups.Session(e.SessionId), nameof(ILiveClient.EventAppended), e);
            }
            await Send(console.Clients.Group(LiveGroups.Staff(e.SessionId)), nameof(IConsoleClient.EventAppended), e);
            accounts.Observe(e);
        }
        foreach (var (viewerId, change) in viewerNotes)
        {
            await Send(live.Clients.User(viewerId), nameof(ILiveClient.MyQuestionChanged), change);
        }
    }

    /// <summary>Counters are absolute totals: sent directly, a lost one is healed by the next.</summary>
    public Task CountersAsync(LiveCounters counters) => Task.WhenAll(
        HandOut(LiveGroups.Session(counters.SessionId), nameof(ILiveClient.CountersChanged), counters),
        Send(console.Clients.Group(LiveGroups.Staff(counters.SessionId)), nameof(IConsoleClient.CountersChanged), counters));

    /// <summary>
    /// Hands a push to every viewer of a session, a batch at a time (<see cref="PacedGroupLifetimeManager{THub}"/>).
    /// Returns once every viewer that can take it has it, so the next push starts behind it on every
    /// connection; a viewer's <see cref="SlowClientTimeout"/> counts from then, not from a wait
    /// behind the viewers before it.
    /// </summary>
    private Task HandOut(string group, string method, object payload) =>
        Push(ct => new ValueTask<Task>(audience.HandToGroupAsync(group, method, [payload], ct)), method);

    /// <summary>Hands a push to every connection of a group through SignalR's own manager (staff, private notes).</summary>
    private Task Send(IClientProxy clients, string method, object payload) =>
        Push(ct => ValueTask.FromResult(clients.SendAsync(method, payload, ct)), method);

    /// <summary>
    /// Runs a hand-out and returns once the connections that can take the push have it; the part
    /// still waiting on slow connections (the task the hand-out gives back) is left to finish, or to
    /// be cancelled <see cref="SlowClientTimeout"/> later so it holds no payload for a connection
    /// that is about to be closed.
    /// </summary>
    private async Task Push(Func<CancellationToken, ValueTask<Task>> handOut, string method)
    {
        var timeout = new CancellationTokenSource();
        Task slowConnections;
        try
        {
            slowConnections = await handOut(timeout.Token);
        }
        catch
        {
            timeout.Dispose();
            throw;
        }
        if (slowConnections.IsCompleted)
        {
            timeout.Dispose();
            // A failed write to a connection that is going away; the broadcast goes on.
            if (slowConnections.IsFaulted) logger.LogDebug(slowConnections.Exception, "A push of {Method} failed", method);
            return;
        }
        timeout.CancelAfter(SlowClientTimeout);
        _ = slowConnections.ContinueWith(t =>
        {
            timeout.Dispose();
            if (t.IsFaulted) logger.LogDebug(t.Exception, "A slow connection did not take {Method} in time", method);
        }, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await foreach (var send in _queue.Reader.ReadAllAsync(stoppingToken))
            {
                try
                {
                    await send();
                }
                catch (Exception ex)
                {
                    // The events are committed; a client that missed them resyncs from /events by seq.
                    logger.LogWarning(ex, "A broadcast failed");
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    public static LiveEvent ToLive(SessionEvent e)
    {
        using var doc = JsonDocument.Parse(e.Data);
        return new LiveEvent(e.SessionId, e.Stream == EventStream.Public ? "public" : "staff",
            e.Seq, e.Type, e.At, doc.RootElement.Clone());
    }
}
