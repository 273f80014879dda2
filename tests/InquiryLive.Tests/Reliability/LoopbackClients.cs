using System.Net;
using System.Net.Http.Json;
using InquiryLive.LoadTool;
using InquiryLive.Tests.Infrastructure;

namespace InquiryLive.Tests.Reliability;

/// <summary>
/// HTTP clients for a server on loopback, each with its own cookies and, when asked, its own
/// source address (127.0.0.x), from the load tool's <see cref="LoopbackHttp"/>: per-address limits
/// (sign-in 10/min) then see many phones, as they would on a real network.
/// </summary>
internal static class LoopbackClients
{
    public static HttpClient Create(Uri baseAddress, int sourceHost = 1) => LoopbackHttp.Create(baseAddress, sourceHost, TimeSpan.FromSeconds(15));

    /// <summary>Signs a demo account in on a client of its own.</summary>
    public static async Task<HttpClient> SignedIn(Uri baseAddress, string userName, int sourceHost = 1)
    {
        var client = Create(baseAddress, sourceHost);
        var response = await client.PostAsJsonAsync("api/auth/login", new { userName, password = InquiryApp.Password });
        if (response.StatusCode != HttpStatusCode.OK)
        {
            throw new InvalidOperationException($"Login as {userName} failed: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        }
        return client;
    }
}
