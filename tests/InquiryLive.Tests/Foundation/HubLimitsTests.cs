using InquiryLive.Tests.Infrastructure;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;

namespace InquiryLive.Tests.Foundation;

public sealed class HubLimitsTests
{
    [Fact]
    public async Task FloodingHubInvocations_AreRefused_WhileAnotherConnectionIsServed()
    {
        using var app = new InquiryApp();
        var sessionId = await app.DemoSessionId();
        await using var flooder = await app.ConnectHub("/hubs/live");
        await using var neighbour = await app.ConnectHub("/hubs/live");

        var refused = 0;
        for (var i = 0; i < 60; i++)
        {
            try { await flooder.Join(sessionId); }
            catch (HubException e) when (e.Message.Contains("rate.limited")) { refused++; }
        }

        Assert.True(refused >= 30, $"only {refused} of 60 invocations were refused");
        var joined = await neighbour.Join(sessionId);
        Assert.Equal(sessionId, joined.SessionId);
    }

    [Fact]
    public async Task OversizedHubMessage_ClosesTheConnection()
    {
        using var app = new InquiryApp();
        await using var client = await app.ConnectHub("/hubs/live");
        var huge = new string('x', 10_000);
        await Assert.ThrowsAnyAsync<Exception>(() => client.Connection.InvokeAsync("JoinSession", huge));
    }
}
