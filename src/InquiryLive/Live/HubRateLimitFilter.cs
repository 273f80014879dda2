using System.Threading.RateLimiting;
using Microsoft.AspNetCore.SignalR;

namespace InquiryLive.Live;

/// <summary>
/// Each hub connection may invoke at most a burst of 20 methods, refilled at 10 per second: a
/// flooding client gets a HubException and costs the server almost nothing, and others are not slowed.
/// </summary>
public sealed class HubRateLimitFilter : IHubFilter
{
    private const string Key = "il.rateLimiter";

    public async ValueTask<object?> InvokeMethodAsync(HubInvocationContext invocationContext, Func<HubInvocationContext, ValueTask<object?>> next)
    {
        var items = invocationContext.Context.Items;
        if (items[Key] is not TokenBucketRateLimiter limiter)
        {
            limiter = new TokenBucketRateLimiter(new TokenBucketRateLimiterOptions
            {
                TokenLimit = 20,
                TokensPerPeriod = 10,
                ReplenishmentPeriod = TimeSpan.FromSeconds(1),
                QueueLimit = 0,
                AutoReplenishment = true,
            });
            items[Key] = limiter;
        }
        using var lease = limiter.AttemptAcquire();
        if (!lease.IsAcquired) throw new HubException("rate.limited");
        return await next(invocationContext);
    }

    public Task OnDisconnectedAsync(HubLifetimeContext context, Exception? exception, Func<HubLifetimeContext, Exception?, Task> next)
    {
        if (context.Context.Items[Key] is IDisposable limiter) limiter.Dispose();
        return next(context, exception);
    }
}
