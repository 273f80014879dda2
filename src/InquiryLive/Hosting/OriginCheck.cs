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
        return app.Use(async (context, next) =>
        {
            var request = context.Request;
            var guarded = request.Path.StartsWithSegments("/hubs")
                || (request.Path.StartsWithSegments("/api") && !HttpMethods.IsGet(request.Method) && !HttpMethods.IsHead(request.Method) && !HttpMethods.IsOptions(request.Method));
            if (guarded && !IsAllowed(request, allowed))
            {
                await Results.Problem(statusCode: StatusCodes.Status403Forbidden,
                    detail: context.PrefersEnglish() ? "Requests from another site are not accepted." : "不接受来自其他网站的请求。")
                    .ExecuteAsync(context);
                return;
            }
            await next();
        });
    }

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
