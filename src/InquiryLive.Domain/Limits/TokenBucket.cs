namespace InquiryLive.Domain.Limits;

/// <summary>
/// A token bucket refilled lazily from the time that has passed, with no timer: one per hub
/// connection costs a few dozen bytes and nothing while idle (a timer-driven limiter per connection
/// woke the server 19,000 times a second to refill buckets nobody was using).
/// </summary>
public sealed class TokenBucket(int capacity, double perSecond)
{
    private readonly Lock _lock = new();
    private double _tokens = capacity;
    private long _refilledAtTicks = long.MinValue;

    /// <summary>Takes one token if there is one; false means the caller is over its rate.</summary>
    public bool TryTake(DateTimeOffset now)
    {
        lock (_lock)
        {
            var ticks = now.UtcTicks;
            if (_refilledAtTicks == long.MinValue)
            {
                _refilledAtTicks = ticks;
            }
            else if (ticks > _refilledAtTicks)
            {
                // A clock that steps back refills nothing; time is counted again from the latest reading.
                _tokens = Math.Min(capacity, _tokens + (ticks - _refilledAtTicks) * perSecond / TimeSpan.TicksPerSecond);
                _refilledAtTicks = ticks;
            }
            if (_tokens < 1) return false;
            _tokens -= 1;
            return true;
        }
    }
}
