using System.Text.Json;
using InquiryLive.LoadTool;

// Usage (see bench/README.md):
//   viewers  --hub ws://127.0.0.1:5080/hubs/live --session <id> --clients 2000 [--sources 8] [--protocol signalr|socketio]
//            [--source-offset 0] [--hold 30] [--stop-file f] [--likes-per-sec 0] [--ready-file f] [--out r.json]
//            [--stalled 0]
//            (--stop-file: the hold ends early when that file appears; --hold is then the upper bound;
//             --stalled N: the first N viewers join and then stop reading, see ViewerLoad)
//   report   [--warm-up N] [--json f] r1.json r2.json ...   merges viewer results into one latency table; the
//            first N events are left out of it and summed up on a line of their own (cold code paths);
//            --json also writes the figures to f (what the scenario scripts read)
//   vote     --base http://127.0.0.1:5080/ --password <demo password> [--members 70] [--raters 19000]
//   sheet    --base http://127.0.0.1:5080/ --password <demo password> [--members 70] [--items 6] [--window-seconds 3]
//   questions --base http://127.0.0.1:5080/ --session <id> --rate 1000 --duration 60 [--out acked.txt]
//   flood    --base http://127.0.0.1:5080/ --session <id> [--flood 1000] [--parallel 16] [--normal 100] [--rounds 10]
var command = args.FirstOrDefault() ?? "help";
var options = Options.Parse(args.Skip(1).ToArray());
return command switch
{
    "viewers" => await ViewersAsync(options),
    "report" => Report(args.Skip(1).ToArray()),
    "questions" => await QuestionsAsync(options),
    "flood" => await FloodAsync(options),
    "vote" => await VoteLoad.RunAsync(new VoteLoadSettings(new Uri(options.Get("base", "http://127.0.0.1:5080/")), options.Get("password"),
        options.Int("members", 70), options.Int("raters", 19000), TimeSpan.FromSeconds(options.Int("vote-seconds", 3)),
        TimeSpan.FromSeconds(options.Int("rating-seconds", 10))), Console.Out),
    "sheet" => await SheetLoad.RunAsync(new SheetLoadSettings(new Uri(options.Get("base", "http://127.0.0.1:5080/")), options.Get("password"),
        options.Int("members", 70), options.Int("items", 6), TimeSpan.FromSeconds(options.Int("window-seconds", 3))), Console.Out),
    _ => Help(),
};

static int Help()
{
    Console.WriteLine("InquiryLive load tool: 'viewers' opens viewer connections and records fan-out latency; 'report' merges results.");
    return 2;
}

static async Task<int> ViewersAsync(Options o)
{
    var settings = new ViewerLoadSettings(
        new Uri(o.Get("hub", "ws://127.0.0.1:5080/hubs/live")), Guid.Parse(o.Get("session")), o.Int("clients", 100),
        o.Int("sources", 1), o.Int("source-offset", 0), TimeSpan.FromSeconds(o.Int("hold", 10)), o.Int("likes-per-sec", 0),
        o.Has("ready-file") ? o.Get("ready-file") : null,
        Protocol: o.Get("protocol", "signalr") == "socketio" ? WireProtocol.SocketIo : WireProtocol.SignalR,
        StopFile: o.Has("stop-file") ? o.Get("stop-file") : null, Stalled: o.Int("stalled", 0));
    var result = await ViewerLoad.RunAsync(settings, Console.Error);
    if (o.Has("out")) await File.WriteAllTextAsync(o.Get("out"), JsonSerializer.Serialize(result));
    Console.WriteLine(Summary.Table([result]));
    return 0;
}

