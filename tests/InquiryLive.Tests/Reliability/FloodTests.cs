using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using InquiryLive.Tests.Infrastructure;
using Xunit.Abstractions;

namespace InquiryLive.Tests.Reliability;

/// <summary>
/// One viewer floods the question endpoint; it is throttled with 429 and Retry-After while another
/// viewer, on another network address, is served as usual.
/// </summary>
public sealed class FloodTests(ITestOutputHelper output)
{
    private const int Flood = 1000;
    private const int NormalRequests = 60;

    [Fact]
    public async Task ViewerSendingAThousandQuestions_GetsRetryAfter_WhileAnotherViewerIsServed()
    {
        using var app = new InquiryApp();
        var baseAddress = new Uri(app.StartOnKestrel() + "/");
        var sessionId = await app.DemoSessionId();
        var api = $"api/sessions/{sessionId}";
        var flooder = LoopbackClients.Create(baseAddress, sourceHost: 2);
        var viewer = LoopbackClients.Create(baseAddress, sourceHost: 3);
        // Each gets its viewer cookie first (one viewer id each).
        (await flooder.GetAsync("api/auth/me")).EnsureSuccessStatusCode();
        (await viewer.GetAsync("api/auth/me")).EnsureSuccessStatusCode();

        for (var i = 0; i < 20; i++) (await viewer.GetAsync($"{api}/snapshot")).EnsureSuccessStatusCode(); // warm up
        var unloaded = await NormalViewer(viewer, api, asks: 1);

        var statuses = new ConcurrentBag<HttpStatusCode>();
        var retryAfter = new ConcurrentBag<int>();
        var flooding = Parallel.ForEachAsync(Enumerable.Range(0, Flood), new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (i, ct) =>
        {
            using var response = await flooder.PostAsJsonAsync($"{api}/questions", new { id = Guid.NewGuid(), text = $"刷屏问题 {i}" }, ct);
            statuses.Add(response.StatusCode);
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                retryAfter.Add(response.Headers.RetryAfter?.Delta is { } delta ? (int)delta.TotalSeconds : -1);
            }
        });
        var loaded = await NormalViewer(viewer, api, asks: 2);
        await flooding;

        // The flooder got its allowance (3 a minute) and then 429 with a Retry-After, nothing else.
        Assert.Equal(Flood, statuses.Count);
        Assert.Equal(3, statuses.Count(s => s == HttpStatusCode.Created));
        Assert.Equal(Flood - 3, statuses.Count(s => s == HttpStatusCode.TooManyRequests));
        Assert.All(retryAfter, seconds => Assert.InRange(seconds, 1, 60));
        var stored = await app.Db(db => Task.FromResult(db.Questions.Count(q => q.Text.StartsWith("刷屏问题"))));
        Assert.Equal(3, stored);

        // The other viewer's requests all succeeded (reading, and asking within its own allowance).
        Assert.Equal(NormalRequests, unloaded.Count);
        Assert.Equal(NormalRequests, loaded.Count);
        output.WriteLine($"other viewer unloaded: p50 {Percentile(unloaded, 50):F1} ms, p99 {Percentile(unloaded, 99):F1} ms");
        output.WriteLine($"other viewer during the flood: p50 {Percentile(loaded, 50):F1} ms, p99 {Percentile(loaded, 99):F1} ms");
    }

    /// <summary>A viewer following the sitting: reads the snapshot, the approved list and its own questions, and asks.</summary>
    private static async Task<List<double>> NormalViewer(HttpClient viewer, string api, int asks)
    {
        var times = new List<double>();
        for (var i = 0; i < NormalRequests; i++)
        {
            var watch = Stopwatch.StartNew();
            using var response = i < asks
                ? await viewer.PostAsJsonAsync($"{api}/questions", new { id = Guid.NewGuid(), text = $"正常观众的问题 {i}" })
                : await viewer.GetAsync((i % 3) switch { 0 => $"{api}/snapshot", 1 => $"{api}/questions/approved", _ => $"{api}/my-questions" });
            watch.Stop();
            Assert.True(response.IsSuccessStatusCode, $"the normal viewer's request {i} got {(int)response.StatusCode}");
            times.Add(watch.Elapsed.TotalMilliseconds);
        }
        times.Sort();
        return times;
    }

    private static double Percentile(List<double> sorted, double p) => sorted[Math.Clamp((int)Math.Ceiling(p / 100 * sorted.Count) - 1, 0, sorted.Count - 1)];
}
