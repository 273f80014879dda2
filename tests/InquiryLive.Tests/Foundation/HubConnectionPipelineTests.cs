using System.Net;
using System.Net.WebSockets;
using InquiryLive.Hosting;
using InquiryLive.Live;
using InquiryLive.Tests.Chair;
using InquiryLive.Tests.Infrastructure;
using InquiryLive.Tests.Moderation;
using InquiryLive.Tests.Questions;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.SignalR.Client;

namespace InquiryLive.Tests.Foundation;

/// <summary>
/// The request that carries a hub connection skips the middlewares it never uses
/// (<see cref="HubConnectionPipeline"/>); what it does need (the origin check, the viewer id, the
/// hub's authorization) still runs for it, and every other request keeps the whole pipeline.
/// </summary>
public sealed class HubConnectionPipelineTests
{
    [Theory]
    [InlineData("GET", "/hubs/live", true, false, null, true)]                       // WebSocket over HTTP/1.1
    [InlineData("CONNECT", "/hubs/live", false, true, null, true)]                   // WebSocket over HTTP/2
    [InlineData("GET", "/hubs/console", false, false, "text/event-stream", true)]    // server-sent events
    [InlineData("GET", "/hubs/live", false, false, null, false)]                     // a long-polling read
    [InlineData("POST", "/hubs/live/negotiate", true, false, null, false)]           // negotiate, even with an Upgrade header
    [InlineData("GET", "/api/sessions", true, false, null, false)]                   // not a hub at all
    [InlineData("GET", "/hubsx", true, false, null, false)]                          // a path that only starts like one
    public void OnlyTheLongLivedHubRequest_CountsAsAHubConnection(
        string method, string path, bool upgradable, bool extendedConnect, string? accept, bool expected)
    {
        var context = new DefaultHttpContext();
        context.Request.Method = method;
        context.Request.Path = path;
        if (accept is not null) context.Request.Headers.Accept = accept;
        context.Features.Set<IHttpUpgradeFeature>(new Upgrade(upgradable));
        context.Features.Set<IHttpExtendedConnectFeature>(new ExtendedConnect(extendedConnect));

        Assert.Equal(expected, HubConnectionPipeline.IsHubConnection(context));
    }

    [Fact]
    public async Task OverRealWebSockets_AForeignOriginIsStillRefused_AndAViewerStillGetsTheirOwnNotes()
    {
        using var app = new InquiryApp();
        var baseUrl = app.StartOnKestrel();
        var sessionId = await app.DemoSessionId();

        // Cross-site WebSocket hijacking: the origin check stays on the main line.
        using var hijack = new ClientWebSocket();
        hijack.Options.SetRequestHeader("Origin", "https://evil.example");
        var refused = await Assert.ThrowsAnyAsync<WebSocketException>(() =>
            hijack.ConnectAsync(new Uri(baseUrl.Replace("http", "ws", StringComparison.Ordinal) + "/hubs/live"), CancellationToken.None));
        Assert.Contains("403", refused.Message, StringComparison.Ordinal);

        // The viewer id is still read from the cookie for a hub connection: the asker, and only the
        // asker, hears that the question was approved.
        var asker = app.Browser();
        var question = await asker.AskOk(sessionId, "哪个部门负责老旧小区加装电梯？");
        await using var askerHub = await InquiryApp.ConnectHubOverNetwork(baseUrl, "/hubs/live", await InquiryApp.CookieHeader(asker));
        await using var otherHub = await InquiryApp.ConnectHubOverNetwork(baseUrl, "/hubs/live");
        await askerHub.Join(sessionId);
        await otherHub.Join(sessionId);

        var moderator = await app.SignedIn("moderator1");
        Assert.Equal(HttpStatusCode.OK, (await moderator.Act(sessionId, question, "approve", new { departmentId = await app.DepartmentId(sessionId) })).StatusCode);

        var note = await askerHub.WaitForMyQuestion(n => n.QuestionId == question && n.Status == "approved");
        Assert.Equal(sessionId, note.SessionId);
        await otherHub.Connection.InvokeAsync<JoinResult>("JoinSession", sessionId);  // a round trip: anything sent before it has arrived
        Assert.Empty(otherHub.MyQuestionChanges);
    }

    [Fact]
    public async Task Negotiate_StillAnswersProblemDetails_WhenRefused()
    {
        using var app = new InquiryApp();
        var anonymous = app.Browser();

        var response = await anonymous.PostAsync("/hubs/console/negotiate?negotiateVersion=1", null);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    private sealed class Upgrade(bool upgradable) : IHttpUpgradeFeature
    {
        public bool IsUpgradableRequest => upgradable;
        public Task<Stream> UpgradeAsync() => throw new NotSupportedException();
    }

    private sealed class ExtendedConnect(bool extendedConnect) : IHttpExtendedConnectFeature
    {
        public bool IsExtendedConnect => extendedConnect;
        public string? Protocol => extendedConnect ? "websocket" : null;
        public ValueTask<Stream> AcceptAsync() => throw new NotSupportedException();
    }
}
