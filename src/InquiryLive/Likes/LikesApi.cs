using System.Threading.RateLimiting;
using InquiryLive.Accounts;
using InquiryLive.Data;
using InquiryLive.Domain;
using InquiryLive.Domain.Sessions;
using InquiryLive.Hosting;
using InquiryLive.Live;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace InquiryLive.Likes;

public sealed record LikeRequest(int Taps);

/// <summary>How many of the taps were counted (the rest went over the limit and were dropped).</summary>
public sealed record LikeAccepted(int Accepted);

/// <summary>
/// Likes for clients without WebSockets (the hub method LiveHub.Like is the usual path). Taps over
/// the limits are dropped silently: the answer is 202 either way.
/// </summary>
internal static class LikesApi
{
    public const int MaxTapsPerCall = 50;

    public static RouteGroupBuilder MapLikes(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/sessions/{sessionId:guid}").WithTags("Likes");
        group.MapPost("/likes", Like).RequireAuthorization(Policies.Public);
        return group;
    }

    private static async Task<Accepted<LikeAccepted>> Like(
        Guid sessionId, LikeRequest request, HttpContext http, AppDbContext db, LikeCounter likes, HttpLikeLimiter limiter, CancellationToken ct)
    {
        var state = await db.Sessions.AsNoTracking().Where(s => s.Id == sessionId).Select(s => (SessionState?)s.State).FirstOrDefaultAsync(ct);
        if (state is not { } s || !SessionStateMachine.IsPublic(s))
        {
            throw new DomainException("session.notFound", "没有找到该询问会议。", "No such inquiry session.", 404);
        }
        var taps = Math.Clamp(request.Taps, 1, Math.Min(MaxTapsPerCall, limiter.PerSecond));
        using var lease = limiter.Limiter.AttemptAcquire(http, taps);
        var accepted = lease.IsAcquired ? taps : 0;
        if (accepted > 0) likes.Add(sessionId, accepted);
        return TypedResults.Accepted((string?)null, new LikeAccepted(accepted));
    }
}

/// <summary>Per viewer and per address limits of likes sent over HTTP (one-second windows).</summary>
public sealed class HttpLikeLimiter : IDisposable
{
    public HttpLikeLimiter(IOptions<RateLimitSettings> options)
    {
        var s = options.Value;
        PerSecond = s.LikesPerSecond;
        Limiter = PartitionedRateLimiter.CreateChained(
            PartitionedRateLimiter.Create<HttpContext, string>(http => PerSecondWindow(http.User.ViewerId() ?? RateLimits.ClientAddress(http), s.LikesPerSecond)),
            PartitionedRateLimiter.Create<HttpContext, string>(http => PerSecondWindow(RateLimits.ClientAddress(http), Math.Max(s.LikesPerSecondPerAddress, s.LikesPerSecond))));
    }

    public int PerSecond { get; }

    public PartitionedRateLimiter<HttpContext> Limiter { get; }

    private static RateLimitPartition<string> PerSecondWindow(string key, int permits) =>
        RateLimitPartition.GetFixedWindowLimiter(key, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = permits, Window = TimeSpan.FromSeconds(1), QueueLimit = 0,
        });

    public void Dispose() => Limiter.Dispose();
}
