using System.Net.Http.Json;
using System.Net.WebSockets;
using System.Text.Json;
using InquiryLive.Live;
using InquiryLive.Tests.Infrastructure;

namespace InquiryLive.Tests.Reliability;

/// <summary>
/// A viewer whose connection drops in the middle of a burst of events rejoins and reads what it
/// missed from /events by seq: together it has every event exactly once, in order.
/// </summary>
public sealed class ReconnectDuringBurstTests
{
    private const int Burst = 50;

    [Fact]
    public async Task DroppedConnection_RejoinsAndReadsFromSeq_WithNoGapAndNoDuplicate()
    {
        using var app = new InquiryApp();
        var baseUrl = app.StartOnKestrel();
        var sessionId = await app.DemoSessionId();
        var chair = await app.SignedIn("chair");
        (await chair.PostAsJsonAsync($"/api/sessions/{sessionId}/transitions", new { to = "live" })).EnsureSuccessStatusCode();
        var viewer = app.Browser();

        // The viewer loads the snapshot, then listens on a real WebSocket it can pull the plug on.
        var (first, socket) = await Connect(baseUrl);
        var joined = await first.Join(sessionId);
        var applied = new List<LiveEvent>(await ReadEvents(viewer, sessionId, after: 0));
        Assert.Equal(joined.Seq, applied.Count == 0 ? 0 : applied[^1].Seq);

        // The chair produces the burst; the viewer's socket is aborted (no close handshake) part way.
        var producing = Task.Run(async () =>
        {
            for (var i = 0; i < Burst; i++)
            {
                var to = i % 2 == 0 ? "paused" : "live";
                (await chair.PostAsJsonAsync($"/api/sessions/{sessionId}/transitions", new { to })).EnsureSuccessStatusCode();
            }
        });
        await first.WaitForEvent("session.stateChanged", _ => first.Events.Count >= 10, timeoutMs: 20_000);
        socket().Abort();
        var closed = new TaskCompletionSource();
        first.Connection.Closed += _ => { closed.TrySetResult(); return Task.CompletedTask; };
        if (first.Connection.State != Microsoft.AspNetCore.SignalR.Client.HubConnectionState.Disconnected) await closed.Task.WaitAsync(TimeSpan.FromSeconds(20));
        var receivedBeforeDrop = first.Events.ToList();

        // While the burst goes on: a new connection joins, then reads every event after the last one applied.
        var (second, _) = await Connect(baseUrl);
        await second.Join(sessionId);
        var lastApplied = Apply(applied, receivedBeforeDrop);
        var missed = await ReadEvents(viewer, sessionId, after: lastApplied);
        lastApplied = Apply(applied, missed);

        await producing;
        var finalSeq = (await viewer.GetFromJsonAsync<JsonElement>($"/api/sessions/{sessionId}/snapshot")).GetProperty("seq").GetInt64();
        Assert.True(finalSeq >= joined.Seq + Burst, $"the burst made {finalSeq - joined.Seq} events");
        if (lastApplied < finalSeq) await second.WaitForEvent("session.stateChanged", _ => second.Events.Any(e => e.Seq == finalSeq), timeoutMs: 20_000);
        Apply(applied, second.Events.OrderBy(e => e.Seq).ToList());

        // Each connection delivered its events in order with no gap and no duplicate ...
        AssertContiguous(receivedBeforeDrop);
        AssertContiguous(second.Events.ToList());
        // ... and the viewer ends with exactly 1..N.
        Assert.Equal(Enumerable.Range(1, (int)finalSeq).Select(i => (long)i), applied.Select(e => e.Seq));
        Assert.InRange(receivedBeforeDrop.Count, 10, Burst - 1);

        await first.DisposeAsync();
        await second.DisposeAsync();
    }

    /// <summary>What live.js does: apply seq = last + 1, ignore what was already applied; a gap is a test failure here.</summary>
    private static long Apply(List<LiveEvent> applied, IReadOnlyList<LiveEvent> incoming)
    {
        foreach (var e in incoming)
        {
            var last = applied.Count == 0 ? 0 : applied[^1].Seq;
            if (e.Seq <= last) continue;
            Assert.Equal(last + 1, e.Seq);
            applied.Add(e);
        }
        return applied.Count == 0 ? 0 : applied[^1].Seq;
    }

    private static void AssertContiguous(IReadOnlyList<LiveEvent> events)
    {
        for (var i = 1; i < events.Count; i++) Assert.Equal(events[i - 1].Seq + 1, events[i].Seq);
    }

    private static async Task<List<LiveEvent>> ReadEvents(HttpClient viewer, Guid sessionId, long after)
    {
        var events = new List<LiveEvent>();
        while (true)
        {
            var page = await viewer.GetFromJsonAsync<JsonElement>($"/api/sessions/{sessionId}/events?after={after}");
            foreach (var e in page.GetProperty("events").EnumerateArray())
            {
                var live = e.Deserialize<LiveEvent>(LiveJson.Options)!;
                events.Add(live);
                after = live.Seq;
            }
            if (!page.GetProperty("more").GetBoolean()) return events;
        }
    }

    /// <summary>A real SignalR client over a real WebSocket, and a way to reach that socket to abort it.</summary>
    private static async Task<(HubClient Client, Func<ClientWebSocket> Socket)> Connect(string baseUrl)
    {
        ClientWebSocket? socket = null;
        var factory = new WebSocketConnectionFactory(async (uri, ct) =>
        {
            socket = new ClientWebSocket();
            await socket.ConnectAsync(uri, ct);
            return socket;
        });
        var client = HubClient.Build(factory, baseUrl.Replace("http", "ws", StringComparison.Ordinal) + "/hubs/live");
        await client.Connection.StartAsync();
        return (client, () => socket!);
    }
}
