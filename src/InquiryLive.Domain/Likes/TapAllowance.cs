namespace InquiryLive.Domain.Likes;

/// <summary>
/// How many like taps one source (a connection) may add per second. Taps beyond the allowance are
/// dropped, never refused with an error: a like is not worth an error message.
/// </summary>
public sealed class TapAllowance(int perSecond)
{
    private readonly Lock _lock = new();
    private long _window = long.MinValue;
    private int _used;

    /// <summary>Takes up to <paramref name="taps"/> from this second's allowance; returns how many were accepted.</summary>
    public int Take(int taps, DateTimeOffset now)
    {
        if (taps <= 0) return 0;
        var window = now.ToUnixTimeMilliseconds() / 1000;
        lock (_lock)
        {
            if (window != _window)
            {
                _window = window;
                _used = 0;
            }
            var accepted = Math.Min(taps, perSecond - _used);
            _used += accepted;
            return accepted;
        }
    }
}
