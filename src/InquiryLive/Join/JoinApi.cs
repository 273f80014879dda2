using InquiryLive.Accounts;
using InquiryLive.Data;
using InquiryLive.Sessions;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using QRCoder;

namespace InquiryLive.Join;

/// <summary>
/// The join QR code of a session: scanning it opens the viewer page on that session. Shown on the
/// big screen and on the printable /join.html page, whose printed address comes from the same place
/// (<see cref="JoinOptions.PublicUrl"/>, or else the address the request came in on).
/// </summary>
internal static class JoinApi
{
    public static RouteGroupBuilder MapJoin(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/sessions/{sessionId:guid}").WithTags("Join").RequireAuthorization(Policies.Public);
        group.MapGet("/join", Link);
        group.MapGet("/qr.png", Qr);
        return group;
    }

    private static async Task<Ok<JoinLinkView>> Link(
        Guid sessionId, HttpContext http, AppDbContext db, PublicSessionCache sessions, IOptions<JoinOptions> options, CancellationToken ct)
    {
        // 404 for a session that is not public; read at most once a second (the big screens of a hall ask together).
        await sessions.DepartmentsAsync(db, sessionId, null, ct);
        var (url, _) = JoinUrl(http.Request, options.Value, sessionId);
        return TypedResults.Ok(new JoinLinkView(url));
    }

    private static async Task<FileContentHttpResult> Qr(
        Guid sessionId, HttpContext http, AppDbContext db, PublicSessionCache sessions, IOptions<JoinOptions> options, CancellationToken ct)
    {
        await sessions.DepartmentsAsync(db, sessionId, null, ct);
        var (url, configured) = JoinUrl(http.Request, options.Value, sessionId);
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(url, QRCodeGenerator.ECCLevel.M);
        var png = new PngByteQRCode(data).GetGraphic(12);
        // An image made from the request's Host header must not sit in a shared cache (a proxy or CDN
        // in front of the app): anyone could otherwise put a QR code to their own site on the big screen.
        http.Response.Headers.CacheControl = configured ? "public, max-age=300" : "private, max-age=300";
        return TypedResults.File(png, "image/png");
    }

    /// <summary>The viewer page of a session, and whether it came from the configured public address.</summary>
    private static (string Url, bool Configured) JoinUrl(HttpRequest request, JoinOptions options, Guid sessionId) =>
        options.ViewerPage(sessionId) is { } configured
            ? (configured, true)
            : ($"{request.Scheme}://{request.Host}/?s={sessionId}", false);
}

/// <summary>The address a viewer joins a session at (what the QR code encodes).</summary>
public sealed record JoinLinkView(string Url);
