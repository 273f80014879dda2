using System.Diagnostics;
using System.Net;

namespace InquiryLive.LoadTool;

public sealed record ViewerLoadSettings(
    Uri Hub, Guid SessionId, int Clients, int Sources = 1, int SourceOffset = 0, TimeSpan? Hold = null,
    int LikesPerSecond = 0, string? ReadyFile = null, Func<Task>? WhenReady = null, WireProtocol Protocol = WireProtocol.SignalR,
    string? StopFile = null, int Stalled = 0);

public sealed record ViewerResult(int Clients, int Connected, int Failed, int Dropped, long LikesSent, Dictionary<long, double[]> LatenciesBySeq,
    int MaxCountersReceived = 0, double HeldSeconds = 0, int Stalled = 0);

/// <summary>
/// Opens the viewers, holds them for a set time (sending likes if asked) while recording every
/// event's fan-out latency, then closes them. Bounded: by count, by hold time, by a hard cap.
/// With a stop file the hold ends when the file appears (the scenario script writes it after its
/// last event), so a slow ramp-up or slow events on a busy box never cut the last events off;
/// the hold time is then only the upper bound.
/// The first <see cref="ViewerLoadSettings.Stalled"/> viewers join and then stop reading (a phone
/// whose page froze with its socket open): they keep pinging, so only the server's send path can
/// tell, and each has a 4 KB receive buffer, so the stall reaches the server after kilobytes, not
/// megabytes. Their deliveries are not recorded; the others' are.
/// </summary>
public static class ViewerLoad
{
    public static async Task<ViewerResult> RunAsync(ViewerLoadSettings s, TextWriter log)
    {
        var hold = s.Hold ?? TimeSpan.FromSeconds(10);
        using var cts = new CancellationTokenSource(hold + TimeSpan.FromMinutes(5));
        var recorder = new LatencyRecorder();
        var viewers = Enumerable.Range(0, s.Clients)
            .Select(i => new ViewerSocket(s.Hub, IPAddress.Parse($"127.0.0.{1 + s.SourceOffset + i % Math.Max(1, s.Sources)}"), s.SessionId, recorder, s.Protocol,
                stalls: i < s.Stalled))
            .ToArray();

        var connectWatch = Stopwatch.StartNew();
        var failed = 0;
        await Parallel.ForEachAsync(viewers, new ParallelOptions { MaxDegreeOfParallelism = 64, CancellationToken = cts.Token }, async (v, ct) =>
        {
            try { await v.ConnectAsync(ct); }
            catch (Exception) { Interlocked.Increment(ref failed); }
        });
        var connected = viewers.Where(v => v.Connected).ToArray();
        await log.WriteLineAsync($"connected {connected.Length}/{s.Clients} in {connectWatch.ElapsedMilliseconds} ms ({failed} failed)");
        var stalled = connected.Count(v => v.Stalls);
        var receiving = connected.Where(v => !v.Stalls).Select(v => Task.Run(() => v.ReceiveLoopAsync(cts.Token))).ToArray();
        // Joining is an invocation: wait until the server has answered every viewer's join (then it is in
        // the group and receives every later event); socket.io has no answer, so give it a moment instead.
        var joinWatch = Stopwatch.StartNew();
        if (s.Protocol == WireProtocol.SignalR)
        {
            var joins = Task.WhenAll(connected.Where(v => !v.Stalls).Select(v => v.Joined));
            await Task.WhenAny(joins, Task.Delay(TimeSpan.FromSeconds(60), cts.Token));
            await log.WriteLineAsync($"joined {connected.Count(v => v.Joined.IsCompleted)}/{connected.Length} in {joinWatch.ElapsedMilliseconds} ms");
        }
        else
        {
            await Task.Delay(500);
        }
        if (s.ReadyFile is not null) await File.WriteAllTextAsync(s.ReadyFile, connected.Length.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var whenReady = s.WhenReady?.Invoke() ?? Task.CompletedTask;

        var holdWatch = Stopwatch.StartNew();
        var until = DateTime.UtcNow + hold;
        var likesSent = 0L;
        var nextPing = DateTime.UtcNow.AddSeconds(10);
        var nextSocket = 0;
        while (DateTime.UtcNow < until && !cts.IsCancellationRequested && !(s.StopFile is not null && File.Exists(s.StopFile)))
        {
            if (s.LikesPerSecond > 0 && connected.Length > 0)
            {
                // Paced by the clock (the likes due so far), each tick's taps sent at once over
                // distinct sockets, so the rate holds however long one send takes.
                var due = (long)(holdWatch.Elapsed.TotalSeconds * s.LikesPerSecond) - likesSent;
                var now = (int)Math.Min(due, connected.Length);
                var sends = new Task<bool>[Math.Max(0, now)];
                for (var i = 0; i < sends.Length; i++)
                {
                    var viewer = connected[nextSocket++ % connected.Length];
                    sends[i] = viewer.LikeAsync(1, cts.Token).ContinueWith(t => t.IsCompletedSuccessfully, TaskScheduler.Default);
                }
                likesSent += (await Task.WhenAll(sends)).Count(ok => ok);
            }
            if (DateTime.UtcNow >= nextPing)
            {
                await Task.WhenAll(connected.Select(v => v.PingAsync(cts.Token).ContinueWith(_ => { }, TaskScheduler.Default)));
                nextPing = DateTime.UtcNow.AddSeconds(10);
            }
            await Task.Delay(100).ConfigureAwait(false);
        }
        await whenReady;
        await Task.Delay(1000);
        await cts.CancelAsync();
        await Task.WhenAll(connected.Select(v => v.CloseAsync()));
        await Task.WhenAll(receiving).ContinueWith(_ => { }, TaskScheduler.Default);

        return new ViewerResult(s.Clients, connected.Length, failed, recorder.DroppedCount, likesSent,
            recorder.BySeq.ToDictionary(kv => kv.Key, kv => kv.Value.ToArray()),
            connected.Length == 0 ? 0 : connected.Max(v => v.CountersReceived), holdWatch.Elapsed.TotalSeconds, stalled);
    }
}
