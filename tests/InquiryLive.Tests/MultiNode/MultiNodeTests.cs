using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using InquiryLive.Live;
using InquiryLive.Tests.Infrastructure;
using InquiryLive.Tests.Questions;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.EntityFrameworkCore;
using Xunit.Abstractions;

namespace InquiryLive.Tests.MultiNode;

/// <summary>
/// Two app nodes on real Kestrel sharing one PostgreSQL database: events, viewer notes, counters
/// and staff cookies cross from one node to the other, and a node going away loses nothing.
/// </summary>
public sealed class MultiNodeTests(ITestOutputHelper output) : IDisposable
{
    private readonly SharedPostgresDatabase? _database = SharedPostgresDatabase.Server is { Length: > 0 } ? new() : null;

    private (InquiryApp Node, string Address) Start(string nodeId)
    {
        var node = _database!.Node(new() { ["Node:Id"] = nodeId });
        return (node, node.StartOnKestrel());
    }

    private static async Task<HubClient> Viewer(string address, Guid sessionId, string? cookie = null)
    {
        var hub = await InquiryApp.ConnectHubOverNetwork(address, "/hubs/live", cookie);
        await hub.Join(sessionId);
        return hub;
    }

    private static async Task Transition(HttpClient chair, Guid sessionId, string to) =>
        (await chair.PostAsJsonAsync($"/api/sessions/{sessionId}/transitions", new { to })).EnsureSuccessStatusCode();

    [PostgresFact]
    public async Task ChairAction_OnNodeA_ReachesAViewerOnNodeB_WellWithinTwoSeconds()
    {
        var (a, _) = Start("node-a");
        using var nodeA = a;
        var chair = await nodeA.SignedIn("chair");
        var (b, addressB) = Start("node-b");
        using var nodeB = b;
        var sessionId = await nodeA.DemoSessionId();
        await using var viewer = await Viewer(addressB, sessionId);

        var timings = new List<double>();
        var states = new[] { "live", "paused" };
        for (var i = 0; i < 20; i++)
        {
            var before = viewer.Events.Count;
            var clock = Stopwatch.StartNew();
            await Transition(chair, sessionId, states[i % 2]);
            var pushed = await viewer.WaitForEvent("session.stateChanged", d => d.GetProperty("to").GetString() == states[i % 2] && viewer.Events.Count > before);
            timings.Add(clock.Elapsed.TotalMilliseconds);
            Assert.Equal(states[i % 2], pushed.Data.GetProperty("to").GetString());
        }

        timings.Sort();
        output.WriteLine($"chair action on A -> viewer on B: p50 {timings[timings.Count / 2]:F1} ms, max {timings[^1]:F1} ms over {timings.Count}");
        Assert.All(timings, ms => Assert.True(ms < 2000, $"took {ms} ms"));
    }

    [PostgresFact]
    public async Task Question_PostedOnNodeB_ReachesAModeratorOnNodeA_AndTheDecisionReachesTheAskerOnNodeB()
    {
        var (a, addressA) = Start("node-a");
        using var nodeA = a;
        var moderator = await nodeA.SignedIn("moderator1");
        await using var console = await InquiryApp.ConnectHubOverNetwork(addressA, "/hubs/console", await InquiryApp.CookieHeader(moderator));
        var (b, addressB) = Start("node-b");
        using var nodeB = b;
        var sessionId = await nodeA.DemoSessionId();
        await console.Join(sessionId);
        var asker = await nodeB.NewViewer();
        await using var askerHub = await Viewer(addressB, sessionId, await InquiryApp.CookieHeader(asker));

        var questionId = await asker.AskOk(sessionId, "老旧小区加装电梯的补贴什么时候到位？");

        var submitted = await console.WaitForEvent("question.submitted", d => d.GetProperty("question").GetProperty("id").GetGuid() == questionId);
        Assert.Equal("staff", submitted.Stream);

        // Approved on node A: the private note is stored with the change and delivered by node B.
        await nodeA.Approve(sessionId, questionId);
        var note = await askerHub.WaitForMyQuestion(c => c.QuestionId == questionId);
        Assert.Equal("approved", note.Status);
        Assert.Single(askerHub.MyQuestionChanges);
    }

