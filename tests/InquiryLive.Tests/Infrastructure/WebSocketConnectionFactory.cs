using System.Buffers;
using System.IO.Pipelines;
using System.Net;
using System.Net.WebSockets;
using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.Http.Features;

namespace InquiryLive.Tests.Infrastructure;

/// <summary>
/// A SignalR client transport over a plain WebSocket (the full SignalR client package does not
/// restore here). Negotiation is skipped: the server accepts a direct WebSocket. Works over
/// TestServer's in-memory WebSocket client or a real <see cref="ClientWebSocket"/>.
/// </summary>
public sealed class WebSocketConnectionFactory(Func<Uri, CancellationToken, Task<WebSocket>> connect) : IConnectionFactory
{
    public async ValueTask<ConnectionContext> ConnectAsync(EndPoint endpoint, CancellationToken cancellationToken = default)
    {
        var uri = ((UriEndPoint)endpoint).Uri;
        var socket = await connect(uri, cancellationToken);
        var connection = new WebSocketConnection(socket);
        connection.Start();
        return connection;
    }

    private sealed class WebSocketConnection : ConnectionContext
    {
        private readonly WebSocket _socket;
        private readonly Pipe _input = new();
        private readonly Pipe _output = new();
        private readonly CancellationTokenSource _closed = new();
        private Task _receiving = Task.CompletedTask;
        private Task _sending = Task.CompletedTask;

        public WebSocketConnection(WebSocket socket)
        {
            _socket = socket;
            Transport = new DuplexPipe(_input.Reader, _output.Writer);
            ConnectionClosed = _closed.Token;
        }

        public override string ConnectionId { get; set; } = Guid.NewGuid().ToString("N");
        public override IFeatureCollection Features { get; } = new FeatureCollection();
        public override IDictionary<object, object?> Items { get; set; } = new Dictionary<object, object?>();
        public override IDuplexPipe Transport { get; set; }

        public void Start()
        {
            _receiving = ReceiveLoop();
            _sending = SendLoop();
        }

        private async Task ReceiveLoop()
        {
            try
            {
                while (true)
                {
                    var memory = _input.Writer.GetMemory(4096);
                    var result = await _socket.ReceiveAsync(memory, CancellationToken.None);
                    if (result.MessageType == WebSocketMessageType.Close) break;
                    _input.Writer.Advance(result.Count);
                    var flush = await _input.Writer.FlushAsync();
                    if (flush.IsCompleted) break;
                }
            }
            catch (Exception) { /* the socket closed under us: end the input */ }
            finally
            {
                await _input.Writer.CompleteAsync();
                _closed.Cancel();
            }
        }

        private async Task SendLoop()
        {
            try
            {
                while (true)
                {
                    var result = await _output.Reader.ReadAsync();
                    foreach (var segment in result.Buffer)
                    {
                        await _socket.SendAsync(segment, WebSocketMessageType.Text, true, CancellationToken.None);
                    }
                    _output.Reader.AdvanceTo(result.Buffer.End);
                    if (result.IsCompleted) break;
                }
            }
            catch (Exception) { /* the socket closed under us */ }
            finally
            {
                await _output.Reader.CompleteAsync();
                if (_socket.State == WebSocketState.Open)
                {
                    try { await _socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, CancellationToken.None); }
                    catch (Exception) { /* already gone */ }
                }
            }
        }

        public override async ValueTask DisposeAsync()
        {
            await _output.Writer.CompleteAsync();
            await _sending;
            try { _socket.Abort(); } catch (Exception) { /* already gone */ }
            await _receiving;
            _socket.Dispose();
        }

        /// <summary>Drops the socket without a close handshake, as a lost phone connection would.</summary>
        public override void Abort() => _socket.Abort();

        private sealed class DuplexPipe(PipeReader input, PipeWriter output) : IDuplexPipe
        {
            public PipeReader Input { get; } = input;
            public PipeWriter Output { get; } = output;
        }
    }
}
