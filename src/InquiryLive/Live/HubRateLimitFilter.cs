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
        // Kept as a feature of the connection, not in Context.Items: Items is a dictionary created for
        // the first entry, about 400 bytes a viewer for this one object (docs/benchmarks.md, heap per connection).
        // A connection's invocations run one at a time, so the get-then-set cannot race.
        var features = invocationContext.Context.Features;
        var bucket = features.Get<TokenBucket>();
        if (bucket is null)
        {
            features.Set(bucket = new TokenBucket(Burst, PerSecond));
        }
        return bucket.TryTake(time.GetUtcNow()) ? next(invocationContext) : throw new HubException("rate.limited");
    }
}
