using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using InquiryLive.Accounts;
using InquiryLive.Members;
using InquiryLive.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace InquiryLive.Tests.Evaluation;

/// <summary>Arranging votes: a live session, an open vote, members signed in on their own phones.</summary>
internal static class Voting
{
    public static async Task<(Guid SessionId, HttpClient Chair)> LiveSession(InquiryApp app)
    {
        var sessionId = await app.DemoSessionId();
        var chair = await app.SignedIn("chair");
        (await chair.PostAsJsonAsync($"/api/sessions/{sessionId}/transitions", new { to = "live" })).EnsureSuccessStatusCode();
        return (sessionId, chair);
    }

    public static async Task<Guid> Open(HttpClient chair, Guid sessionId, object? body = null)
    {
        var response = await chair.PostAsJsonAsync($"/api/sessions/{sessionId}/polls", body ?? new { departmentId = (int?)null });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    public static Task<HttpResponseMessage> Vote(HttpClient member, Guid sessionId, Guid pollId, string choice, Guid? ballotId = null) =>
        member.PostAsJsonAsync($"/api/sessions/{sessionId}/polls/{pollId}/ballots", new { ballotId = ballotId ?? Guid.NewGuid(), choice });

    public static async Task<JsonElement> Close(HttpClient chair, Guid sessionId, Guid pollId)
    {
        var response = await chair.PostAsync($"/api/sessions/{sessionId}/polls/{pollId}/close", null);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    /// <summary>Publishes a closed vote, confirming it even when it is invalid (tests that are not about that step).</summary>
    public static Task<HttpResponseMessage> Publish(HttpClient chair, Guid sessionId, Guid pollId) =>
        chair.PostAsJsonAsync($"/api/sessions/{sessionId}/polls/{pollId}/publish", new { confirmInvalid = true });

    /// <summary>Issues personal links for the whole roster and signs the first <paramref name="count"/> members in with them, each on its own client.</summary>
    public static async Task<List<HttpClient>> MembersByLink(InquiryApp app, Guid sessionId, int count)
    {
        var admin = await app.SignedIn("admin");
        var response = await admin.PostAsync($"/api/sessions/{sessionId}/members/links", null);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var links = (await response.Content.ReadFromJsonAsync<JsonElement>()).EnumerateArray().Take(count).ToList();
        Assert.Equal(count, links.Count);
        var phones = new List<HttpClient>();
        foreach (var link in links)
        {
            var phone = app.Browser();
            var signIn = await phone.PostAsJsonAsync("/api/members/sign-in", new { token = link.GetProperty("token").GetString() });
            Assert.Equal(HttpStatusCode.OK, signIn.StatusCode);
            phones.Add(phone);
        }
        return phones;
    }

    /// <summary>The clerk marks the first <paramref name="count"/> committee members of the roster present (签到).</summary>
    public static async Task MarkPresent(InquiryApp app, Guid sessionId, int count)
    {
        var clerk = await app.SignedIn("clerk");
        var roster = await clerk.GetFromJsonAsync<JsonElement>($"/api/sessions/{sessionId}/attendance");
        foreach (var member in roster.GetProperty("members").EnumerateArray().Take(count))
        {
            var response = await clerk.PutAsJsonAsync($"/api/sessions/{sessionId}/attendance/{member.GetProperty("memberId").GetInt32()}", new { status = "present" });
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }
    }

    /// <summary>Adds members to the demo roster (with accounts), e.g. to reach a committee of 60.</summary>
    public static async Task AddRosterMembers(InquiryApp app, Guid sessionId, int count)
    {
        using var scope = app.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var db = scope.ServiceProvider.GetRequiredService<InquiryLive.Data.AppDbContext>();
        for (var i = 0; i < count; i++)
        {
            var user = new AppUser { UserName = $"extra{i:00}", DisplayName = $"补充委员{i:00}" };
            Assert.True((await users.CreateAsync(user, InquiryApp.Password)).Succeeded);
            await users.AddToRoleAsync(user, Roles.Member);
            db.RosterMembers.Add(new RosterMember { SessionId = sessionId, UserId = user.Id, DisplayName = user.DisplayName });
        }
        await db.SaveChangesAsync();
    }
}
