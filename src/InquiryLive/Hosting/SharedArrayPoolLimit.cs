using System.Buffers;
using System.Globalization;

namespace InquiryLive.Hosting;

/// <summary>
/// Lets the shared array pools keep enough arrays of one size for a broadcast to every viewer.
/// </summary>
/// <remarks>
/// SignalR gives each connection's pipes 4 KB segments from <see cref="ArrayPool{T}.Shared"/>. During
/// a broadcast nearly every connection holds one at the same moment (written, not yet sent), but the
/// shared pool keeps only 32 arrays of a size per core: the rest were new arrays that became garbage
/// at once, 97 % of what the server allocated while broadcasting (about 3 KB per delivery) and the
/// cause of a gen0 collection every few broadcasts. With the limit raised, a broadcast reuses the
/// arrays of the last one (docs/benchmarks.md: in an A/B run at 19,000 viewers, no GC during 20 events
/// instead of 27, and a lower p99 and CPU). The price: the arrays stay pooled. The runtime hands idle
/// ones back only on a gen2 collection, one or two per core each time under normal memory pressure
/// (all of them under high pressure), so after a big audience about 4 KB per viewer it held stays in
/// the pool. The limit is per size class and applies to every <c>ArrayPool&lt;T&gt;.Shared</c>; only
/// arrays actually returned are kept. The runtime reads it from the environment once, when a pool is
/// first used, so this runs first thing in <c>Program.cs</c>; a value the operator set is left alone
/// (<c>32</c>, the runtime's default, favours memory over broadcast cost).
/// </remarks>
internal static class SharedArrayPoolLimit
{
    public const string Variable = "DOTNET_SYSTEM_BUFFERS_SHAREDARRAYPOOL_MAXARRAYSPERPARTITION";
    public const int ArraysPerPartition = 16384;

    public static void RaiseBeforeFirstUse()
    {
        if (string.IsNullOrEmpty(Environment.GetEnvironmentVariable(Variable)))
        {
            Environment.SetEnvironmentVariable(Variable, ArraysPerPartition.ToString(CultureInfo.InvariantCulture));
        }
    }

    private static volatile bool _seenInEffect;

    /// <summary>
    /// True when the pool kept more arrays of one size than the runtime's default allows. A yes is
    /// remembered; a no is checked again next time (another thread using the same size class during
    /// the probe could have taken an array).
    /// </summary>
    public static bool InEffect => _seenInEffect || (_seenInEffect = Probe());

    /// <summary>
    /// Returns more tiny arrays of an otherwise unused size than 32 per core, and counts how many come
    /// back: all of them only if the raised limit is in effect. Costs a few kilobytes, once.
    /// </summary>
    private static bool Probe()
    {
        const int length = 24;   // the 32-byte size class
        var count = 32 * Environment.ProcessorCount + 64;
        var first = new byte[count][];
        for (var i = 0; i < count; i++) first[i] = ArrayPool<byte>.Shared.Rent(length);
        foreach (var array in first) ArrayPool<byte>.Shared.Return(array);
        var returned = new HashSet<byte[]>(first, ReferenceEqualityComparer.Instance);
        var reused = 0;
        var again = new byte[count][];
        for (var i = 0; i < count; i++)
        {
            again[i] = ArrayPool<byte>.Shared.Rent(length);
            if (returned.Contains(again[i])) reused++;
        }
        foreach (var array in again) ArrayPool<byte>.Shared.Return(array);
        return reused == count;
    }
}
