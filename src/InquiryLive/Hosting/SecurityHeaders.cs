namespace InquiryLive.Hosting;

/// <summary>
/// A strict Content-Security-Policy and the usual hardening headers on every response. Pages load
/// only our own scripts (no inline script), and may not be framed, except the broadcast overlay,
/// which streaming software embeds.
/// </summary>
public static class SecurityHeaders
{
    private const string Csp =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; " +
        "media-src 'self' https: blob:; connect-src 'self' https: wss: ws:; font-src 'self'; object-src 'none'; " +
        "base-uri 'none'; form-action 'self'; frame-ancestors 'none'";


    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) => app.Use((context, next) =>
    {
        context.Response.OnStarting(() =>
        {
            var h = context.Response.Headers;
            var overlay = context.Request.Path.StartsWithSegments("/overlay.html");
            h.ContentSecurityPolicy = overlay ? Csp.Replace("frame-ancestors 'none'", "frame-ancestors *", StringComparison.Ordinal) : Csp;
            h.XContentTypeOptions = "nosniff";
            h["Referrer-Policy"] = "no-referrer";
            h["Cross-Origin-Opener-Policy"] = "same-origin";
            h["Permissions-Policy"] = "camera=(), microphone=(), geolocation=()";
            if (!overlay) h.XFrameOptions = "DENY";
            return Task.CompletedTask;
        });
        return next(context);
    });
}
