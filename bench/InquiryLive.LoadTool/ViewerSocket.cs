using System.Buffers;
using System.Net;
using System.Net.Sockets;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;

namespace InquiryLive.LoadTool;

/// <summary>
/// One viewer: a raw WebSocket to /hubs/live speaking SignalR's JSON protocol. It joins a session
/// and records, for every EventAppended it receives, the delay between the event's server stamp
/// ("at") and its arrival. Source addresses are spread over 127.0.0.x so thousands of sockets
/// don't run out of loopback ports.
/// </summary>
internal sealed class ViewerSocket(Uri hub, IPAddress source, Guid sessionId, LatencyRecorder recorder)
{
    private const byte RecordSeparator = 0x1e;
    private ClientWebSocket? _socket;

    public bool Connected => _socket?.State == WebSocketState.Open;
    public long LastSeq { get; private set; }

    public async Task ConnectAsync(CancellationToken ct)
    {
        var handler = new SocketsHttpHandler
        {
            ConnectCallback = async (context, token) =>
            {
                var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
                socket.Bind(new IPEndPoint(source, 0));
                await socket.ConnectAsync(context.DnsEndPoint, token);
                return new NetworkStream(socket, ownsSocket: true);
            },
        };
        _socket = new ClientWebSocket();
        _socket.Options.KeepAliveInterval = TimeSpan.Zero;
        await _socket.ConnectAsync(hub, new HttpMessageInvoker(handler), ct);
        await SendAsync("{\"protocol\":\"json\",\"version\":1}", ct);
        await SendAsync($"{{\"type\":1,\"invocationId\":\"1\",\"target\":\"JoinSession\",\"arguments\":[\"{sessionId}\"]}}", ct);
    }

    public Task SendAsync(string message, CancellationToken ct)
    {
        var bytes = Encoding.UTF8.GetBytes(message + (char)RecordSeparator);
        return _socket!.SendAsync(bytes, WebSocketMessageType.Text, true, ct);
    }

    /// <summary>SignalR's keep-alive ping; the server drops clients silent for 30 s.</summary>
    public Task PingAsync(CancellationToken ct) => SendAsync("{\"type\":6}", ct);

    public Task LikeAsync(int taps, CancellationToken ct) =>
        SendAsync($"{{\"type\":1,\"target\":\"Like\",\"arguments\":[\"{sessionId}\",{taps}]}}", ct);

    public async Task ReceiveLoopAsync(CancellationToken ct)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(16 * 1024);
        var pending = new ArrayBufferWriter<byte>();
        try
        {
            while (!ct.IsCancellationRequested && _socket!.State == WebSocketState.Open)
            {
                var result = await _socket.ReceiveAsync(buffer, ct);
                if (result.MessageType == WebSocketMessageType.Close) break;
                var arrived = DateTimeOffset.UtcNow;
                pending.Write(buffer.AsSpan(0, result.Count));
                var span = pending.WrittenSpan;
                int start = 0, end;
                while ((end = span[start..].IndexOf(RecordSeparator)) >= 0)
                {
                    Handle(span.Slice(start, end), arrived);
                    start += end + 1;
                }
                var rest = span[start..].ToArray();
                pending.Clear();
                pending.Write(rest);
            }
        }
        catch (OperationCanceledException) { }
        catch (WebSocketException) { recorder.Dropped(); }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private void Handle(ReadOnlySpan<byte> message, DateTimeOffset arrived)
    {
        // Cheap pre-check before parsing: only events interest us.
        if (message.IndexOf("EventAppended"u8) < 0) return;
        var reader = new Utf8JsonReader(message);
        using var doc = JsonDocument.ParseValue(ref reader);
        var e = doc.RootElement.GetProperty("arguments")[0];
        var seq = e.GetProperty("seq").GetInt64();
        var at = e.GetProperty("at").GetDateTimeOffset();
        LastSeq = Math.Max(LastSeq, seq);
        recorder.Record(seq, (arrived - at).TotalMilliseconds);
    }

    public async Task CloseAsync()
    {
        if (_socket is null) return;
        try
        {
            if (_socket.State == WebSocketState.Open)
            {
                using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(2));
                await _socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, cts.Token);
            }
        }
        catch (Exception) { /* closing under load: ignore */ }
        _socket.Dispose();
    }
}
