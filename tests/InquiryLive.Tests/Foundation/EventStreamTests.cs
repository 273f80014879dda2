using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using InquiryLive.Tests.Infrastructure;
using Microsoft.AspNetCore.SignalR;

namespace InquiryLive.Tests.Foundation;

public sealed class EventStreamTests
{
    [Fact]
    public async Task StateChange_IsNumbered_InTheSnapshot_AndPushedToViewersAndStaff()
    {
        using var app = new InquiryApp();
        var sessionId = await app.DemoSessionId();
        var chair = await app.SignedIn("chair");
        await using var viewer = await app.ConnectHub("/hubs/live");
        await using var console = await app.ConnectHub("/hubs/console", chair);
        var joined = await viewer.Join(sessionId);
        await console.Join(sessionId);

        var response = await chair.PostAsJsonAsync($"/api/sessions/{sessionId}/transitions", new { to = "live" });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);

        var pushed = await viewer.WaitForEvent("session.stateChanged");
        Assert.Equal(joined.Seq + 1, pushed.Seq);
        Assert.Equal("live", pushed.Data.GetProperty("to").GetString());
        await console.WaitForEvent("session.stateChanged");

        var snapshot = await app.Browser().GetFromJsonAsync<JsonElement>($"/api/sessions/{sessionId}/snapshot");
        Assert.Equal(pushed.Seq, snapshot.GetProperty("seq").GetInt64());
        Assert.Equal("live", snapshot.GetProperty("session").GetProperty("state").GetString());
    }

    [Fact]
    public async Task ReconnectingClient_ReadsWhatItMissed_WithNoGapAndNoDuplicate()
    {
        using var app = new InquiryApp();
        var sessionId = await app.DemoSessionId();
        var chair = await app.SignedIn("chair");
        var before = await app.Browser().GetFromJsonAsync<JsonElement>($"/api/sessions/{sessionId}/snapshot");
        var seenSeq = before.GetProperty("seq").GetInt64();

        // While the client is away: live, paused, live again, paused.
        foreach (var to in new[] { "live", "paused", "live", "paused" })
        {
            (await chair.PostAsJsonAsync($"/api/sessions/{sessionId}/transitions", new { to })).EnsureSuccessStatusCode();
        }

        var page = await app.Browser().GetFromJsonAsync<JsonElement>($"/api/sessions/{sessionId}/events?after={seenSeq}");
        var seqs = page.GetProperty("events").EnumerateArray().Select(e => e.GetProperty("seq").GetInt64()).ToArray();
        Assert.Equal(Enumerable.Range(1, 4).Select(i => seenSeq + i).ToArray(), seqs);
        Assert.Equal(seqs[^1], page.GetProperty("seq").GetInt64());
        Assert.False(page.GetProperty("more").GetBoolean());

        var none = await app.Browser().GetFromJsonAsync<JsonElement>($"/api/sessions/{sessionId}/events?after={seqs[^1]}");
        Assert.Empty(none.GetProperty("events").EnumerateArray());
    }

    [Fact]
    public async Task ConcurrentCommands_GetGapFreeUniqueSequenceNumbers()
    {
        using var app = new InquiryApp();
        var sessionId = await app.DemoSessionId();
        var chair = await app.SignedIn("chair");
        (await chair.PostAsJsonAsync($"/api/sessions/{sessionId}/transitions", new { to = "live" })).EnsureSuccessStatusCode();

        // Twenty racing pause/resume commands: some are refused (illegal from the state they find), none is half-done.
        var tasks = Enumerable.Range(0, 20).Select(i =>
            chair.PostAsJsonAsync($"/api/sessions/{sessionId}/transitions", new { to = i % 2 == 0 ? "paused" : "live" }));
        var responses = await Task.WhenAll(tasks);
        var accepted = responses.Count(r => r.StatusCode == HttpStatusCode.OK);
        Assert.All(responses, r => Assert.Contains(r.StatusCode, new[] { HttpStatusCode.OK, HttpStatusCode.Conflict }));

        var page = await app.Browser().GetFromJsonAsync<JsonElement>($"/api/sessions/{sessionId}/events?after=0");
        var seqs = page.GetProperty("events").EnumerateArray().Select(e => e.GetProperty("seq").GetInt64()).ToArray();
        Assert.Equal(Enumerable.Range(1, accepted + 1).Select(i => (long)i).ToArray(), seqs);
    }

    [Fact]
    public async Task ConsoleHub_RefusesAnonymousConnections_With401()
    {
        using var app = new InquiryApp();
        var negotiate = await app.Browser().PostAsync("/hubs/console/negotiate?negotiateVersion=1", null);
        Assert.Equal(HttpStatusCode.Unauthorized, negotiate.StatusCode);
        await Assert.ThrowsAnyAsync<Exception>(() => app.ConnectHub("/hubs/console"));
    }

    [Fact]
    public async Task ConsoleHub_RefusesMembers_ButAcceptsStaff()
    {
        using var app = new InquiryApp();
        var member = await app.SignedIn("member03");
        await Assert.ThrowsAnyAsync<Exception>(() => app.ConnectHub("/hubs/console", member));
        await using var moderator = await app.ConnectHub("/hubs/console", await app.SignedIn("moderator2"));
        var joined = await moderator.Join(await app.DemoSessionId());
        Assert.Equal(0, joined.StaffSeq);
    }

    [Fact]
    public async Task JoiningAnUnknownSession_IsRefusedByTheHub()
    {
        using var app = new InquiryApp();
        await using var viewer = await app.ConnectHub("/hubs/live");
        var error = await Assert.ThrowsAsync<HubException>(() => viewer.Join(Guid.NewGuid()));
        Assert.Contains("session.notFound", error.Message);
    }
}
