using System.Net.Http.Json;
using System.Text.Json;
using InquiryLive.Tests.Infrastructure;

namespace InquiryLive.Tests.Chair;

public sealed class ClockPauseWithSittingTests
{
    [Fact]
    public async Task PausingTheSitting_PausesARunningClock_AndTellsEveryone()
    {
        using var app = new InquiryApp();
        var sessionId = await app.DemoSessionId();
        var chair = await app.SignedIn("chair");
        var url = $"/api/sessions/{sessionId}";
        (await chair.PostAsJsonAsync($"{url}/transitions", new { to = "live" })).EnsureSuccessStatusCode();
        (await chair.PostAsJsonAsync($"{url}/floor/clock/start", new { phase = "answer" })).EnsureSuccessStatusCode();
        await using var viewer = await app.ConnectHub("/hubs/live");
        await viewer.Join(sessionId);

        (await chair.PostAsJsonAsync($"{url}/transitions", new { to = "paused" })).EnsureSuccessStatusCode();

        // The viewer joined after the clock started: on several nodes that start may still reach it
        // (events are relayed from the log after commit), so wait for the pause itself, after it.
        var pushed = await viewer.WaitForEvent("clock.changed", d => !d.GetProperty("clock").GetProperty("running").GetBoolean());
        Assert.Equal("answer", pushed.Data.GetProperty("clock").GetProperty("phase").GetString());
        Assert.DoesNotContain(viewer.Events, e => e.Type == "clock.changed" && e.Seq > pushed.Seq);
        var snapshot = await app.Browser().GetFromJsonAsync<JsonElement>($"{url}/snapshot");
        var clock = snapshot.GetProperty("session").GetProperty("clock");
        Assert.False(clock.GetProperty("running").GetBoolean());
        Assert.Equal("answer", clock.GetProperty("phase").GetString());
    }
}
