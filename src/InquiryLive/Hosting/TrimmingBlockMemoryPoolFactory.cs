using System.Buffers;
using System.Collections.Concurrent;
using Microsoft.AspNetCore.Connections;

namespace InquiryLive.Hosting;

/// <summary>
/// Hands Kestrel <see cref="TrimmingBlockMemoryPool"/>s instead of its own pools (Kestrel asks the
/// service container for an <see cref="IMemoryPoolFactory{T}"/>; ours is registered last, so it wins),
/// and sums them up for the diagnostics endpoint.
/// </summary>
internal sealed class TrimmingBlockMemoryPoolFactory(TimeProvider time) : IMemoryPoolFactory<byte>
{
    private readonly ConcurrentDictionary<TrimmingBlockMemoryPool, byte> _pools = new();

    /// <remarks><paramref name="options"/> names the pool's owner for Kestrel's metrics, which this pool does not keep.</remarks>
    public MemoryPool<byte> Create(MemoryPoolOptions? options = null)
    {
        var pool = new TrimmingBlockMemoryPool(time, disposed => _pools.TryRemove(disposed, out _));
        _pools.TryAdd(pool, 0);
        return pool;
    }

    /// <summary>Blocks lent out and blocks waiting, over the pools in use.</summary>
    public MemoryPoolFigures Figures()
    {
        int rented = 0, free = 0;
        long allocated = 0;
        foreach (var pool in _pools.Keys)
        {
            rented += pool.Rented;
            free += pool.Free;
            allocated += pool.Allocated;
        }
        return new MemoryPoolFigures(TrimmingBlockMemoryPool.BlockSize, rented, free, allocated);
    }
}

/// <summary>Kestrel's socket buffers: block size, blocks in use, blocks idle in the pool, blocks ever allocated.</summary>
public sealed record MemoryPoolFigures(int BlockBytes, int RentedBlocks, int FreeBlocks, long AllocatedBlocks);
