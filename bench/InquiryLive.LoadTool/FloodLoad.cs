using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;

namespace InquiryLive.LoadTool;

public sealed record FloodSettings(Uri BaseAddress, Guid SessionId, int Flood = 1000, int Parallel = 16, int NormalRequests = 100, int Rounds = 10);

public sealed record FloodResult(int Flood, int Created, int Throttled, int Other, double UnloadedP50, double UnloadedP99, double LoadedP50, double LoadedP99, int NormalFailures);

/// <summary>
/// One viewer (from 127.0.0.2) sends a flood of questions as fast as it can while another viewer
/// (from 127.0.0.3) follows the sitting: snapshot, approved list, own questions. The second viewer's
/// latency is measured alone, then during the flood, over several rounds; the server's real limits stay on.
/// </summary>
public static class FloodLoad
{
    public static async Task<FloodResult> RunAsync(FloodSettings s, TextWriter log)
    {
        using var viewer = Client(s.BaseAddress, 3);
        using var warmer = Client(s.BaseAddress, 4);
        (await viewer.GetAsync("api/auth/me")).EnsureSuccessStatusCode();
        (await warmer.GetAsync("api/auth/me")).EnsureSuccessStatusCode();
        var api = $"api/sessions/{s.SessionId}";
        // Warm-up: the reading paths, and the refusal path (a third viewer over its limit), so the
        // figures compare a busy server with an idle one, not code compiled on first use.
        for (var i = 0; i < 300; i++) await Normal(viewer, api, i, new List<double>());
        await Parallel.ForEachAsync(Enumerable.Range(0, 300), new ParallelOptions { MaxDegreeOfParallelism = s.Parallel }, async (i, ct) =>
        {
            using var response = await warmer.PostAsJsonAsync($"{api}/questions", new { id = Guid.NewGuid(), text = $"预热 {i}" }, ct);
        });

        // Rounds, each a new flooding viewer (same address) sending Flood questions, with the normal
        // viewer measured alone just before each round and then while that round lasts: enough samples
        // for a p99 on both sides, taken under the same conditions.
        var unloaded = new List<double>();
        var loaded = new List<double>();
        var failures = 0;
        var statuses = new ConcurrentBag<HttpStatusCode>();
        for (var round = 0; round < s.Rounds; round++)
        {
            using var flooder = Client(s.BaseAddress, 2);
            (await flooder.GetAsync("api/auth/me")).EnsureSuccessStatusCode();
            unloaded.AddRange(await Follow(viewer, api, s.NormalRequests, () => false, f => failures += f));
            var flooding = Parallel.ForEachAsync(Enumerable.Range(0, s.Flood), new ParallelOptions { MaxDegreeOfParallelism = s.Parallel }, async (i, ct) =>
            {
                using var response = await flooder.PostAsJsonAsync($"{api}/questions", new { id = Guid.NewGuid(), text = $"刷屏问题 {round}-{i}" }, ct);
                statuses.Add(response.StatusCode);
            });
            loaded.AddRange(await Follow(viewer, api, 0, () => !flooding.IsCompleted, f => failures += f));
            await flooding;
        }
        unloaded.Sort();
        loaded.Sort();
        await log.WriteLineAsync($"normal viewer: {unloaded.Count} requests alone, {loaded.Count} during {s.Rounds} floods");
        return new FloodResult(s.Flood * s.Rounds, statuses.Count(c => c == HttpStatusCode.Created), statuses.Count(c => c == HttpStatusCode.TooManyRequests),
            statuses.Count(c => c is not (HttpStatusCode.Created or HttpStatusCode.TooManyRequests)),
            LatencyRecorder.Percentile(unloaded, 50), LatencyRecorder.Percentile(unloaded, 99),
            LatencyRecorder.Percentile(loaded, 50), LatencyRecorder.Percentile(loaded, 99), failures);
    }

    private static async Task<List<double>> Follow(HttpClient viewer, string api, int atLeast, Func<bool> more, Action<int> failures)
    {
        var times = new List<double>();
        for (var i = 0; (i < atLeast || more()) && i < 100_000; i++)
        {
            if (!await Normal(viewer, api, i, times)) failures(1);
        }
        times.Sort();
        return times;
    }

    private static async Task<bool> Normal(HttpClient viewer, string api, int i, List<double> times)
    {
        var watch = Stopwatch.StartNew();
        using var response = await viewer.GetAsync((i % 3) switch { 0 => $"{api}/snapshot", 1 => $"{api}/questions/approved", _ => $"{api}/my-questions" });
        times.Add(watch.Elapsed.TotalMilliseconds);
        return response.IsSuccessStatusCode;
    }

    /// <summary>A client with its own cookies whose connections leave from 127.0.0.{host}, as another phone's would.</summary>
    private static HttpClient Client(Uri baseAddress, int host) => LoopbackHttp.Create(baseAddress, host, TimeSpan.FromSeconds(30));
}
