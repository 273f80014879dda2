using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using InquiryLive.Tests.Infrastructure;

namespace InquiryLive.Tests.Foundation;

public sealed class AccountsTests
{
    [Fact]
    public async Task Login_SetsAnHttpOnlyStrictCookie_AndMeKnowsTheRole()
    {
        using var app = new InquiryApp();
        var client = app.Browser();
        var response = await client.PostAsJsonAsync("/api/auth/login", new { userName = "moderator1", password = InquiryApp.Password });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var cookie = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("il_staff=", StringComparison.Ordinal));
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=strict", cookie, StringComparison.OrdinalIgnoreCase);

        var me = await client.GetFromJsonAsync<JsonElement>("/api/auth/me");
        Assert.True(me.GetProperty("authenticated").GetBoolean());
        Assert.Equal("moderator1", me.GetProperty("userName").GetString());
        Assert.Equal(new[] { "Moderator" }, me.GetProperty("roles").EnumerateArray().Select(r => r.GetString()!).ToArray());
    }

    [Fact]
    public async Task Logout_EndsTheStaffSession()
    {
        using var app = new InquiryApp();
        var client = await app.SignedIn("chair");
        Assert.Equal(HttpStatusCode.NoContent, (await client.PostAsync("/api/auth/logout", null)).StatusCode);
        var me = await client.GetFromJsonAsync<JsonElement>("/api/auth/me");
        Assert.False(me.GetProperty("authenticated").GetBoolean());
    }

    [Fact]
    public async Task WrongPassword_Gets401ProblemInChinese()
    {
        using var app = new InquiryApp();
        var response = await app.Browser().PostAsJsonAsync("/api/auth/login", new { userName = "admin", password = "nope-nope" });
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("用户名或密码错误。", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task RepeatedFailures_LockTheAccount_EvenForTheRightPassword()
    {
        using var app = new InquiryApp();
        var client = app.Browser();
        for (var i = 0; i < 5; i++)
        {
            await client.PostAsJsonAsync("/api/auth/login", new { userName = "clerk", password = "wrong-" + i });
        }
        var response = await client.PostAsJsonAsync("/api/auth/login", new { userName = "clerk", password = InquiryApp.Password });
        Assert.Equal((HttpStatusCode)423, response.StatusCode);
    }

    [Fact]
    public async Task Viewer_GetsASignedHttpOnlyViewerCookie_WithARandomId()
    {
        using var app = new InquiryApp();
        var a = await app.Browser().GetFromJsonAsync<JsonElement>("/api/auth/me");
        var b = await app.Browser().GetFromJsonAsync<JsonElement>("/api/auth/me");
        Assert.False(a.GetProperty("authenticated").GetBoolean());
        Assert.Matches("^[0-9a-f]{32}$", a.GetProperty("viewerId").GetString());
        Assert.NotEqual(a.GetProperty("viewerId").GetString(), b.GetProperty("viewerId").GetString());

        var response = await app.Browser().GetAsync("/api/auth/me");
        var cookie = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("il_viewer=", StringComparison.Ordinal));
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(a.GetProperty("viewerId").GetString()!, cookie);
    }

    [Fact]
    public async Task TamperedViewerCookie_IsReplacedByAFreshId()
    {
        using var app = new InquiryApp();
        var client = app.Browser();
        var request = new HttpRequestMessage(HttpMethod.Get, "/api/auth/me");
        request.Headers.Add("Cookie", "il_viewer=forged-value");
        var response = await client.SendAsync(request);
        var me = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Matches("^[0-9a-f]{32}$", me.GetProperty("viewerId").GetString());
    }
}
