using System.Net.Sockets;
using InquiryLive.Hosting;
using Microsoft.AspNetCore.Connections.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;

namespace InquiryLive.Live;

/// <summary>
/// Caps the kernel's send buffer of every WebSocket hub connection (<see cref="LiveOptions.HubSendBufferBytes"/>).
/// Left to itself, Linux grows a socket's send buffer up to <c>net.ipv4.tcp_wmem</c>'s maximum (4 MB
/// by default) while the peer does not read: a phone whose page froze with its socket open then
/// holds megabytes of the server's memory, and the hubs' send timeout, which only starts once the
/// socket stops taking writes, never fires. With the cap, a viewer that stops reading costs at most
/// the cap plus SignalR's and Kestrel's 64 KB pipes, and is closed 5 s after they fill. The pushes
/// are a few KB a second, far below what even a small buffer carries over a slow mobile link.
/// </summary>
/// <remarks>
/// Only WebSocket upgrades over HTTP/1.1: that connection carries nothing else for the rest of its
/// life. An HTTP/2 connection (extended CONNECT) is shared with other requests, and a server-sent
/// events stream's connection may serve ordinary requests after it, so those keep the OS's sizing.
/// </remarks>
public static class HubSocketSendBuffer
{
    public static IApplicationBuilder UseHubSocketSendBuffer(this IApplicationBuilder app)
    {
        var bytes = app.ApplicationServices.GetRequiredService<IOptions<LiveOptions>>().Value.HubSendBufferBytes;
        if (bytes == 0) return app;
        // Returns the rest of the pipeline's task rather than awaiting it: a hub connection is one
        // request held open for hours, and an awaiting middleware would keep its state that long.
        return app.Use((context, next) =>
        {
            if (IsWebSocketUpgrade(context) && context.Features.Get<IConnectionSocketFeature>()?.Socket is { } socket)
            {
                try
                {
                    socket.SendBufferSize = bytes;
                }
                catch (Exception e) when (e is SocketException or ObjectDisposedException)
                {
                    // The connection is already going away; the hub will see it closed.
                }
            }
            return next(context);
        });
    }

    /// <summary>A hub connection that is an HTTP/1.1 upgrade (HTTP/2 has no upgrade; SSE is not one).</summary>
    private static bool IsWebSocketUpgrade(HttpContext context) =>
        HubConnectionPipeline.IsHubConnection(context) && context.Features.Get<IHttpUpgradeFeature>()?.IsUpgradableRequest == true;
}
