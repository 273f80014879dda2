using System.Net;
using System.Net.Http.Json;
using InquiryLive.Tests.Infrastructure;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace InquiryLive.Tests.Likes;

public sealed class LikesTests
{
    [Fact]
    public async Task Likes_FromManyConnections_ArePersistedExactly_AndBroadcastAsAggregateTotals()
    {
        using var app = new InquiryApp();
        var sessionId = await app.DemoSessionId();
        await using var a = await app.ConnectHub("/hubs/live");
        await using var b = await app.ConnectHub("/hubs/live");
        await a.Join(sessionId);
        await b.Join(sessionId);

        for (var i = 0; i < 4; i++) await a.Connection.InvokeAsync("Like", sessionId, 5);
        for (var i = 0; i < 3; i++) await b.Connection.InvokeAsync("Like", sessionId, 7);

        var total = await a.WaitForCounters(c => c.Likes == 41);
        Assert.Equal(sessionId, total.SessionId);
        await b.WaitForCounters(c => c.Likes == 41);
        // Counters go out after they are stored: the database already holds the exact total.
        Assert.Equal(41, await app.Db(db => db.Sessions.Select(s => s.LikeCount).SingleAsync()));
        // Totals only, never one event per tap.
        Assert.DoesNotContain(a.Events, e => e.Type.Contains("like", StringComparison.OrdinalIgnoreCase));
        // A counters update may also carry a change in the viewer count before any like is counted,
        // so a total of 0 is fine; what must hold is that the total only ever grows towards 41.
        var totals = a.Counters.Select(c => c.Likes).ToList();
        Assert.All(totals, likes => Assert.InRange(likes, 0, 41));
        Assert.Equal(totals.Order(), totals);
    }

    [Fact]
    public async Task Like_TapsAreClampedPerCall_AndTapsOverTheConnectionAllowanceAreDroppedSilently()
    {
        // Frozen a little after the start of a second, so the calls below fall in one window.
        var now = DateTimeOffset.UtcNow;
        var time = new FrozenTime(now.AddTicks(-(now.Ticks % TimeSpan.TicksPerSecond)).AddMilliseconds(100));
        using var app = new InquiryApp(new() { ["RateLimits:LikesPerSecond"] = "60" }, s => s.AddSingleton<TimeProvider>(time));
        var sessionId = await app.DemoSessionId();
        await using var viewer = await app.ConnectHub("/hubs/live");
        await viewer.Join(sessionId);

        await viewer.Connection.InvokeAsync("Like", sessionId, 1000);  // counts 50
        await viewer.Connection.InvokeAsync("Like", sessionId, 50);    // 10 left this second
        await viewer.Connection.InvokeAsync("Like", sessionId, 5);     // none left: dropped, no error
        time.Now = time.Now.AddSeconds(1);
        await viewer.Connection.InvokeAsync("Like", sessionId, 3);     // a new second

        await viewer.WaitForCounters(c => c.Likes == 63);
        Assert.Equal(63, await app.Db(db => db.Sessions.Select(s => s.LikeCount).SingleAsync()));
    }

    [Fact]
    public async Task Like_OverHttp_IsCounted_ForClientsWithoutWebSockets()
    {
        using var app = new InquiryApp();
        var sessionId = await app.DemoSessionId();
        await using var watcher = await app.ConnectHub("/hubs/live");
        await watcher.Join(sessionId);
        var viewer = app.Browser();

        var response = await viewer.PostAsJsonAsync($"/api/sessions/{sessionId}/likes", new { taps = 4 });

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        await watcher.WaitForCounters(c => c.Likes == 4);
        Assert.Equal(HttpStatusCode.NotFound, (await viewer.PostAsJsonAsync($"/api/sessions/{Guid.NewGuid()}/likes", new { taps = 4 })).StatusCode);
    }

    [Fact]
    public async Task Like_OverHttp_BeyondTheViewerLimit_IsDroppedSilently()
    {
        using var app = new InquiryApp(new() { ["RateLimits:LikesPerSecond"] = "10" });
        var sessionId = await app.DemoSessionId();
        var viewer = app.Browser();
        var accepted = 0;
        for (var i = 0; i < 5; i++)
        {
            var response = await viewer.PostAsJsonAsync($"/api/sessions/{sessionId}/likes", new { taps = 10 });
            Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
            accepted += (await response.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("accepted").GetInt32();
        }
        // Five calls of ten taps against ten a second: at most one call per one-second window counts.
        Assert.InRange(accepted, 10, 40);
    }

    private sealed class FrozenTime(DateTimeOffset now) : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = now;
        public override DateTimeOffset GetUtcNow() => Now;
    }
}
