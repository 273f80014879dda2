using System.Buffers;
using System.Collections.Concurrent;
using System.Runtime.InteropServices;

namespace InquiryLive.Hosting;

/// <summary>
/// The memory pool Kestrel's sockets read into and write from: 4 KB blocks on the pinned object
/// heap, like Kestrel's own, but free blocks beyond what the recent past needed go back to the GC
/// <see cref="Windows"/> × <see cref="Window"/> (20 s, plus up to one more window) after the peak that needed them.
/// </summary>
/// <remarks>
/// Why not Kestrel's pool: it releases free blocks only at 1 % per 10 s while any traffic flows, and
/// a held audience always has some (SignalR pings every 15 s per viewer). The thousands of blocks a
/// ramp-up of viewers needed at once then stayed in the pool for many minutes, about 4.8 KB per held
/// viewer of pinned memory that no one used (docs/benchmarks.md, heap dump). This pool remembers the
/// highest number of blocks rented at once in each of the last <see cref="Windows"/> windows and keeps
/// only the free blocks it would take to serve that peak again, so a sitting that broadcasts every
/// few seconds keeps its blocks and an idle one gives them back. Kestrel's pool metrics
/// (<c>aspnetcore.memory_pool.*</c>) are not kept; the admin diagnostics report this pool's figures.
/// </remarks>
internal sealed class TrimmingBlockMemoryPool : MemoryPool<byte>
{
    public const int BlockSize = 4096;

    /// <summary>Free blocks always kept, so a lone request never allocates.</summary>
    public const int MinimumFreeBlocks = 64;

    public static readonly TimeSpan Window = TimeSpan.FromSeconds(5);
    public const int Windows = 4;

    private readonly ConcurrentQueue<Block> _free = new();
    private readonly int[] _peaks = new int[Windows];
    private readonly ITimer? _trimTimer;
    private readonly Action<TrimmingBlockMemoryPool>? _onDisposed;
    private int _nextPeak;
    private int _rented;
    private int _windowPeak;
    private long _allocated;
    private volatile bool _disposed;

    /// <param name="time">Drives the trimming; null leaves it to the caller of <see cref="Trim"/> (tests).</param>
    /// <param name="onDisposed">Told when the pool is disposed (the factory stops counting it).</param>
    public TrimmingBlockMemoryPool(TimeProvider? time, Action<TrimmingBlockMemoryPool>? onDisposed = null)
    {
        _onDisposed = onDisposed;
        _trimTimer = time?.CreateTimer(static pool => ((TrimmingBlockMemoryPool)pool!).Trim(), this, Window, Window);
    }

    public override int MaxBufferSize => BlockSize;

    /// <summary>Blocks lent out now.</summary>
    public int Rented => Volatile.Read(ref _rented);

    /// <summary>Blocks waiting in the pool.</summary>
    public int Free => _free.Count;

    /// <summary>Blocks allocated since the pool was made (a steadily rising figure means churn).</summary>
    public long Allocated => Interlocked.Read(ref _allocated);

    public override IMemoryOwner<byte> Rent(int minBufferSize = -1)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(minBufferSize, BlockSize);
        ObjectDisposedException.ThrowIf(_disposed, this);
        RaiseWindowPeak(Interlocked.Increment(ref _rented));
        if (!_free.TryDequeue(out var block))
        {
            Interlocked.Increment(ref _allocated);
            block = new Block(this);
        }
        block.Lend();
        return block;
    }

    private void RaiseWindowPeak(int rented)
    {
        var peak = Volatile.Read(ref _windowPeak);
        while (rented > peak)
        {
            var seen = Interlocked.CompareExchange(ref _windowPeak, rented, peak);
            if (seen == peak) return;
            peak = seen;
        }
    }

    private void Return(Block block)
    {
        Interlocked.Decrement(ref _rented);
        if (_disposed) return;
        _free.Enqueue(block);
        // Disposed meanwhile: what Dispose cleared before this block arrived must not stay pinned.
        if (_disposed) _free.Clear();
    }

    /// <summary>
    /// Closes a window: drops the free blocks that the highest demand of the last <see cref="Windows"/>
    /// windows would not need. Called every <see cref="Window"/> by the pool's timer.
    /// </summary>
    internal void Trim()
    {
        if (_disposed) return;
        // The next window starts from what is lent now; a rent racing with this counts in one of the two.
        _peaks[_nextPeak] = Interlocked.Exchange(ref _windowPeak, 0);
        RaiseWindowPeak(Volatile.Read(ref _rented));
        _nextPeak = (_nextPeak + 1) % Windows;
        var keep = Math.Max(MinimumFreeBlocks, _peaks.Max() - Volatile.Read(ref _rented));
        for (var excess = _free.Count - keep; excess > 0 && _free.TryDequeue(out _); excess--)
        {
        }
    }

    protected override void Dispose(bool disposing)
    {
        if (_disposed) return;
        _disposed = true;
        _trimTimer?.Dispose();
        _free.Clear();
        _onDisposed?.Invoke(this);
    }

    /// <summary>
    /// One 4 KB pinned block; disposing it gives it back to its pool, once: a second dispose by mistake
    /// must not put it in the pool twice (two connections would then share one buffer).
    /// </summary>
    private sealed class Block(TrimmingBlockMemoryPool pool) : IMemoryOwner<byte>
    {
        private int _lent;

        public Memory<byte> Memory { get; } =
            MemoryMarshal.CreateFromPinnedArray(GC.AllocateUninitializedArray<byte>(BlockSize, pinned: true), 0, BlockSize);

        public void Lend() => Volatile.Write(ref _lent, 1);

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _lent, 0) == 1) pool.Return(this);
        }
    }
}
