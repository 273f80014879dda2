using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;

namespace InquiryLive.LoadTool;

public sealed record QuestionLoadSettings(Uri BaseAddress, Guid SessionId, int PerSecond, TimeSpan Duration, int MaxInFlight = 2000, int Viewers = 200, TimeSpan? WarmUp = null);

public sealed record QuestionResult(int Sent, int Acknowledged, int Refused, int Failed, double P50Ms, double P99Ms, double MaxMs, List<Guid> AcknowledgedIds,
    double WarmUpP50Ms = double.NaN, double WarmUpP99Ms = double.NaN, double WarmUpMaxMs = double.NaN);

/// <summary>
/// Open-loop question intake: every 10 ms it starts PerSecond/100 submissions (each with a fresh
/// client id) without waiting for earlier ones, up to MaxInFlight at once, for Duration. It records
/// each acknowledgement's latency and the ids acknowledged, so the caller can compare with what
/// the database stored.
/// </summary>
public static class QuestionLoad
{
    public static async Task<QuestionResult> RunAsync(QuestionLoadSettings s, TextWriter log)
    {
        // Many viewers (each its own cookie), as in a real sitting; each first fetches its viewer cookie.
        var viewers = new HttpClient[Math.Max(1, s.Viewers)];
        for (var i = 0; i < viewers.Length; i++)
        {
            var handler = new SocketsHttpHandler { MaxConnectionsPerServer = 16, UseCookies = true, CookieContainer = new CookieContainer() };
            viewers[i] = new HttpClient(handler, disposeHandler: true) { BaseAddress = s.BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
            await viewers[i].GetAsync("api/auth/me");
        }

        var latencies = new ConcurrentBag<double>();
        var warmUpLatencies = new ConcurrentBag<double>();
        var acknowledged = new ConcurrentBag<Guid>();
        int sent = 0, refused = 0, failed = 0;
        using var inFlight = new SemaphoreSlim(s.MaxInFlight);
        var tasks = new List<Task>();
        var clock = Stopwatch.StartNew();
        var ticks = (int)(s.Duration.TotalMilliseconds / 10);
        long started = 0;
        for (var tick = 0; tick < ticks; tick++)
        {
            // Due so far at this tick, so rates below 100/s (a soak's trickle) are kept too.
            var due = (long)(tick + 1) * s.PerSecond / 100;
            for (; started < due; started++)
            {
                if (!inFlight.Wait(0)) { Interlocked.Increment(ref failed); continue; }
                var id = Guid.NewGuid();
                var number = Interlocked.Increment(ref sent);
                // Latencies of the warm-up seconds (JIT, connection set-up) are not recorded; their ids are.
                var measured = clock.Elapsed >= (s.WarmUp ?? TimeSpan.Zero);
                tasks.Add(Task.Run(async () =>
                {
                    var watch = Stopwatch.StartNew();
                    try
                    {
                        var http = viewers[number % viewers.Length];
                        using var response = await http.PostAsJsonAsync($"api/sessions/{s.SessionId}/questions",
                            new { id, text = $"关于小区物业服务的第{number}个问题：维修资金何时能到位？" });
                        if (response.StatusCode is HttpStatusCode.Created or HttpStatusCode.OK)
                        {
                            (measured ? latencies : warmUpLatencies).Add(watch.Elapsed.TotalMilliseconds);
                            acknowledged.Add(id);
                        }
                        else Interlocked.Increment(ref refused);
                    }
                    catch (Exception) { Interlocked.Increment(ref failed); }
                    finally { inFlight.Release(); }
                }));
            }
            var next = TimeSpan.FromMilliseconds((tick + 1) * 10) - clock.Elapsed;
            if (next > TimeSpan.Zero) await Task.Delay(next);
        }
        await Task.WhenAll(tasks);
        foreach (var client in viewers) client.Dispose();
        var sorted = latencies.Order().ToList();
        var warm = warmUpLatencies.Order().ToList();
        await log.WriteLineAsync($"sent {sent} in {clock.Elapsed.TotalSeconds:0.0} s");
        return new QuestionResult(sent, acknowledged.Count, refused, failed,
            LatencyRecorder.Percentile(sorted, 50), LatencyRecorder.Percentile(sorted, 99), sorted.Count == 0 ? double.NaN : sorted[^1],
            [.. acknowledged],
            LatencyRecorder.Percentile(warm, 50), LatencyRecorder.Percentile(warm, 99), warm.Count == 0 ? double.NaN : warm[^1]);
    }
}
