using System.Collections.Concurrent;
using System.Net;
using System.Text.Json;
using InquiryLive.Live;
using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace InquiryLive.Tests.Infrastructure;

/// <summary>
/// A real SignalR client connected to one of our hubs. It records every push it receives so a
/// test can wait for the one it expects.
/// </summary>
public sealed class HubClient : IAsyncDisposable
{
    private readonly ConcurrentQueue<LiveEvent> _events = new();
    private readonly ConcurrentQueue<LiveCounters> _counters = new();
    private readonly ConcurrentQueue<MyQuestionChanged> _mine = new();
    private readonly SemaphoreSlim _signal = new(0);

    private HubClient(HubConnection connection)
    {
        Connection = connection;
        connection.On<LiveEvent>(nameof(ILiveClient.EventAppended), e => Record(_events, e));
        connection.On<LiveCounters>(nameof(ILiveClient.CountersChanged), c => Record(_counters, c));
        connection.On<MyQuestionChanged>(nameof(ILiveClient.MyQuestionChanged), c => Record(_mine, c));
    }

    public HubConnection Connection { get; }
    public IReadOnlyCollection<LiveEvent> Events => _events;
    public IReadOnlyCollection<LiveCounters> Counters => _counters;
    public IReadOnlyCollection<MyQuestionChanged> MyQuestionChanges => _mine;

    public static async Task<HubClient> ConnectAsync(TestServer server, string path, string? cookie)
    {
        var ws = server.CreateWebSocketClient();
        if (cookie is not null) ws.ConfigureRequest = r => r.Headers.Cookie = cookie;
        var factory = new WebSocketConnectionFactory((uri, ct) => ws.ConnectAsync(uri, ct));
        var client = Build(factory, new Uri(server.BaseAddress, path.TrimStart('/')).ToString().Replace("http", "ws", StringComparison.Ordinal));
        await client.Connection.StartAsync();
        return client;
    }

    public static HubClient Build(IConnectionFactory factory, string url)
    {
        var builder = new HubConnectionBuilder();
        builder.Services.AddSingleton(factory);
        builder.Services.AddSingleton<EndPoint>(new UriEndPoint(new Uri(url)));
        builder.AddJsonProtocol(o => LiveJson.Configure(o.PayloadSerializerOptions));
        return new HubClient(builder.Build());
    }

    // Where each stream stood when this client last joined (-1: not joined through Join).
    private long _joinedPublicSeq = -1;
    private long _joinedStaffSeq = -1;

    /// <summary>Joins a session and remembers where its streams stood, as a page does.</summary>
    public async Task<JoinResult> Join(Guid sessionId)
    {
        var joined = await Connection.InvokeAsync<JoinResult>("JoinSession", sessionId);
        Interlocked.Exchange(ref _joinedPublicSeq, joined.Seq);
        Interlocked.Exchange(ref _joinedStaffSeq, joined.StaffSeq);
        return joined;
    }

    /// <summary>
    /// Waits for an event of a type (and matching a condition) that is newer than the join, as a page
    /// only applies those: on several nodes an event committed just before the join can still be
    /// relayed to the new connection, and it is not the one a test waits for. Fails after the timeout.
    /// </summary>
    public Task<LiveEvent> WaitForEvent(string type, Func<JsonElement, bool>? match = null, int timeoutMs = 5000) =>
        WaitFor(_events, e => e.Type == type && IsNewerThanJoin(e) && (match?.Invoke(e.Data) ?? true), $"event {type}", timeoutMs);

    private bool IsNewerThanJoin(LiveEvent e) =>
        e.Seq > Interlocked.Read(ref e.Stream == "staff" ? ref _joinedStaffSeq : ref _joinedPublicSeq);

    public Task<LiveCounters> WaitForCounters(Func<LiveCounters, bool> match, int timeoutMs = 5000) =>
        WaitFor(_counters, match, "counters", timeoutMs);

    public Task<MyQuestionChanged> WaitForMyQuestion(Func<MyQuestionChanged, bool> match, int timeoutMs = 5000) =>
        WaitFor(_mine, match, "my-question change", timeoutMs);

    private async Task<T> WaitFor<T>(ConcurrentQueue<T> queue, Func<T, bool> match, string what, int timeoutMs)
    {
        var deadline = DateTime.UtcNow.AddMilliseconds(timeoutMs);
        while (true)
        {
            foreach (var item in queue)
            {
                if (match(item)) return item;
            }
            var left = deadline - DateTime.UtcNow;
            if (left <= TimeSpan.Zero) throw new TimeoutException($"No {what} arrived within {timeoutMs} ms.");
            await _signal.WaitAsync(left < TimeSpan.FromMilliseconds(100) ? left : TimeSpan.FromMilliseconds(100));
        }
    }

    private void Record<T>(ConcurrentQueue<T> queue, T item)
    {
        queue.Enqueue(item);
        _signal.Release();
    }

    public async ValueTask DisposeAsync() => await Connection.DisposeAsync();
}