    [PostgresFact]
    public async Task Likes_OnBothNodes_SumExactly_InTheCountersEachNodeBroadcasts_WithViewersOfBothNodes()
    {
        var (a, addressA) = Start("node-a");
        using var nodeA = a;
        var (b, addressB) = Start("node-b");
        using var nodeB = b;
        var sessionId = await nodeA.DemoSessionId();
        await using var onA = await Viewer(addressA, sessionId);
        await using var onB = await Viewer(addressB, sessionId);

        for (var i = 0; i < 4; i++) await onA.Connection.InvokeAsync("Like", sessionId, 5);
        for (var i = 0; i < 3; i++) await onB.Connection.InvokeAsync("Like", sessionId, 7);

        var seenOnA = await onA.WaitForCounters(c => c.Likes == 41 && c.Viewers == 2);
        var seenOnB = await onB.WaitForCounters(c => c.Likes == 41 && c.Viewers == 2);
        Assert.Equal(seenOnA.Likes, seenOnB.Likes);
        Assert.All(onA.Counters.Concat(onB.Counters), c => Assert.InRange(c.Likes, 0, 41));
        Assert.Equal(41, await nodeB.Db(db => db.Sessions.Select(s => s.LikeCount).SingleAsync()));
    }

    [PostgresFact]
    public async Task StaffCookie_IssuedByNodeA_IsAcceptedByNodeB()
    {
        var (a, _) = Start("node-a");
        using var nodeA = a;
        var chairOnA = await nodeA.SignedIn("chair");
        var cookie = await InquiryApp.CookieHeader(chairOnA);
        var (b, addressB) = Start("node-b");
        using var nodeB = b;

        using var http = new HttpClient { BaseAddress = new Uri(addressB) };
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/auth/me");
        request.Headers.Add("Cookie", cookie);
        using var response = await http.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var me = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains("chair", me.ToString(), StringComparison.Ordinal);

        // The staff hub on node B lets the chair in (it refuses anyone without a valid staff cookie).
        await using var console = await InquiryApp.ConnectHubOverNetwork(addressB, "/hubs/console", cookie);
        var joined = await console.Join(await nodeB.DemoSessionId());
        Assert.True(joined.Seq >= 0);
    }

    [PostgresFact]
    public async Task StoppingNodeA_LeavesNodeBServing_AndAViewerOfAResyncsOnBWithNoGap()
    {
        var (a, addressA) = Start("node-a");
        var nodeA = a;
        var chair = await nodeA.SignedIn("chair");
        var chairCookie = await InquiryApp.CookieHeader(chair);
        var (b, addressB) = Start("node-b");
        using var nodeB = b;
        var sessionId = await nodeA.DemoSessionId();
        var viewer = await Viewer(addressA, sessionId);
        await Transition(chair, sessionId, "live");
        var lastSeen = (await viewer.WaitForEvent("session.stateChanged")).Seq;

        await viewer.DisposeAsync();
        nodeA.Dispose();

        // Node B goes on: the same chair (same cookie) pauses and resumes there.
        using var chairOnB = new HttpClient { BaseAddress = new Uri(addressB) };
        chairOnB.DefaultRequestHeaders.Add("Cookie", chairCookie);
        foreach (var to in new[] { "paused", "live", "paused" }) await Transition(chairOnB, sessionId, to);

        // The viewer reconnects to B, joins, and reads what it missed after its seq.
        await using var again = await InquiryApp.ConnectHubOverNetwork(addressB, "/hubs/live");
        var joined = await again.Join(sessionId);
        var page = await chairOnB.GetFromJsonAsync<JsonElement>($"/api/sessions/{sessionId}/events?after={lastSeen}");
        var missed = page.GetProperty("events").EnumerateArray().Select(e => e.GetProperty("seq").GetInt64()).ToArray();
        Assert.Equal(Enumerable.Range(1, (int)(joined.Seq - lastSeen)).Select(i => lastSeen + i).ToArray(), missed);
        Assert.Equal(3, missed.Length);

        await Transition(chairOnB, sessionId, "live");
        var next = await again.WaitForEvent("session.stateChanged", d => d.GetProperty("to").GetString() == "live");
        Assert.Equal(joined.Seq + 1, next.Seq);
    }

