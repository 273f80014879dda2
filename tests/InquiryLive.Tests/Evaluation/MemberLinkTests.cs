using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using InquiryLive.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace InquiryLive.Tests.Evaluation;

public sealed class MemberLinkTests
{
    private static async Task<JsonElement> IssueLink(HttpClient admin, Guid sessionId, int memberId)
    {
        var response = await admin.PostAsync($"/api/sessions/{sessionId}/members/{memberId}/link", null);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    [Fact]
    public async Task PersonalLink_SignsTheMemberIn_AndTheTokenNeverReachesALogLine()
    {
        var logs = new LogCapture();
        using var app = new InquiryApp(
            settings: new() { ["Logging:LogLevel:Default"] = "Trace" },
            services: s => s.AddSingleton<ILoggerProvider>(logs));
        // A personal link works only while the sitting runs.
        var (sessionId, _) = await Voting.LiveSession(app);
        var admin = await app.SignedIn("admin");
        var members = await admin.GetFromJsonAsync<JsonElement>($"/api/sessions/{sessionId}/members");
        var member = members[4];
        var link = await IssueLink(admin, sessionId, member.GetProperty("id").GetInt32());
        var token = link.GetProperty("token").GetString()!;
        Assert.EndsWith($"/member.html#token={token}", link.GetProperty("link").GetString());
        Assert.True(token.Length >= 43, "a 32-byte token");

        var phone = app.Browser();
        var signIn = await phone.PostAsJsonAsync("/api/members/sign-in", new { token });
        Assert.Equal(HttpStatusCode.OK, signIn.StatusCode);
        var me = await phone.GetFromJsonAsync<JsonElement>("/api/auth/me");
        Assert.Equal(member.GetProperty("userName").GetString(), me.GetProperty("userName").GetString());
        Assert.Contains("Member", me.GetProperty("roles").EnumerateArray().Select(r => r.GetString()));
        Assert.Equal(HttpStatusCode.OK, (await phone.GetAsync($"/api/sessions/{sessionId}/polls/current")).StatusCode);

        var qr = new HttpRequestMessage(HttpMethod.Get, $"/api/sessions/{sessionId}/members/{member.GetProperty("id").GetInt32()}/link.png");
        qr.Headers.Add("X-Sign-In-Token", token);
        var png = await admin.SendAsync(qr);
        Assert.Equal(HttpStatusCode.OK, png.StatusCode);
        Assert.Equal("image/png", png.Content.Headers.ContentType?.MediaType);

        Assert.Contains(logs.Lines, l => l.Contains("/api/members/sign-in", StringComparison.Ordinal));
        Assert.DoesNotContain(logs.Lines, l => l.Contains(token, StringComparison.Ordinal));
    }

    [Fact]
    public async Task RevokedOrReplacedLink_Is401()
    {
        using var app = new InquiryApp();
        var (sessionId, _) = await Voting.LiveSession(app);
        var admin = await app.SignedIn("admin");
        var memberId = (await admin.GetFromJsonAsync<JsonElement>($"/api/sessions/{sessionId}/members"))[0].GetProperty("id").GetInt32();
        var first = (await IssueLink(admin, sessionId, memberId)).GetProperty("token").GetString();
        var second = (await IssueLink(admin, sessionId, memberId)).GetProperty("token").GetString();

        Assert.Equal(HttpStatusCode.Unauthorized, (await app.Browser().PostAsJsonAsync("/api/members/sign-in", new { token = first })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await app.Browser().PostAsJsonAsync("/api/members/sign-in", new { token = second })).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync($"/api/sessions/{sessionId}/members/{memberId}/link")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.Browser().PostAsJsonAsync("/api/members/sign-in", new { token = second })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await app.Browser().PostAsJsonAsync("/api/members/sign-in", new { token = "" })).StatusCode);
    }

    [Fact]
    public async Task OnlyTheAdmin_ManagesLinks_AndTheQrNeedsTheCurrentToken()
    {
        using var app = new InquiryApp();
        var sessionId = await app.DemoSessionId();
        var chair = await app.SignedIn("chair");
        var admin = await app.SignedIn("admin");
        Assert.Equal(HttpStatusCode.Forbidden, (await chair.GetAsync($"/api/sessions/{sessionId}/members")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await chair.PostAsync($"/api/sessions/{sessionId}/members/links", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.Browser().GetAsync($"/api/sessions/{sessionId}/members/1/link.png")).StatusCode);
        var memberId = (await admin.GetFromJsonAsync<JsonElement>($"/api/sessions/{sessionId}/members"))[0].GetProperty("id").GetInt32();
        Assert.Equal(HttpStatusCode.BadRequest, (await admin.GetAsync($"/api/sessions/{sessionId}/members/{memberId}/link.png")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.PostAsync($"/api/sessions/{sessionId}/members/999999/link", null)).StatusCode);
    }
}
