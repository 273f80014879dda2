using Microsoft.AspNetCore.Http.Features;

namespace InquiryLive.Hosting;

/// <summary>
/// A hub connection is one HTTP request (a WebSocket upgrade, or a server-sent events stream) held
/// open for the whole sitting. Every middleware it passes through that awaits the rest of the
/// pipeline keeps its state alive for that long: with 19,000 viewers, the error pages, HTTP logging,
/// static files and the rate limiter held 3–4 KB per viewer that no hub connection ever uses
/// (docs/benchmarks.md). Those middlewares are put in a branch the hub connection requests skip; the
/// ones a hub connection does need (security headers, the origin check, authentication, the viewer
/// id, authorization) stay on the main line and pass the request on without awaiting it.
/// </summary>
/// <remarks>
/// The short hub requests (negotiate, long polling) are not connections and keep the full pipeline,
/// so their errors are still ProblemDetails.
/// </remarks>
public static class HubConnectionPipeline
{
    /// <summary>Where every hub is mapped (<c>/hubs/live</c>, <c>/hubs/console</c>).</summary>
    public const string PathPrefix = "/hubs";

    /// <summary>True for the request that carries a hub connection for its whole life.</summary>
    /// <remarks>
    /// <c>HttpContext.WebSockets</c> cannot tell yet: SignalR adds the WebSocket middleware inside the
    /// hub's endpoint, after this point. An upgrade (HTTP/1.1) or an extended CONNECT (WebSockets over
    /// HTTP/2) is what a WebSocket connection looks like here; a negotiate POST carrying an Upgrade
    /// header is still an ordinary request.
    /// </remarks>
    public static bool IsHubConnection(HttpContext context)
    {
        if (!context.Request.Path.StartsWithSegments(PathPrefix)) return false;
        if (context.Features.Get<IHttpExtendedConnectFeature>()?.IsExtendedConnect == true) return true;
        return HttpMethods.IsGet(context.Request.Method)
            && (context.Features.Get<IHttpUpgradeFeature>()?.IsUpgradableRequest == true
                || context.Request.Headers.Accept.ToString().Contains("text/event-stream", StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>Runs <paramref name="configure"/>'s middlewares for every request except a hub connection.</summary>
    public static IApplicationBuilder UseExceptForHubConnections(this IApplicationBuilder app, Action<IApplicationBuilder> configure) =>
        app.UseWhen(context => !IsHubConnection(context), configure);
}