    [PostgresFact]
    public async Task EventsCommittedOnEitherNode_AreDeliveredOncePerNode_InSeqOrder_WithNoGap()
    {
        var (a, addressA) = Start("node-a");
        using var nodeA = a;
        var chairA = await nodeA.SignedIn("chair");
        var (b, addressB) = Start("node-b");
        using var nodeB = b;
        var chairB = await nodeB.SignedIn("chair");
        var sessionId = await nodeA.DemoSessionId();
        await using var onA = await Viewer(addressA, sessionId);
        await using var onB = await Viewer(addressB, sessionId);
        await using var staffOnA = await InquiryApp.ConnectHubOverNetwork(addressA, "/hubs/console", await InquiryApp.CookieHeader(chairA));
        var start = await staffOnA.Join(sessionId);

        // Ten state changes, alternately committed on A and on B.
        for (var i = 0; i < 10; i++) await Transition(i % 2 == 0 ? chairA : chairB, sessionId, i % 2 == 0 ? "live" : "paused");
        var last = start.Seq + 10;

        foreach (var client in new[] { onA, onB, staffOnA })
        {
            await client.WaitForEvent("session.stateChanged", _ => client.Events.Any(e => e.Stream == "public" && e.Seq == last));
            var seqs = client.Events.Where(e => e.Stream == "public").Select(e => e.Seq).ToArray();
            Assert.Equal(Enumerable.Range(1, 10).Select(i => start.Seq + i).ToArray(), seqs);
        }
    }

    [PostgresFact]
    public async Task AnEventCommittedWithoutNotification_StillReachesViewersOfBothNodes_FromTheLog()
    {
        var (a, addressA) = Start("node-a");
        using var nodeA = a;
        var (b, addressB) = Start("node-b");
        using var nodeB = b;
        var sessionId = await nodeA.DemoSessionId();
        await using var onA = await Viewer(addressA, sessionId);
        await using var onB = await Viewer(addressB, sessionId);

        // As if the NOTIFY were lost: the event is only in the log.
        var seq = await nodeA.Db(async db =>
        {
            var session = await db.Sessions.SingleAsync(s => s.Id == sessionId);
            session.PublicSeq++;
            db.Events.Add(new SessionEvent
            {
                SessionId = sessionId, Stream = EventStream.Public, Seq = session.PublicSeq,
                Type = "session.noticed", Data = "{}", At = DateTimeOffset.UtcNow,
            });
            await db.SaveChangesAsync();
            return session.PublicSeq;
        });

        Assert.Equal(seq, (await onA.WaitForEvent("session.noticed")).Seq);
        Assert.Equal(seq, (await onB.WaitForEvent("session.noticed")).Seq);
    }

    [PostgresFact]
    public async Task ARelayConnectionKilledByTheServer_Reconnects_AndNoEventIsLost()
    {
        var (a, _) = Start("node-a");
        using var nodeA = a;
        var chair = await nodeA.SignedIn("chair");
        var (b, addressB) = Start("node-b");
        using var nodeB = b;
        var sessionId = await nodeA.DemoSessionId();
        await using var onB = await Viewer(addressB, sessionId);
        var joined = await onB.Join(sessionId);

        Assert.Equal(1, await KillRelayConnections(nodeB, "node-b"));
        await Transition(chair, sessionId, "live");
        await Transition(chair, sessionId, "paused");

        await onB.WaitForEvent("session.stateChanged", d => d.GetProperty("to").GetString() == "paused");
        Assert.Equal(new[] { joined.Seq + 1, joined.Seq + 2 }, onB.Events.Select(e => e.Seq).ToArray());
        // The relay listens again (it reconnects with backoff).
        var listening = 0;
        for (var i = 0; i < 100 && listening == 0; i++)
        {
            await Task.Delay(100);
            listening = await CountRelayConnections(nodeB, "node-b");
        }
        Assert.Equal(1, listening);
    }

    private static Task<int> KillRelayConnections(InquiryApp node, string nodeId) => node.Db(db => db.Database
        .SqlQuery<int>($"SELECT count(pg_terminate_backend(pid))::int AS \"Value\" FROM pg_stat_activity WHERE application_name = {"InquiryLive relay " + nodeId}")
        .SingleAsync());

    private static Task<int> CountRelayConnections(InquiryApp node, string nodeId) => node.Db(db => db.Database
        .SqlQuery<int>($"SELECT count(*)::int AS \"Value\" FROM pg_stat_activity WHERE application_name = {"InquiryLive relay " + nodeId}")
        .SingleAsync());

    public void Dispose() => _database?.Dispose();
}
