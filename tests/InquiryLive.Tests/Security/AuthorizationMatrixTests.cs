using System.Net;
using System.Net.Http.Json;
using System.Reflection;
using System.Text;
using System.Text.RegularExpressions;
using InquiryLive.Accounts;
using InquiryLive.Tests.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace InquiryLive.Tests.Security;

/// <summary>
/// Every /api endpoint and every hub, discovered from the app itself, called by every role: only the
/// roles its policy names get through. A new endpoint without a policy fails here.
/// </summary>
public sealed class AuthorizationMatrixTests
{
    private static readonly string[] Callers = ["anonymous", "member01", "moderator1", "chair", "clerk", "admin"];

    private static readonly Dictionary<string, string[]> AllowedByPolicy = new()
    {
        [Policies.Public] = Callers,
        [Policies.SignedIn] = ["member01", "moderator1", "chair", "clerk", "admin"],
        [Policies.Staff] = ["moderator1", "chair", "clerk", "admin"],
        [Policies.Moderation] = ["moderator1", "admin"],
        [Policies.ChairOnly] = ["chair", "admin"],
        [Policies.ClerkWork] = ["clerk", "admin"],
        [Policies.AdminOnly] = ["admin"],
        [Policies.MemberVoting] = ["member01"],
    };

    private sealed record ApiEndpoint(string Method, string Template, string Policy);

