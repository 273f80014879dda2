using System.Net.Http.Json;
using InquiryLive.Live;
using InquiryLive.Tests.Infrastructure;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace InquiryLive.Tests.Live;

/// <summary>
/// The viewers' hub hands a push to its audience a batch at a time (Live/PacedGroupLifetimeManager.cs).
/// With a batch of three and ten viewers every push is written in four batches, each after a trip
/// through the thread pool: every viewer must still get every event once, in seq order.
/// </summary>
public sealed class PacedBroadcastTests
{
    private const int Viewers = 10;
    private const int Events = 8;

    [Fact]
    public async Task EveryViewer_GetsEveryEvent_OnceAndInOrder_WhenPushesGoOutInBatches()
    {
        using var app = new InquiryApp(new() { ["Live:BroadcastBatchSize"] = "3" });
        var sessionId = await app.DemoSessionId();
        var chair = await app.SignedIn("chair");
        var viewers = new List<HubClient>();
        for (var i = 0; i < Viewers; i++) viewers.Add(await app.ConnectHub("/hubs/live"));
        var joinedAt = (await Task.WhenAll(viewers.Select(v => v.Join(sessionId)))).Max(j => j.Seq);

        for (var i = 0; i < Events; i++)
        {
            var to = i % 2 == 0 ? "live" : "paused";
            (await chair.PostAsJsonAsync($"/api/sessions/{sessionId}/transitions", new { to })).EnsureSuccessStatusCode();
        }
        var last = joinedAt + Events;
        foreach (var v in viewers) await v.WaitForEvent("session.stateChanged", _ => v.Events.Any(e => e.Seq == last), timeoutMs: 10_000);

        foreach (var v in viewers)
        {
            var seqs = v.Events.Where(e => e.Seq > joinedAt).Select(e => e.Seq).ToList();
            Assert.Equal(Enumerable.Range(1, Events).Select(i => joinedAt + i), seqs);
        }
        foreach (var v in viewers) await v.DisposeAsync();
    }

    [Fact]
    public async Task AViewerWhoLeftOrDisconnected_GetsNoMorePushes_AndTheOthersStillDo()
    {
        using var app = new InquiryApp(new() { ["Live:BroadcastBatchSize"] = "2" });
        var sessionId = await app.DemoSessionId();
        var chair = await app.SignedIn("chair");
        var audience = app.Services.GetRequiredService<PacedGroupLifetimeManager<LiveHub>>();
        var group = LiveGroups.Session(sessionId);
        var staying = await app.ConnectHub("/hubs/live");
        var leaving = await app.ConnectHub("/hubs/live");
        var closing = await app.ConnectHub("/hubs/live");
        foreach (var v in new[] { staying, leaving, closing }) await v.Join(sessionId);
        Assert.Equal(3, audience.CountMembers(group));

        await leaving.Connection.InvokeAsync("LeaveSession", sessionId);
        await closing.DisposeAsync();
        await WaitUntil(() => audience.CountMembers(group) == 1);

        (await chair.PostAsJsonAsync($"/api/sessions/{sessionId}/transitions", new { to = "live" })).EnsureSuccessStatusCode();
        var pushed = await staying.WaitForEvent("session.stateChanged");
        // The leaver's connection is still open and would have had it by now.
        await Task.Delay(300);
        Assert.DoesNotContain(leaving.Events, e => e.Seq == pushed.Seq);
        await staying.DisposeAsync();
        await leaving.DisposeAsync();
    }

    [Fact]
    public async Task ThroughTheHubContext_APushReachesTheWholeGroup_AndAnUnknownGroupIsNoError()
    {
        using var app = new InquiryApp(new() { ["Live:BroadcastBatchSize"] = "1" });
        var sessionId = await app.DemoSessionId();
        var viewers = new[] { await app.ConnectHub("/hubs/live"), await app.ConnectHub("/hubs/live"), await app.ConnectHub("/hubs/live") };
        foreach (var v in viewers) await v.Join(sessionId);
        var hub = app.Services.GetRequiredService<IHubContext<LiveHub>>();
        var counters = new LiveCounters(sessionId, Likes: 4242, Viewers: 3, ViewerVisits: 42);

        await hub.Clients.Group(LiveGroups.Session(sessionId)).SendAsync(nameof(ILiveClient.CountersChanged), counters);
        await hub.Clients.Group("no such group").SendAsync(nameof(ILiveClient.CountersChanged), counters);

        foreach (var v in viewers) await v.WaitForCounters(c => c.Likes == 4242);
        foreach (var v in viewers) await v.DisposeAsync();
    }

    [Theory]
    [InlineData("BroadcastBatchSize", "-1")]
    [InlineData("HubSendBufferBytes", "-1")]
    [InlineData("HubSendBufferBytes", "999999999")]
    public void AnOutOfRangeLiveSetting_StopsTheAppAtStart(string setting, string value)
    {
        using var app = new InquiryApp(new() { ["Live:" + setting] = value });
        var error = Assert.ThrowsAny<Exception>(() => app.CreateClient());
        Assert.Contains(setting, error.AllMessages());
    }

    private static async Task WaitUntil(Func<bool> condition)
    {
        for (var i = 0; i < 100 && !condition(); i++) await Task.Delay(50);
        Assert.True(condition());
    }
}
