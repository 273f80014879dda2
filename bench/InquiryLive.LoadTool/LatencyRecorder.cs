using System.Collections.Concurrent;

namespace InquiryLive.LoadTool;

/// <summary>Fan-out latencies per event seq: how long each viewer waited for each event.</summary>
internal sealed class LatencyRecorder
{
    private readonly ConcurrentDictionary<long, ConcurrentBag<double>> _bySeq = new();
    private int _dropped;

    public void Record(long seq, double ms) => _bySeq.GetOrAdd(seq, _ => []).Add(ms);

    public void Dropped() => Interlocked.Increment(ref _dropped);

    public int DroppedCount => _dropped;

    public IReadOnlyDictionary<long, ConcurrentBag<double>> BySeq => _bySeq;

    public static double Percentile(List<double> sorted, double p)
    {
        if (sorted.Count == 0) return double.NaN;
        var rank = (int)Math.Ceiling(p / 100.0 * sorted.Count) - 1;
        return sorted[Math.Clamp(rank, 0, sorted.Count - 1)];
    }
}
