using InquiryLive.Data;
using Microsoft.Extensions.Options;

namespace InquiryLive.Data;

/// <summary>
/// SQLite allows one writer at a time; queueing writers here (instead of letting them collide and
/// retry on SQLITE_BUSY) keeps command latency flat. On PostgreSQL the session row lock does this job
/// across nodes, so the gate lets everyone through.
/// </summary>
public sealed class WriteGate(IOptions<DatabaseOptions> options)
{
    private readonly SemaphoreSlim? _gate = options.Value.Provider == DatabaseProvider.Sqlite ? new(1, 1) : null;

    public async ValueTask<IDisposable> EnterAsync(CancellationToken ct)
    {
        if (_gate is null) return NoGate.Instance;
        await _gate.WaitAsync(ct);
        return new Release(_gate);
    }

    private sealed class Release(SemaphoreSlim gate) : IDisposable
    {
        private int _done;
        public void Dispose()
        {
            if (Interlocked.Exchange(ref _done, 1) == 0) gate.Release();
        }
    }

    private sealed class NoGate : IDisposable
    {
        public static readonly NoGate Instance = new();
        public void Dispose() { }
    }
}