static async Task<int> QuestionsAsync(Options o)
{
    var result = await QuestionLoad.RunAsync(new QuestionLoadSettings(
        new Uri(o.Get("base", "http://127.0.0.1:5080/")), Guid.Parse(o.Get("session")), o.Int("rate", 100),
        TimeSpan.FromSeconds(o.Int("duration", 10)), WarmUp: TimeSpan.FromSeconds(o.Int("warmup", 0))), Console.Error);
    if (o.Has("out")) await File.WriteAllLinesAsync(o.Get("out"), result.AcknowledgedIds.Select(id => id.ToString()));
    Console.WriteLine("| sent | acknowledged | refused | failed | ack p50 ms | ack p99 ms | ack max ms | warm-up (cold start) p50 / p99 / max ms |");
    Console.WriteLine("|---|---|---|---|---|---|---|---|");
    Console.WriteLine(FormattableString.Invariant(
        $"| {result.Sent} | {result.Acknowledged} | {result.Refused} | {result.Failed} | {result.P50Ms:0.0} | {result.P99Ms:0.0} | {result.MaxMs:0.0} | {result.WarmUpP50Ms:0.0} / {result.WarmUpP99Ms:0.0} / {result.WarmUpMaxMs:0.0} |"));
    return 0;
}

static async Task<int> FloodAsync(Options o)
{
    var r = await FloodLoad.RunAsync(new FloodSettings(new Uri(o.Get("base", "http://127.0.0.1:5080/")), Guid.Parse(o.Get("session")),
        o.Int("flood", 1000), o.Int("parallel", 16), o.Int("normal", 100), o.Int("rounds", 10)), Console.Error);
    Console.WriteLine("| flood requests (all rounds) | created | 429 | other | normal viewer alone p50 / p99 ms | during the flood p50 / p99 ms | p99 ratio | normal viewer failures |");
    Console.WriteLine("|---|---|---|---|---|---|---|---|");
    Console.WriteLine(FormattableString.Invariant(
        $"| {r.Flood} | {r.Created} | {r.Throttled} | {r.Other} | {r.UnloadedP50:0.0} / {r.UnloadedP99:0.0} | {r.LoadedP50:0.0} / {r.LoadedP99:0.0} | {r.LoadedP99 / r.UnloadedP99:0.00} | {r.NormalFailures} |"));
    return r.NormalFailures == 0 ? 0 : 1;
}

static int Report(string[] args)
{
    // report [--warm-up N] [--json F] r1.json r2.json ...: flags first, then the result files.
    var warmUp = 0;
    string? json = null;
    var i = 0;
    for (; i + 1 < args.Length && args[i].StartsWith("--", StringComparison.Ordinal); i += 2)
    {
        switch (args[i])
        {
            case "--warm-up": warmUp = int.Parse(args[i + 1], System.Globalization.CultureInfo.InvariantCulture); break;
            case "--json": json = args[i + 1]; break;
            default: Console.Error.WriteLine($"report: unknown option {args[i]}"); return 2;
        }
    }
    var results = args[i..].Select(f => JsonSerializer.Deserialize<ViewerResult>(File.ReadAllText(f))!).ToList();
    var figures = Summary.Figures(results, warmUp);
    if (json is not null) File.WriteAllText(json, Summary.Json(figures));
    Console.WriteLine(Summary.Table(figures));
    return 0;
}

/// <summary>
/// What one fan-out run measured, merged over its load processes: the figures of every table the
/// scenario scripts print (<c>report --json</c> writes this for them). Latencies in ms; NaN = none.
/// </summary>
public sealed record FanOutFigures(
    int Connections, int Events, long Delivered, long Expected, double P50Ms, double P99Ms, double P999Ms, double MaxMs,
    double LastClientMedianMs, long Dropped, int Stalled,
    int WarmUpEvents, long WarmUpDelivered, double WarmUpP50Ms, double WarmUpP99Ms, double WarmUpMaxMs);

public static class Summary
{
    /// <summary>
    /// The figures over every event the viewers recorded, except the first
    /// <paramref name="warmUpEvents"/> (by seq): those ran cold code paths (tier-0 JIT) and are
    /// summed up apart.
    /// </summary>
    public static FanOutFigures Figures(IReadOnlyList<ViewerResult> results, int warmUpEvents = 0)
    {
        var seqs = results.SelectMany(r => r.LatenciesBySeq.Keys).Distinct().OrderBy(s => s).ToList();
        var warm = seqs.Take(warmUpEvents).ToList();
        var measured = seqs.Skip(warmUpEvents).ToList();
        var (all, perEventLast) = Latencies(results, measured);
        var (cold, _) = Latencies(results, warm);
        // Stalled viewers never read, so they are neither counted nor expected to receive anything.
        var stalled = results.Sum(r => r.Stalled);
        var connected = results.Sum(r => r.Connected) - stalled;
        return new FanOutFigures(
            connected, measured.Count, all.Count, (long)connected * measured.Count,
            LatencyRecorder.Percentile(all, 50), LatencyRecorder.Percentile(all, 99), LatencyRecorder.Percentile(all, 99.9),
            all.Count == 0 ? double.NaN : all[^1], Median(perEventLast), results.Sum(r => r.Dropped), stalled,
            warm.Count, cold.Count, LatencyRecorder.Percentile(cold, 50), LatencyRecorder.Percentile(cold, 99),
            cold.Count == 0 ? double.NaN : cold[^1]);
    }

