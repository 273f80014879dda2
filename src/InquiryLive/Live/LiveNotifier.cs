using System.Text.Json;
using System.Threading.Channels;
using Microsoft.AspNetCore.SignalR;

namespace InquiryLive.Live;

/// <summary>
/// The single broadcast path: whatever changed a session (an HTTP command, a timer, a hub method),
/// its committed events leave the server through here, in commit order, from one background loop,
/// so a slow broadcast never holds up the command that caused it. On PostgreSQL the
/// <see cref="EventRelay"/> feeds <see cref="BroadcastAsync"/> instead, for every node alike.
/// </summary>
public sealed class LiveNotifier(
    IHubContext<LiveHub, ILiveClient> live,
    IHubContext<ConsoleHub, IConsoleClient> console,
    ILogger<LiveNotifier> logger) : BackgroundService
{
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
                await live.Clients.Group(LiveGroups.Session(e.SessionId)).EventAppended(e);
            }
            await console.Clients.Group(LiveGroups.Staff(e.SessionId)).EventAppended(e);
        }
        foreach (var (viewerId, change) in viewerNotes)
        {
            await live.Clients.Group(LiveGroups.Viewer(viewerId)).MyQuestionChanged(change);
        }
    }

    /// <summary>Counters are absolute totals: sent directly, a lost one is healed by the next.</summary>
    public Task CountersAsync(LiveCounters counters) => Task.WhenAll(
        live.Clients.Group(LiveGroups.Session(counters.SessionId)).CountersChanged(counters),
        console.Clients.Group(LiveGroups.Staff(counters.SessionId)).CountersChanged(counters));

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
