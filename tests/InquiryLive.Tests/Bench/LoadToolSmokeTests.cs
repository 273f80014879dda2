using System.Net.Http.Json;
using InquiryLive.LoadTool;
using InquiryLive.Tests.Infrastructure;

namespace InquiryLive.Tests.Bench;

/// <summary>The load tool, small: 100 viewers for a few seconds, so it cannot rot between benchmark runs.</summary>
public sealed class LoadToolSmokeTests
{
    [Fact]
    public async Task HundredViewers_ReceiveEveryEvent_WithNoDrop()
    {
        using var app = new InquiryApp();
        var baseUrl = app.StartOnKestrel();
        var sessionId = await app.DemoSessionId();
        var chair = await app.SignedIn("chair");
        (await chair.PostAsJsonAsync($"/api/sessions/{sessionId}/transitions", new { to = "live" })).EnsureSuccessStatusCode();
        // On several nodes that transition is relayed from the log and may still reach viewers that
        // connect after it: only the events after it are the ones this test sends.
        var before = (await chair.GetFromJsonAsync<System.Text.Json.JsonElement>($"/api/sessions/{sessionId}/snapshot")).GetProperty("seq").GetInt64();

        const int events = 6;
        var result = await ViewerLoad.RunAsync(new ViewerLoadSettings(
            new Uri(baseUrl.Replace("http", "ws", StringComparison.Ordinal) + "/hubs/live"), sessionId, Clients: 100,
            Hold: TimeSpan.FromSeconds(5),
            WhenReady: async () =>
            {
                for (var i = 0; i < events; i++)
                {
                    var to = i % 2 == 0 ? "paused" : "live";
                    (await chair.PostAsJsonAsync($"/api/sessions/{sessionId}/transitions", new { to })).EnsureSuccessStatusCode();
                }
            }), TextWriter.Null);

        Assert.Equal(100, result.Connected);
        Assert.Equal(0, result.Dropped);
        var sent = result with { LatenciesBySeq = result.LatenciesBySeq.Where(e => e.Key > before).ToDictionary() };
        Assert.Equal(events, sent.LatenciesBySeq.Count);
        Assert.All(sent.LatenciesBySeq.Values, deliveries => Assert.Equal(100, deliveries.Length));
        Assert.Contains("| 100 | 6 | 600 (600) |", Summary.Table([sent]));
    }

    [Fact]
    public async Task AStopFile_EndsTheHold_LongBeforeTheHoldTime()
    {
        using var app = new InquiryApp();
        var baseUrl = app.StartOnKestrel();
        var sessionId = await app.DemoSessionId();
        var stopFile = Path.Combine(Path.GetTempPath(), "inquirylive-tests", Guid.NewGuid().ToString("N") + ".stop");
        Directory.CreateDirectory(Path.GetDirectoryName(stopFile)!);

        ViewerResult result;
        try
        {
            result = await ViewerLoad.RunAsync(new ViewerLoadSettings(
                new Uri(baseUrl.Replace("http", "ws", StringComparison.Ordinal) + "/hubs/live"), sessionId, Clients: 10,
                Hold: TimeSpan.FromSeconds(90), StopFile: stopFile,
                WhenReady: () => File.WriteAllTextAsync(stopFile, "")), TextWriter.Null);
        }
        finally
        {
            File.Delete(stopFile);
        }

        Assert.Equal(10, result.Connected);
        Assert.InRange(result.HeldSeconds, 0, 30);
    }

    [Fact]
    public void Report_LeavesTheWarmUpEventsOutOfTheTable_AndSumsThemUpApart()
    {
        var result = new ViewerResult(Clients: 2, Connected: 2, Failed: 0, Dropped: 0, LikesSent: 0, new Dictionary<long, double[]>
        {
            [7] = [500, 900],   // the first event: cold code
            [8] = [10, 20],
            [9] = [30, 40],
        });

        var table = Summary.Table([result], warmUpEvents: 1);

        Assert.Contains("| 2 | 2 | 4 (4) |", table, StringComparison.Ordinal);
        Assert.Contains("| 40.0 | 40.0 | 0 |", table, StringComparison.Ordinal);   // max 40; the events' last deliveries are 20 and 40
        Assert.Contains("warm-up, left out above: 1 events, 2 deliveries", table, StringComparison.Ordinal);
        Assert.Contains("max 900.0 ms", table, StringComparison.Ordinal);
        Assert.Contains("| 2 | 3 | 6 (6) |", Summary.Table([result]), StringComparison.Ordinal);
    }

    [Fact]
    public void ReportJson_CarriesTheTablesFigures_AndNaNWhereNothingWasDelivered()
    {
        var result = new ViewerResult(Clients: 2, Connected: 2, Failed: 0, Dropped: 0, LikesSent: 0, new Dictionary<long, double[]>
        {
            [7] = [500, 900],
            [8] = [10, 20],
            [9] = [30, 40],
        });

        var figures = System.Text.Json.JsonDocument.Parse(Summary.Json(Summary.Figures([result], warmUpEvents: 1))).RootElement;
        var nothing = System.Text.Json.JsonDocument.Parse(Summary.Json(Summary.Figures([result with { LatenciesBySeq = [] }]))).RootElement;

        Assert.Equal(4, figures.GetProperty("Delivered").GetInt64());
        Assert.Equal(4, figures.GetProperty("Expected").GetInt64());
        Assert.Equal(40, figures.GetProperty("P99Ms").GetDouble());
        Assert.Equal(40, figures.GetProperty("LastClientMedianMs").GetDouble());   // the upper median of the events' last deliveries, 20 and 40
        Assert.Equal(900, figures.GetProperty("WarmUpMaxMs").GetDouble());
        Assert.Equal(0, nothing.GetProperty("Delivered").GetInt64());
        Assert.Equal("NaN", nothing.GetProperty("P99Ms").GetString());
    }
}
