namespace InquiryLive.Hosting;

/// <summary>
/// Refuses cross-site use of our cookies: a hub connection (cross-site WebSocket hijacking) or a
/// state-changing API call whose Origin is neither this site nor one of Security:AllowedOrigins
/// gets 403. Requests without an Origin (server-to-server clients, tests, curl) pass: they carry no
/// browser's ambient cookies.
/// </summary>
public static class OriginCheck
{
    public static IApplicationBuilder UseOriginCheck(this WebApplication app)
    {
        var allowed = (app.Configuration.GetSection("Security:AllowedOrigins").Get<string[]>() ?? [])
            .Select(o => o.TrimEnd('/')).ToHashSet(StringComparer.OrdinalIgnoreCase);
        // Not async: a hub connection passes through here for its whole life, and an awaiting
        // middleware would keep its state alive all that time (Hosting/HubConnectionPipeline.cs).
        return app.Use((context, next) =>
        {
            var request = context.Request;
            var guarded = request.Path.StartsWithSegments(HubConnectionPipeline.PathPrefix)
                || (request.Path.StartsWithSegments("/api") && !HttpMethods.IsGet(request.Method) && !HttpMethods.IsHead(request.Method) && !HttpMethods.IsOptions(request.Method));
            return guarded && !IsAllowed(request, allowed) ? Refuse(context) : next(context);
        });
    }

    private static Task Refuse(HttpContext context) =>
        Results.Problem(statusCode: StatusCodes.Status403Forbidden,
            detail: context.PrefersEnglish() ? "Requests from another site are not accepted." : "不接受来自其他网站的请求。")
            .ExecuteAsync(context);

    private static bool IsAllowed(HttpRequest request, HashSet<string> allowed)
    {
        if (request.Headers["Sec-Fetch-Site"].ToString() is "cross-site") return false;
        var origin = request.Headers.Origin.ToString();
        if (string.IsNullOrEmpty(origin)) return true;
        if (allowed.Contains(origin.TrimEnd('/'))) return true;
        return Uri.TryCreate(origin, UriKind.Absolute, out var uri)
            && string.Equals(uri.Authority, request.Host.Value, StringComparison.OrdinalIgnoreCase);
    }
}
