using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using InquiryLive.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace InquiryLive.Tests.Chair;

public sealed class ClockTests
{
    private static readonly DateTimeOffset T0 = new(2026, 5, 20, 1, 30, 0, TimeSpan.Zero);

    private static (InquiryApp App, ManualTime Time) AppWithManualTime()
    {
        var time = new ManualTime(T0);
        return (new InquiryApp(services: s => s.AddSingleton<TimeProvider>(time)), time);
    }

    private static async Task<JsonElement> Post(HttpClient chair, string url, object? body = null)
    {
        var response = await chair.PostAsJsonAsync(url, body ?? new { });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    [Fact]
    public async Task AskThenAnswerClock_UsesTheSessionSettings_AndIsPushedWithServerTime()
    {
        var (app, time) = AppWithManualTime();
        using var _ = app;
        var sessionId = await app.DemoSessionId();
        var chair = await app.SignedIn("chair");
        await app.GoLive(chair, sessionId);
        await using var viewer = await app.ConnectHub("/hubs/live");
        await viewer.Join(sessionId);
        var clockUrl = $"/api/sessions/{sessionId}/floor/clock";

        var ask = await Post(chair, $"{clockUrl}/start", new { phase = "ask" });
        Assert.Equal(120, ask.GetProperty("durationSeconds").GetInt32());
        Assert.True(ask.GetProperty("running").GetBoolean());
        Assert.Equal(T0, ask.GetProperty("startedAt").GetDateTimeOffset());

        time.Advance(TimeSpan.FromSeconds(100));
        var answer = await Post(chair, $"{clockUrl}/start", new { phase = "answer" });
        Assert.Equal("answer", answer.GetProperty("phase").GetString());
        Assert.Equal(300, answer.GetProperty("durationSeconds").GetInt32());
        Assert.Equal(T0.AddSeconds(100), answer.GetProperty("startedAt").GetDateTimeOffset());
        Assert.Equal(0, answer.GetProperty("elapsedMs").GetInt64());

        var pushed = await viewer.WaitForEvent("clock.changed", d => d.GetProperty("clock").GetProperty("phase").GetString() == "answer");
        Assert.Equal(300, pushed.Data.GetProperty("clock").GetProperty("durationSeconds").GetInt32());
    }

    [Fact]
    public async Task Pause_KeepsElapsed_ResumeContinues_StopClears()
    {
        var (app, time) = AppWithManualTime();
        using var _ = app;
        var sessionId = await app.DemoSessionId();
        var chair = await app.SignedIn("chair");
        await app.GoLive(chair, sessionId);
        var clockUrl = $"/api/sessions/{sessionId}/floor/clock";

        await Post(chair, $"{clockUrl}/start", new { phase = "answer", seconds = 90 });
        time.Advance(TimeSpan.FromSeconds(40));
        var paused = await Post(chair, $"{clockUrl}/pause");
        Assert.False(paused.GetProperty("running").GetBoolean());
        Assert.Equal(40_000, paused.GetProperty("elapsedMs").GetInt64());

        time.Advance(TimeSpan.FromMinutes(5));
        var resumed = await Post(chair, $"{clockUrl}/resume");
        Assert.Equal(40_000, resumed.GetProperty("elapsedMs").GetInt64());
        Assert.Equal(time.Now, resumed.GetProperty("startedAt").GetDateTimeOffset());

        // Overtime: the snapshot lets every screen compute 90 - 40 - 70 = -20 s.
        time.Advance(TimeSpan.FromSeconds(70));
        var snapshot = await app.Browser().GetFromJsonAsync<JsonElement>($"/api/sessions/{sessionId}/snapshot");
        var clock = snapshot.GetProperty("session").GetProperty("clock");
        var serverNow = snapshot.GetProperty("serverTime").GetDateTimeOffset();
        var remaining = clock.GetProperty("durationSeconds").GetInt32() * 1000 - clock.GetProperty("elapsedMs").GetInt64()
            - (long)(serverNow - clock.GetProperty("startedAt").GetDateTimeOffset()).TotalMilliseconds;
        Assert.Equal(-20_000, remaining);

        var stopped = await Post(chair, $"{clockUrl}/stop");
        Assert.Equal(JsonValueKind.Null, stopped.GetProperty("phase").ValueKind);
        Assert.False(stopped.GetProperty("running").GetBoolean());
    }

    [Fact]
    public async Task PausingAStoppedClock_Gets409_AndAnUnknownPhase_400()
    {
        using var app = new InquiryApp();
        var sessionId = await app.DemoSessionId();
        var chair = await app.SignedIn("chair");
        await app.GoLive(chair, sessionId);
        var clockUrl = $"/api/sessions/{sessionId}/floor/clock";

        Assert.Equal(HttpStatusCode.Conflict, (await chair.PostAsJsonAsync($"{clockUrl}/pause", new { })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await chair.PostAsJsonAsync($"{clockUrl}/start", new { phase = "speech" })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await chair.PostAsJsonAsync($"{clockUrl}/start", new { phase = "ask", seconds = 0 })).StatusCode);
    }

    [Fact]
    public async Task StartingAClock_BeforeTheSittingIsLive_Gets409()
    {
        using var app = new InquiryApp();
        var sessionId = await app.DemoSessionId();
        var chair = await app.SignedIn("chair");
        var response = await chair.PostAsJsonAsync($"/api/sessions/{sessionId}/floor/clock/start", new { phase = "ask" });
        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
    }

    [Fact]
    public async Task CallingTheNextQuestion_ResetsARunningClock()
    {
        using var app = new InquiryApp();
        var sessionId = await app.DemoSessionId();
        var chair = await app.SignedIn("chair");
        await app.GoLive(chair, sessionId);
        (await chair.PostAsJsonAsync($"/api/sessions/{sessionId}/floor/call", new { agendaItemId = (await app.AgendaIds(sessionId))[0] })).EnsureSuccessStatusCode();
        await Post(chair, $"/api/sessions/{sessionId}/floor/clock/start", new { phase = "answer" });

        (await chair.PostAsync($"/api/sessions/{sessionId}/floor/answered", null)).EnsureSuccessStatusCode();

        var snapshot = await app.Browser().GetFromJsonAsync<JsonElement>($"/api/sessions/{sessionId}/snapshot");
        Assert.False(snapshot.GetProperty("session").GetProperty("clock").GetProperty("running").GetBoolean());
    }

    [Fact]
    public async Task Moderators_CannotTouchTheClock()
    {
        using var app = new InquiryApp();
        var sessionId = await app.DemoSessionId();
        await app.GoLive(await app.SignedIn("chair"), sessionId);
        var response = await (await app.SignedIn("moderator2")).PostAsJsonAsync($"/api/sessions/{sessionId}/floor/clock/start", new { phase = "ask" });
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }
}
