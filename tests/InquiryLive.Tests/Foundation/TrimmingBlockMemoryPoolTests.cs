using System.Buffers;
using System.Net.Http.Json;
using InquiryLive.Hosting;
using InquiryLive.Tests.Infrastructure;
using Microsoft.AspNetCore.Connections;
using Microsoft.Extensions.DependencyInjection;

namespace InquiryLive.Tests.Foundation;

/// <summary>
/// Kestrel's socket buffers come from <see cref="TrimmingBlockMemoryPool"/>: blocks are reused, free
/// blocks beyond the recent peak go back to the GC, and a recurring peak keeps what it needs.
/// </summary>
public sealed class TrimmingBlockMemoryPoolTests
{
    private const int Burst = 1000;

    [Fact]
    public void AReturnedBlock_IsLentAgain_InsteadOfAllocatingANewOne()
    {
        using var pool = new TrimmingBlockMemoryPool(time: null);

        var first = pool.Rent();
        Assert.Equal(TrimmingBlockMemoryPool.BlockSize, first.Memory.Length);
        first.Dispose();
        using var second = pool.Rent(100);

        Assert.Equal(1, pool.Allocated);
        Assert.Equal(1, pool.Rented);
        Assert.Equal(0, pool.Free);
    }

    [Fact]
    public void ABufferLargerThanABlock_IsRefused()
    {
        using var pool = new TrimmingBlockMemoryPool(time: null);

        Assert.Throws<ArgumentOutOfRangeException>(() => pool.Rent(TrimmingBlockMemoryPool.BlockSize + 1));
        Assert.Equal(0, pool.Rented);
    }

    [Fact]
    public void AfterABurst_TheFreeBlocksAreKeptForTheRememberedWindows_ThenGivenBack()
    {
        using var pool = new TrimmingBlockMemoryPool(time: null);
        ReturnAll(RentMany(pool, Burst));
        Assert.Equal(Burst, pool.Free);

        for (var window = 0; window < TrimmingBlockMemoryPool.Windows; window++)
        {
            pool.Trim();
            Assert.Equal(Burst, pool.Free);
        }
        pool.Trim();

        Assert.Equal(TrimmingBlockMemoryPool.MinimumFreeBlocks, pool.Free);
        Assert.Equal(0, pool.Rented);
    }

    [Fact]
    public void ABurstThatRecursWithinTheRememberedWindows_KeepsItsBlocks_AndAllocatesNoMore()
    {
        using var pool = new TrimmingBlockMemoryPool(time: null);

        for (var window = 0; window < 3 * TrimmingBlockMemoryPool.Windows; window++)
        {
            ReturnAll(RentMany(pool, Burst));
            pool.Trim();
            Assert.Equal(Burst, pool.Free);
        }

        Assert.Equal(Burst, pool.Allocated);
    }

    [Fact]
    public void BlocksStillLentOut_AreNotCountedAsSpare()
    {
        using var pool = new TrimmingBlockMemoryPool(time: null);
        var held = RentMany(pool, Burst);
        ReturnAll(held.Take(Burst / 2));

        // The peak was 1000 with 500 still lent: 500 free blocks serve that peak again.
        for (var window = 0; window < TrimmingBlockMemoryPool.Windows; window++) pool.Trim();
        Assert.Equal(Burst / 2, pool.Free);

        // Once the peak is forgotten only the floor stays, and the 500 lent blocks are untouched.
        pool.Trim();
        Assert.Equal(TrimmingBlockMemoryPool.MinimumFreeBlocks, pool.Free);
        Assert.Equal(Burst / 2, pool.Rented);
    }

    [Fact]
    public void ADisposedPool_LendsNothing_AndKeepsNothingReturnedToIt()
    {
        var pool = new TrimmingBlockMemoryPool(time: null);
        var lent = pool.Rent();
        pool.Dispose();

        lent.Dispose();

        Assert.Equal(0, pool.Free);
        Assert.Throws<ObjectDisposedException>(() => pool.Rent());
    }

    [Fact]
    public void ABlockDisposedTwice_GoesBackToThePoolOnce()
    {
        using var pool = new TrimmingBlockMemoryPool(time: null);
        var block = pool.Rent();

        block.Dispose();
        block.Dispose();

        Assert.Equal(1, pool.Free);
        Assert.Equal(0, pool.Rented);
        using var first = pool.Rent();
        using var second = pool.Rent();
        Assert.NotEqual(first.Memory, second.Memory);
    }

    [Fact]
    public void TheFactorysPools_TrimOnTheirTimer_EveryWindow_AndStopBeingCountedOnceDisposed()
    {
        var time = new ManualTimers();
        var factory = new TrimmingBlockMemoryPoolFactory(time);
        var pool = factory.Create();
        Assert.Equal(TrimmingBlockMemoryPool.Window, time.Period);
        ReturnAll(RentMany(pool, Burst));
        Assert.Equal(Burst, factory.Figures().FreeBlocks);

        for (var window = 0; window <= TrimmingBlockMemoryPool.Windows; window++) time.Fire();
        Assert.Equal(TrimmingBlockMemoryPool.MinimumFreeBlocks, factory.Figures().FreeBlocks);

        pool.Dispose();
        Assert.True(time.TimerDisposed);
        Assert.Equal(new MemoryPoolFigures(TrimmingBlockMemoryPool.BlockSize, 0, 0, 0), factory.Figures());
    }

    [Fact]
    public void TheAppRegistersThisPoolAfterKestrelsOwn()
    {
        using var app = new InquiryApp();

        Assert.IsType<TrimmingBlockMemoryPoolFactory>(app.Services.GetRequiredService<IMemoryPoolFactory<byte>>());
    }

    [Fact]
    public async Task Kestrel_ReadsAndWritesSocketsThroughThisPool()
    {
        using var app = new InquiryApp();
        app.StartOnKestrel();
        var admin = await app.SignedIn("admin");

        var diagnostics = await admin.GetFromJsonAsync<ServerDiagnostics>("/api/admin/diagnostics");

        Assert.NotNull(diagnostics);
        Assert.Equal(TrimmingBlockMemoryPool.BlockSize, diagnostics.SocketBuffers.BlockBytes);
        Assert.True(diagnostics.SocketBuffers.AllocatedBlocks > 0, "the requests above came through Kestrel's sockets, which rent from the pool");
    }

    /// <summary>A clock whose one timer fires when the test says so.</summary>
    private sealed class ManualTimers : TimeProvider
    {
        private TimerCallback? _callback;
        private object? _state;

        public TimeSpan Period { get; private set; }
        public bool TimerDisposed { get; private set; }

        public void Fire() => _callback!(_state);

        public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
        {
            (_callback, _state, Period) = (callback, state, period);
            return new Timer(this);
        }

        private sealed class Timer(ManualTimers owner) : ITimer
        {
            public bool Change(TimeSpan dueTime, TimeSpan period) => true;
            public void Dispose() => owner.TimerDisposed = true;
            public ValueTask DisposeAsync()
            {
                Dispose();
                return ValueTask.CompletedTask;
            }
        }
    }

    private static List<IMemoryOwner<byte>> RentMany(MemoryPool<byte> pool, int count) =>
        Enumerable.Range(0, count).Select(_ => pool.Rent()).ToList();

    private static void ReturnAll(IEnumerable<IMemoryOwner<byte>> blocks)
    {
        foreach (var block in blocks) block.Dispose();
    }
}
