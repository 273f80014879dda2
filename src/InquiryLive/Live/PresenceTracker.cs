using System.Collections.Concurrent;

namespace InquiryLive.Live;

/// <summary>
/// Who is watching each session on this node, by connection. Counts feed the viewer counter
/// (观看人次 = joins, peak = most at once); the database keeps the totals (see CountersPump).
/// </summary>
public sealed class PresenceTracker
{
    private readonly ConcurrentDictionary<Guid, SessionPresence> _sessions = new();
    // The sessions each connection watches: almost always one, so a small array each (replaced, never
    // changed in place) instead of a dictionary per connection, which cost ~0.6 KB on each of 19,000.
    private readonly ConcurrentDictionary<string, Guid[]> _byConnection = new();

    public void Join(Guid sessionId, string connectionId)
    {
        var added = false;
        _byConnection.AddOrUpdate(connectionId,
            _ => { added = true; return [sessionId]; },
            (_, joined) =>
            {
                added = !joined.Contains(sessionId);
                return added ? [.. joined, sessionId] : joined;
            });
        if (!added) return;
        var p = _sessions.GetOrAdd(sessionId, _ => new SessionPresence());
        var now = Interlocked.Increment(ref p.Current);
        Interlocked.Increment(ref p.NewVisits);
        InterlockedMax(ref p.Peak, now);
        p.Changed = true;
    }

    public void Leave(Guid sessionId, string connectionId)
    {
        var removed = false;
        while (_byConnection.TryGetValue(connectionId, out var joined) && joined.Contains(sessionId))
        {
            Guid[] rest = [.. joined.Where(s => s != sessionId)];
            if (_byConnection.TryUpdate(connectionId, rest, joined))
            {
                removed = true;
                break;
            }
        }
        if (removed && _sessions.TryGetValue(sessionId, out var p))
        {
            Interlocked.Decrement(ref p.Current);
            p.Changed = true;
        }
    }

    public void LeaveAll(string connectionId)
    {
        if (!_byConnection.TryRemove(connectionId, out var joined)) return;
        foreach (var sessionId in joined)
        {
            if (_sessions.TryGetValue(sessionId, out var p))
            {
                Interlocked.Decrement(ref p.Current);
                p.Changed = true;
            }
        }
    }

    /// <summary>Viewers on this node across all sessions.</summary>
    public int TotalViewers => _sessions.Values.Sum(p => Volatile.Read(ref p.Current));

    /// <summary>True when the connection has joined the session (and not left it).</summary>
    public bool IsWatching(Guid sessionId, string connectionId) =>
        _byConnection.TryGetValue(connectionId, out var joined) && joined.Contains(sessionId);

    /// <summary>
    /// Viewers of the session: on one node the ones connected here; with several nodes the sum over
    /// all nodes last read by the <see cref="CountersPump"/>.
    /// </summary>
    public int Current(Guid sessionId) => _clusterViewers.TryGetValue(sessionId, out var total) ? total : Local(sessionId);

    /// <summary>Viewers of the session connected to this node.</summary>
    public int Local(Guid sessionId) => _sessions.TryGetValue(sessionId, out var p) ? Volatile.Read(ref p.Current) : 0;

    /// <summary>Records the viewer count summed over all nodes (PostgreSQL clusters).</summary>
    internal void SetClusterViewers(Guid sessionId, int viewers) => _clusterViewers[sessionId] = viewers;

    private readonly ConcurrentDictionary<Guid, int> _clusterViewers = new();

    /// <summary>Puts visits back when persisting them failed, so none is lost.</summary>
    internal void RestoreVisits(Guid sessionId, long visits)
    {
        if (visits != 0 && _sessions.TryGetValue(sessionId, out var p)) Interlocked.Add(ref p.NewVisits, visits);
    }

    internal IEnumerable<KeyValuePair<Guid, SessionPresence>> Sessions => _sessions;

    private static void InterlockedMax(ref int target, int value)
    {
        int seen;
        while (value > (seen = Volatile.Read(ref target)) && Interlocked.CompareExchange(ref target, value, seen) != seen) { }
    }

    internal sealed class SessionPresence
    {
        public int Current;
        public int Peak;
        /// <summary>Joins not yet added to the persisted visit total.</summary>
        public long NewVisits;
        public volatile bool Changed;
    }
}
