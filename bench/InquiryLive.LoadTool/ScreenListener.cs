using System.Collections.Concurrent;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;

namespace InquiryLive.LoadTool;

/// <summary>One public-hub listener (like the big screen) that keeps every event it receives.</summary>
internal sealed class ScreenListener(Uri hub, Guid sessionId) : IAsyncDisposable
{
    private readonly ClientWebSocket _socket = new();
    private readonly ConcurrentQueue<JsonElement> _events = new();
    private readonly CancellationTokenSource _stop = new();
    private Task _loop = Task.CompletedTask;

    public async Task StartAsync()
    {
        var ws = new UriBuilder(hub) { Scheme = hub.Scheme == "https" ? "wss" : "ws" }.Uri;
        await _socket.ConnectAsync(ws, CancellationToken.None);
        await Send("{\"protocol\":\"json\",\"version\":1}");
        await Send($"{{\"type\":1,\"invocationId\":\"1\",\"target\":\"JoinSession\",\"arguments\":[\"{sessionId}\"]}}");
        _loop = Task.Run(ReceiveAsync);
    }

    public async Task<JsonElement> WaitFor(string type, int timeoutMs = 30_000)
    {
        var deadline = DateTime.UtcNow.AddMilliseconds(timeoutMs);
        while (DateTime.UtcNow < deadline)
        {
            foreach (var e in _events) if (e.GetProperty("type").GetString() == type) return e;
            await Task.Delay(2);
        }
        throw new TimeoutException($"no {type} within {timeoutMs} ms");
    }

    private Task Send(string message) =>
        _socket.SendAsync(Encoding.UTF8.GetBytes(message + '\u001e'), WebSocketMessageType.Text, true, CancellationToken.None);

    private async Task ReceiveAsync()
    {
        var buffer = new byte[64 * 1024];
        var pending = new StringBuilder();
        try
        {
            while (!_stop.IsCancellationRequested)
            {
                var r = await _socket.ReceiveAsync(buffer, _stop.Token);
                if (r.MessageType == WebSocketMessageType.Close) return;
                pending.Append(Encoding.UTF8.GetString(buffer, 0, r.Count));
                var text = pending.ToString();
                var parts = text.Split('\u001e');
                pending.Clear().Append(parts[^1]);
                foreach (var part in parts[..^1])
                {
                    using var doc = JsonDocument.Parse(part);
                    if (doc.RootElement.TryGetProperty("target", out var t) && t.GetString() == "EventAppended")
                    {
                        _events.Enqueue(doc.RootElement.GetProperty("arguments")[0].Clone());
                    }
                }
            }
        }
        catch (OperationCanceledException) { }
        catch (WebSocketException) { }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        try { await _loop; } catch (Exception) { }
        _socket.Dispose();
    }
}