    /// <summary>The figures as JSON; one with no deliveries behind it is NaN, written as the string "NaN" (Python's float() reads it).</summary>
    public static string Json(FanOutFigures figures) => JsonSerializer.Serialize(figures,
        new JsonSerializerOptions { NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.AllowNamedFloatingPointLiterals });

    /// <summary>The figures as one markdown table, the stalled viewers and the warm-up on lines of their own below it.</summary>
    public static string Table(IReadOnlyList<ViewerResult> results, int warmUpEvents = 0) => Table(Figures(results, warmUpEvents));

    public static string Table(FanOutFigures f)
    {
        var table = string.Join(Environment.NewLine,
            $"| connections | events | deliveries (expected) | p50 ms | p99 ms | p99.9 ms | max ms | time-to-last-client ms (median over events) | dropped |",
            $"|---|---|---|---|---|---|---|---|---|",
            $"| {f.Connections} | {f.Events} | {f.Delivered} ({f.Expected}) | {F(f.P50Ms)} | {F(f.P99Ms)} | {F(f.P999Ms)} | {F(f.MaxMs)} | {F(f.LastClientMedianMs)} | {f.Dropped} |");
        if (f.Stalled > 0) table += Environment.NewLine + Environment.NewLine + $"stalled viewers (joined, then stopped reading; not in the table): {f.Stalled}";
        if (f.WarmUpEvents == 0) return table;
        return table + Environment.NewLine + Environment.NewLine +
            $"warm-up, left out above: {f.WarmUpEvents} events, {f.WarmUpDelivered} deliveries, p50 {F(f.WarmUpP50Ms)} ms, " +
            $"p99 {F(f.WarmUpP99Ms)} ms, max {F(f.WarmUpMaxMs)} ms";
    }

    /// <summary>Every delivery latency of the given events (sorted), and each event's slowest delivery.</summary>
    private static (List<double> All, List<double> PerEventLast) Latencies(IReadOnlyList<ViewerResult> results, List<long> seqs)
    {
        var all = new List<double>();
        var perEventLast = new List<double>();
        foreach (var seq in seqs)
        {
            var ms = results.SelectMany(r => r.LatenciesBySeq.TryGetValue(seq, out var l) ? l : []).ToList();
            all.AddRange(ms);
            if (ms.Count > 0) perEventLast.Add(ms.Max());
        }
        all.Sort();
        return (all, perEventLast);
    }

    private static double Median(List<double> values)
    {
        if (values.Count == 0) return double.NaN;
        var sorted = values.Order().ToList();
        return sorted[sorted.Count / 2];
    }

    private static string F(double v) => double.IsNaN(v) ? "-" : v.ToString("0.0", System.Globalization.CultureInfo.InvariantCulture);
}

internal sealed class Options
{
    private readonly Dictionary<string, string> _values = new(StringComparer.Ordinal);

    public static Options Parse(string[] args)
    {
        var o = new Options();
        for (var i = 0; i < args.Length; i++)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal)) continue;
            var key = args[i][2..];
            o._values[key] = i + 1 < args.Length && !args[i + 1].StartsWith("--", StringComparison.Ordinal) ? args[++i] : "true";
        }
        return o;
    }

    public bool Has(string key) => _values.ContainsKey(key);
    public string Get(string key, string? fallback = null) =>
        _values.TryGetValue(key, out var v) ? v : fallback ?? throw new ArgumentException($"--{key} is required");
    public int Int(string key, int fallback) => _values.TryGetValue(key, out var v) ? int.Parse(v, System.Globalization.CultureInfo.InvariantCulture) : fallback;
}
