using System.Net;
using System.Net.Sockets;

namespace InquiryLive.LoadTool;

/// <summary>
/// HTTP clients for a server on loopback, each with its own cookies and its own source address
/// (127.0.0.{sourceHost}): per-address limits then see many phones, as they would on a real network.
/// The integration tests use the same clients (<c>LoopbackClients</c>).
/// </summary>
public static class LoopbackHttp
{
    public static HttpClient Create(Uri baseAddress, int sourceHost, TimeSpan timeout) => new(new SocketsHttpHandler
    {
        CookieContainer = new CookieContainer(),
        UseCookies = true,
        AllowAutoRedirect = false,
        ConnectCallback = async (context, ct) =>
        {
            var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            try
            {
                socket.Bind(new IPEndPoint(IPAddress.Parse($"127.0.0.{sourceHost}"), 0));
                await socket.ConnectAsync(context.DnsEndPoint, ct);
                return new NetworkStream(socket, ownsSocket: true);
            }
            catch
            {
                socket.Dispose();
                throw;
            }
        },
    })
    { BaseAddress = baseAddress, Timeout = timeout };
}
