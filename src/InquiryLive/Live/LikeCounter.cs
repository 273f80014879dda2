using System.Collections.Concurrent;

namespace InquiryLive.Live;

/// <summary>
/// Likes (点赞) are counted in memory and never fan out one message per tap: the
/// <see cref="CountersPump"/> persists the pending count every second and broadcasts one aggregate
/// total at most every 500 ms, and only when something changed.
/// </summary>
public sealed class LikeCounter
{
    private readonly ConcurrentDictionary<Guid, Pending> _pending = new();

    public void Add(Guid sessionId, long taps)
    {
        var p = _pending.GetOrAdd(sessionId, _ => new Pending());
        Interlocked.Add(ref p.Count, taps);
    }

    /// <summary>Takes what has been tapped since the last call (the pump persists it).</summary>
    internal IEnumerable<(Guid SessionId, long Taps)> Drain()
    {
        foreach (var (sessionId, p) in _pending)
        {
            var taps = Interlocked.Exchange(ref p.Count, 0);
            if (taps != 0) yield return (sessionId, taps);
        }
    }

    /// <summary>Taps not yet persisted, added to the stored total when reporting a count.</summary>
    public long Unsaved(Guid sessionId) => _pending.TryGetValue(sessionId, out var p) ? Volatile.Read(ref p.Count) : 0;

    /// <summary>Puts taps back when persisting them failed, so none is lost.</summary>
    internal void Restore(Guid sessionId, long taps) => Add(sessionId, taps);

    private sealed class Pending
    {
        public long Count;
    }
}