    private static List<ApiEndpoint> DiscoverEndpoints(InquiryApp app) =>
        app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.TrimStart('/').StartsWith("api/", StringComparison.Ordinal) == true)
            .SelectMany(e => (e.Metadata.GetMetadata<Microsoft.AspNetCore.Routing.HttpMethodMetadata>()?.HttpMethods ?? ["GET"])
                .Select(m => new ApiEndpoint(m, "/" + e.RoutePattern.RawText!.TrimStart('/'), PolicyOf(e))))
            // Signing out last: it ends the caller's session.
            .OrderBy(e => e.Template.EndsWith("/logout", StringComparison.Ordinal)).ThenBy(e => e.Template).ThenBy(e => e.Method)
            .ToList();

    private static string PolicyOf(Endpoint e)
    {
        var policies = e.Metadata.GetOrderedMetadata<IAuthorizeData>().Select(a => a.Policy).Where(p => p is not null).Distinct().ToList();
        return policies.Count == 1 ? policies[0]! : $"(none or several: {string.Join(",", policies)})";
    }

    [Fact]
    public void EveryApiEndpoint_NamesExactlyOneKnownPolicy()
    {
        using var app = new InquiryApp();
        var endpoints = DiscoverEndpoints(app);
        Assert.True(endpoints.Count >= 10, $"only {endpoints.Count} endpoints found");
        var unnamed = endpoints.Where(e => !AllowedByPolicy.ContainsKey(e.Policy)).Select(e => $"{e.Method} {e.Template}: {e.Policy}").ToList();
        Assert.True(unnamed.Count == 0, "Endpoints without exactly one known policy:\n" + string.Join("\n", unnamed));
    }

    [Fact]
    public async Task EveryApiEndpoint_LetsThroughOnlyTheRolesOfItsPolicy()
    {
        using var app = new InquiryApp();
        var clients = new Dictionary<string, HttpClient>();
        foreach (var caller in Callers) clients[caller] = caller == "anonymous" ? app.Browser() : await app.SignedIn(caller);

        var sessionId = await app.DemoSessionId();
        // The sitting is live, so a member's 签到 from the phone is not refused for the sitting's sake
        // (a 403 there would read as an authorization refusal).
        await app.Db(db => db.Sessions.ExecuteUpdateAsync(u => u.SetProperty(s => s.State, InquiryLive.Domain.Sessions.SessionState.Live)));
        var wrong = new List<string>();
        foreach (var endpoint in DiscoverEndpoints(app))
        {
            var allowed = AllowedByPolicy.GetValueOrDefault(endpoint.Policy, []);
            foreach (var caller in Callers)
            {
                var status = await Call(clients[caller], endpoint, sessionId);
                var refused = status is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden;
                var expectRefused = !allowed.Contains(caller);
                if (refused != expectRefused)
                {
                    wrong.Add($"{endpoint.Method} {endpoint.Template} [{endpoint.Policy}] as {caller}: {(int)status}");
                }
            }
            // Reissuing every member's link ends their sign-ins at once (as it must): the member signs in
            // again with a new link (password sign-ins from this one address would meet the login limit).
            if (endpoint.Template.EndsWith("/members/links", StringComparison.Ordinal)) clients["member01"] = await SignInByLink(app, clients["admin"], sessionId);
        }
        Assert.True(wrong.Count == 0, "Unexpected authorization results:\n" + string.Join("\n", wrong));
    }

    private static async Task<HttpClient> SignInByLink(InquiryApp app, HttpClient admin, Guid sessionId)
    {
        var members = await admin.GetFromJsonAsync<System.Text.Json.JsonElement>($"/api/sessions/{sessionId}/members");
        var id = members.EnumerateArray().Single(m => m.GetProperty("userName").GetString() == "member01").GetProperty("id").GetInt32();
        var link = await (await admin.PostAsync($"/api/sessions/{sessionId}/members/{id}/link", null)).Content.ReadFromJsonAsync<System.Text.Json.JsonElement>();
        var phone = app.Browser();
        (await phone.PostAsJsonAsync("/api/members/sign-in", new { token = link.GetProperty("token").GetString() })).EnsureSuccessStatusCode();
        return phone;
    }

    private static async Task<HttpStatusCode> Call(HttpClient client, ApiEndpoint endpoint, Guid sessionId)
    {
        // The demo session for {sessionId} (so a member is on its roster), made-up ids elsewhere.
        var path = Regex.Replace(endpoint.Template, @"\{(\*{0,2})(\w+)(:(\w+))?[^}]*\}", m => m.Groups[2].Value == "sessionId" ? sessionId.ToString() : m.Groups[4].Value switch
        {
            "guid" => Guid.NewGuid().ToString(),
            "int" or "long" => "999999",
            _ => "x",
        });
        using var request = new HttpRequestMessage(new HttpMethod(endpoint.Method), path);
        if (endpoint.Method is "POST" or "PUT" or "PATCH")
        {
            request.Content = new StringContent("{}", Encoding.UTF8, "application/json");
        }
        using var response = await client.SendAsync(request);
        return response.StatusCode;
    }

    [Fact]
    public async Task EveryHub_AcceptsOnlyTheRolesOfItsPolicy_AndEveryMethodIsCovered()
    {
        using var app = new InquiryApp();
        var hubs = typeof(InquiryLive.Live.LiveHub).Assembly.GetTypes()
            .Where(t => !t.IsAbstract && t.BaseType is { IsGenericType: true } b && b.GetGenericTypeDefinition() == typeof(Hub<>))
            .ToList();
        Assert.NotEmpty(hubs);
        var paths = new Dictionary<string, string> { ["LiveHub"] = "/hubs/live", ["ConsoleHub"] = "/hubs/console" };

        var wrong = new List<string>();
        foreach (var hub in hubs)
        {
            Assert.True(paths.ContainsKey(hub.Name), $"{hub.Name} is not mapped in this test: add its path");
            var policy = hub.GetCustomAttribute<AuthorizeAttribute>()?.Policy;
            Assert.True(policy is not null && AllowedByPolicy.ContainsKey(policy), $"{hub.Name} names no known policy");
            var methodsWithOwnPolicy = hub.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly)
                .Where(m => m.GetCustomAttribute<AuthorizeAttribute>() is { Policy: not null } a && a.Policy != policy).ToList();
            Assert.Empty(methodsWithOwnPolicy);

            foreach (var caller in Callers)
            {
                var browser = caller == "anonymous" ? app.Browser() : await app.SignedIn(caller);
                var expectAllowed = AllowedByPolicy[policy!].Contains(caller);
                var connected = true;
                try
                {
                    await using var client = await app.ConnectHub(paths[hub.Name], browser);
                    await client.Connection.InvokeAsync<JoinResultProbe>("JoinSession", await app.DemoSessionId());
                }
                catch (Exception ex) when (ex is HttpRequestException or InvalidOperationException or IOException or HubException or System.Net.WebSockets.WebSocketException)
                {
                    connected = false;
                }
                if (connected != expectAllowed) wrong.Add($"{hub.Name} as {caller}: {(connected ? "connected" : "refused")}");
            }
        }
        Assert.True(wrong.Count == 0, string.Join("\n", wrong));
    }

    private sealed record JoinResultProbe(Guid SessionId, long Seq);
}
