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
internal sealed class ViewerSocket(Uri hub, IPAddress source, Guid sessionId, LatencyRecorder recorder, WireProtocol protocol = WireProtocol.SignalR,
    bool stalls = false)
{
    /// <summary>Joins, then never reads again (its receive loop is not started).</summary>
    public bool Stalls { get; } = stalls;

    private const byte RecordSeparator = 0x1e;
    private ClientWebSocket? _socket;

    public bool Connected => _socket?.State == WebSocketState.Open;
    public long LastSeq { get; private set; }

    /// <summary>How many aggregated counter pushes (likes, viewers) this viewer received.</summary>
    public int CountersReceived { get; private set; }

    public async Task ConnectAsync(CancellationToken ct)
    {
        var handler = new SocketsHttpHandler
        {
            ConnectCallback = async (context, token) =>
            {
                var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
                // Set before connecting, so the window it advertises is small from the start.
                if (Stalls) socket.ReceiveBufferSize = 4096;
                socket.Bind(new IPEndPoint(source, 0));
                await socket.ConnectAsync(context.DnsEndPoint, token);
                return new NetworkStream(socket, ownsSocket: true);
            },
        };
        _socket = new ClientWebSocket();
        _socket.Options.KeepAliveInterval = TimeSpan.Zero;
        await _socket.ConnectAsync(hub, new HttpMessageInvoker(handler), ct);
        if (protocol == WireProtocol.SocketIo)
        {
            // Engine.IO v4: the server opens with "0{…}"; "40" connects to the default namespace and
            // the server confirms with "40{…}" before events may be sent.
            await ReceiveTextAsync(ct);
            await SendRawAsync("40", ct);
            while (!(await ReceiveTextAsync(ct)).StartsWith("40", StringComparison.Ordinal)) { }
            await SendRawAsync($"42[\"JoinSession\",\"{sessionId}\"]", ct);
            return;
        }
        await SendAsync("{\"protocol\":\"json\",\"version\":1}", ct);
        await SendAsync($"{{\"type\":1,\"invocationId\":\"1\",\"target\":\"JoinSession\",\"arguments\":[\"{sessionId}\"]}}", ct);
    }

    private async Task<string> ReceiveTextAsync(CancellationToken ct)
    {
        var buffer = new byte[4096];
        using var text = new MemoryStream();
        WebSocketReceiveResult result;
        do
        {
            result = await _socket!.ReceiveAsync(buffer, ct);
            text.Write(buffer, 0, result.Count);
        }
        while (!result.EndOfMessage);
        return Encoding.UTF8.GetString(text.ToArray());
    }

    public Task SendAsync(string message, CancellationToken ct) => SendRawAsync(message + (char)RecordSeparator, ct);

    private Task SendRawAsync(string message, CancellationToken ct) =>
        _socket!.SendAsync(Encoding.UTF8.GetBytes(message), WebSocketMessageType.Text, true, ct);

    /// <summary>SignalR's keep-alive ping; the server drops clients silent for 30 s. (socket.io pings from the server.)</summary>
    public Task PingAsync(CancellationToken ct) => protocol == WireProtocol.SocketIo ? Task.CompletedTask : SendAsync("{\"type\":6}", ct);

    /// <summary>Completes when the server has answered the JoinSession invocation (SignalR; socket.io has no answer).</summary>
    public Task Joined => _joined.Task;

    private readonly TaskCompletionSource _joined = new(TaskCreationOptions.RunContinuationsAsynchronously);

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
                pending.Write(buffer.AsSpan(0, result.Count));
                if (!result.EndOfMessage) continue;
                var arrived = DateTimeOffset.UtcNow;
                var span = pending.WrittenSpan;
                if (protocol == WireProtocol.SocketIo)
                {
                    await HandleSocketIoAsync(span.ToArray(), arrived, ct);
                    pending.Clear();
                    continue;
                }
                int start = 0, end;
                while ((end = span[start..].IndexOf(RecordSeparator)) >= 0)
                {
                    Handle(span.Slice(start, end), arrived, argumentIndex: 0);
                    start += end + 1;
                }
                // A record may continue in the next frame: keep its beginning.
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

    private async Task HandleSocketIoAsync(byte[] packet, DateTimeOffset arrived, CancellationToken ct)
    {
        if (packet.Length == 1 && packet[0] == (byte)'2')
        {
            await SendRawAsync("3", ct); // Engine.IO pong
            return;
        }
        if (packet.Length > 2 && packet[0] == (byte)'4' && packet[1] == (byte)'2') Handle(packet.AsSpan(2), arrived, argumentIndex: 1);
    }

    private void Handle(ReadOnlySpan<byte> message, DateTimeOffset arrived, int argumentIndex)
    {
        if (message.IndexOf("CountersChanged"u8) >= 0) CountersReceived++;
        // The completion of the JoinSession invocation (type 3, invocation "1"): from now on this viewer is in the group.
        if (message.IndexOf("\"type\":3"u8) >= 0 && message.IndexOf("\"invocationId\":\"1\""u8) >= 0) _joined.TrySetResult();
        // Cheap pre-check before parsing: only events interest us.
        if (message.IndexOf("EventAppended"u8) < 0) return;
        var reader = new Utf8JsonReader(message);
        using var doc = JsonDocument.ParseValue(ref reader);
        var e = argumentIndex == 0 ? doc.RootElement.GetProperty("arguments")[0] : doc.RootElement[argumentIndex];
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

public enum WireProtocol { SignalR, SocketIo }
