using System.Net;
using System.Net.Http.Json;
using InquiryLive.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace InquiryLive.Tests.Foundation;

public sealed class OriginCheckTests
{
    [Fact]
    public async Task HubConnection_FromAForeignOrigin_IsRefusedWith403()
    {
        using var app = new InquiryApp();
        var ws = app.Server.CreateWebSocketClient();
        ws.ConfigureRequest = r => r.Headers.Origin = "https://evil.example";
        var error = await Assert.ThrowsAnyAsync<Exception>(() => ws.ConnectAsync(new Uri("ws://localhost/hubs/live"), CancellationToken.None));
        Assert.Contains("403", error.Message);
    }

    [Fact]
    public async Task HubConnection_FromOurOwnOrigin_IsAccepted()
    {
        using var app = new InquiryApp();
        var ws = app.Server.CreateWebSocketClient();
        ws.ConfigureRequest = r => r.Headers.Origin = "http://localhost";
        using var socket = await ws.ConnectAsync(new Uri("ws://localhost/hubs/live"), CancellationToken.None);
        Assert.Equal(System.Net.WebSockets.WebSocketState.Open, socket.State);
    }

    [Fact]
    public async Task CrossSiteCommand_IsRefused_AndChangesNothing()
    {
        using var app = new InquiryApp();
        var chair = await app.SignedIn("chair");
        var request = new HttpRequestMessage(HttpMethod.Post, $"/api/sessions/{await app.DemoSessionId()}/transitions")
        {
            Content = JsonContent.Create(new { to = "live" }),
        };
        request.Headers.Add("Origin", "https://evil.example");
        var response = await chair.SendAsync(request);
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(0, await app.Db(db => db.Events.CountAsync()));
    }

    [Fact]
    public async Task ConfiguredOrigin_IsAllowed()
    {
        using var app = new InquiryApp(new() { ["Security:AllowedOrigins:0"] = "https://screen.example.org" });
        var chair = await app.SignedIn("chair");
        var request = new HttpRequestMessage(HttpMethod.Post, $"/api/sessions/{await app.DemoSessionId()}/transitions")
        {
            Content = JsonContent.Create(new { to = "live" }),
        };
        request.Headers.Add("Origin", "https://screen.example.org");
        Assert.Equal(HttpStatusCode.OK, (await chair.SendAsync(request)).StatusCode);
    }
}
