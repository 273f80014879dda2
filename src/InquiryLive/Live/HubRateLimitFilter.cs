using InquiryLive.Domain.Limits;
using Microsoft.AspNetCore.SignalR;

namespace InquiryLive.Live;

/// <summary>
/// Each hub connection may invoke at most a burst of 20 methods, refilled at 10 per second: a
/// flooding client gets a HubException and costs the server almost nothing, and others are not slowed.
/// </summary>
public sealed class HubRateLimitFilter(TimeProvider time) : IHubFilter
{
    public const int Burst = 20;
    public const double PerSecond = 10;

    public ValueTask<object?> InvokeMethodAsync(HubInvocationContext invocationContext, Func<HubInvocationContext, ValueTask<object?>> next)
    {
        var bucket = invocationContext.Context.Features.GetOrCreate(0, static _ => new TokenBucket(Burst, PerSecond));
        return bucket.TryTake(time.GetUtcNow()) ? next(invocationContext) : throw new HubException("rate.limited");
    }
}
