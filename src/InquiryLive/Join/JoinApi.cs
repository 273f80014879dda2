using InquiryLive.Accounts;
using InquiryLive.Data;
using InquiryLive.Domain;
using InquiryLive.Domain.Sessions;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using QRCoder;

namespace InquiryLive.Join;

/// <summary>
/// The join QR code of a session: scanning it opens the viewer page on that session. Shown on the
/// big screen and on the printable /join.html page.
/// </summary>
internal static class JoinApi
{
    public static RouteGroupBuilder MapJoin(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/sessions/{sessionId:guid}").WithTags("Join");
        group.MapGet("/qr.png", Qr).RequireAuthorization(Policies.Public);
        return group;
    }

    public static string JoinUrl(HttpRequest request, Guid sessionId) =>
        $"{request.Scheme}://{request.Host}/?s={sessionId}";

    private static async Task<FileContentHttpResult> Qr(Guid sessionId, HttpContext http, AppDbContext db, CancellationToken ct)
    {
        var state = await db.Sessions.AsNoTracking().Where(s => s.Id == sessionId).Select(s => (SessionState?)s.State).FirstOrDefaultAsync(ct);
        if (state is not { } s || !SessionStateMachine.IsPublic(s))
        {
            throw new DomainException("session.notFound", "没有找到该询问会议。", "No such inquiry session.", 404);
        }
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(JoinUrl(http.Request, sessionId), QRCodeGenerator.ECCLevel.M);
        var png = new PngByteQRCode(data).GetGraphic(12);
        http.Response.Headers.CacheControl = "public, max-age=300";
        return TypedResults.File(png, "image/png");
    }
}
