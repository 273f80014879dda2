using System.Net;
using System.Net.Http.Json;
using InquiryLive.Tests.Infrastructure;
using Microsoft.AspNetCore.SignalR.Client;
using static InquiryLive.Tests.Evaluation.IntegrityKit;

namespace InquiryLive.Tests.Evaluation;

/// <summary>Revoking or reissuing a member's link ends what was signed in with it at once: the cookie and the live connection.</summary>
public sealed class SignInsEndedIntegrityTests
{
    [Fact]
    public async Task RevokingALink_EndsTheMembersCookieAndClosesTheirHubConnection_AndLeavesStaffSignedIn()
    {
        using var app = new InquiryApp();
        var (sessionId, chair) = await Voting.LiveSession(app);
        var admin = await app.SignedIn("admin");
        var clerk = await app.SignedIn("clerk");
        var memberId = (await MemberIds(app, sessionId))[0];
        var phone = await PhoneOf(app, admin, sessionId, memberId);
        await using var memberHub = await app.ConnectHub("/hubs/live", phone);
        await memberHub.Join(sessionId);
        // The same phone with the page open twice: both connections go.
        await using var secondTab = await app.ConnectHub("/hubs/live", phone);
        await secondTab.Join(sessionId);
        await using var chairHub = await app.ConnectHub("/hubs/console", chair);
        await chairHub.Join(sessionId);
        var memberClosed = WhenClosed(memberHub);
        var secondTabClosed = WhenClosed(secondTab);
        var chairClosed = WhenClosed(chairHub);
        Assert.Equal(HttpStatusCode.OK, (await phone.GetAsync($"/api/sessions/{sessionId}/polls/current")).StatusCode);

        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync($"/api/sessions/{sessionId}/members/{memberId}/link")).StatusCode);

        Assert.Equal(HttpStatusCode.Unauthorized, (await phone.GetAsync($"/api/sessions/{sessionId}/polls/current")).StatusCode);
        await memberClosed.WaitAsync(TimeSpan.FromSeconds(10));
        await secondTabClosed.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(HubConnectionState.Disconnected, memberHub.Connection.State);
        // The staff who did it, and the staff watching, stay signed in and connected.
        var ended = await chairHub.WaitForEvent("member.signInsEnded");
        Assert.Equal("staff", ended.Stream);
        Assert.False(chairClosed.IsCompleted);
        Assert.Equal(HubConnectionState.Connected, chairHub.Connection.State);
        Assert.Equal(HttpStatusCode.OK, (await chair.GetAsync($"/api/sessions/{sessionId}/staff-snapshot")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await clerk.GetAsync($"/api/sessions/{sessionId}/attendance")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync($"/api/sessions/{sessionId}/members")).StatusCode);
        // A page that reconnects gets only a viewer's connection: it can still watch, not vote.
        await using var again = await app.ConnectHub("/hubs/live", phone);
        await again.Join(sessionId);
        Assert.Equal(HttpStatusCode.Unauthorized, (await phone.GetAsync($"/api/sessions/{sessionId}/polls/current")).StatusCode);
    }

    [Fact]
    public async Task ReissuingALink_EndsTheEarlierSignIn_AndOnlyTheNewLinkSignsIn()
    {
        using var app = new InquiryApp();
        var (sessionId, chair) = await Voting.LiveSession(app);
        var admin = await app.SignedIn("admin");
        var memberId = (await MemberIds(app, sessionId))[1];
        var firstToken = await IssueLink(admin, sessionId, memberId);
        var phone = app.Browser();
        Assert.Equal(HttpStatusCode.OK, (await SignInWith(phone, firstToken)).StatusCode);
        await using var memberHub = await app.ConnectHub("/hubs/live", phone);
        await memberHub.Join(sessionId);
        await using var chairHub = await app.ConnectHub("/hubs/console", chair);
        await chairHub.Join(sessionId);
        var memberClosed = WhenClosed(memberHub);

        var secondToken = await IssueLink(admin, sessionId, memberId);

        Assert.Equal(HttpStatusCode.Unauthorized, (await phone.GetAsync($"/api/sessions/{sessionId}/polls/current")).StatusCode);
        await memberClosed.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(HubConnectionState.Disconnected, memberHub.Connection.State);
        await chairHub.WaitForEvent("member.signInsEnded");
        Assert.Equal(HubConnectionState.Connected, chairHub.Connection.State);
        Assert.Equal(HttpStatusCode.Unauthorized, (await SignInWith(app.Browser(), firstToken)).StatusCode);
        var newPhone = app.Browser();
        Assert.Equal(HttpStatusCode.OK, (await SignInWith(newPhone, secondToken)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await newPhone.GetAsync($"/api/sessions/{sessionId}/polls/current")).StatusCode);
    }

    [Fact]
    public async Task RevokingOneMembersLink_LeavesOtherMembersSignedInAndConnected()
    {
        using var app = new InquiryApp();
        var (sessionId, _) = await Voting.LiveSession(app);
        var admin = await app.SignedIn("admin");
        var ids = await MemberIds(app, sessionId);
        var revoked = await PhoneOf(app, admin, sessionId, ids[2]);
        var other = await PhoneOf(app, admin, sessionId, ids[3]);
        await using var revokedHub = await app.ConnectHub("/hubs/live", revoked);
        await revokedHub.Join(sessionId);
        await using var otherHub = await app.ConnectHub("/hubs/live", other);
        await otherHub.Join(sessionId);
        var revokedClosed = WhenClosed(revokedHub);
        var otherClosed = WhenClosed(otherHub);

        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync($"/api/sessions/{sessionId}/members/{ids[2]}/link")).StatusCode);

        await revokedClosed.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.False(otherClosed.IsCompleted);
        Assert.Equal(HubConnectionState.Connected, otherHub.Connection.State);
        Assert.Equal(HttpStatusCode.OK, (await other.GetAsync($"/api/sessions/{sessionId}/polls/current")).StatusCode);
        var me = await other.GetFromJsonAsync<System.Text.Json.JsonElement>($"/api/sessions/{sessionId}/polls/current");
        Assert.Equal(ids[3], me.GetProperty("memberId").GetInt32());
    }
}
