using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using InquiryLive.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace InquiryLive.Tests.Evaluation;

/// <summary>Arranging and reading what the integrity tests need: sheets, links one member at a time, problems, the roster's size.</summary>
internal static class IntegrityKit
{
    public static async Task<JsonElement> Json(HttpResponseMessage response) => await response.Content.ReadFromJsonAsync<JsonElement>();

    /// <summary>The problem code of a refusal, after checking its status.</summary>
    public static async Task<string?> Refused(HttpResponseMessage response, HttpStatusCode status)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == status, $"Expected {(int)status}, got {(int)response.StatusCode}: {text}");
        if (text.Length == 0) return null;
        return JsonDocument.Parse(text).RootElement.TryGetProperty("code", out var code) ? code.GetString() : null;
    }

    public static async Task<string> Detail(HttpResponseMessage response) => (await Json(response)).GetProperty("detail").GetString()!;

    /// <summary>The roster's member ids in order (committee members and evaluators alike).</summary>
    public static Task<int[]> MemberIds(InquiryApp app, Guid sessionId) =>
        app.Db(db => db.RosterMembers.Where(m => m.SessionId == sessionId).OrderBy(m => m.Id).Select(m => m.Id).ToArrayAsync());

    public static Task<int[]> DepartmentIds(InquiryApp app, Guid sessionId) =>
        app.Db(db => db.Departments.Where(d => d.SessionId == sessionId).OrderBy(d => d.Order).Select(d => d.Id).ToArrayAsync());

    /// <summary>Issues (or reissues) one member's personal link; returns the token.</summary>
    public static async Task<string> IssueLink(HttpClient admin, Guid sessionId, int memberId)
    {
        var response = await admin.PostAsync($"/api/sessions/{sessionId}/members/{memberId}/link", null);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await Json(response)).GetProperty("token").GetString()!;
    }

    public static Task<HttpResponseMessage> SignInWith(HttpClient phone, string token) =>
        phone.PostAsJsonAsync("/api/members/sign-in", new { token });

    /// <summary>A phone signed in with the member's freshly issued link.</summary>
    public static async Task<HttpClient> PhoneOf(InquiryApp app, HttpClient admin, Guid sessionId, int memberId)
    {
        var phone = app.Browser();
        Assert.Equal(HttpStatusCode.OK, (await SignInWith(phone, await IssueLink(admin, sessionId, memberId))).StatusCode);
        return phone;
    }

    /// <summary>Opens a 测评表 of the given items (each an anonymous object: departmentId, floorItemId or title).</summary>
    public static async Task<(Guid PollId, long[] ItemIds)> OpenSheet(HttpClient chair, Guid sessionId, IEnumerable<object> items, string? supersedeReason = null)
    {
        var response = await chair.PostAsJsonAsync($"/api/sessions/{sessionId}/polls", new { items, supersedeReason });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var poll = await Json(response);
        Assert.Equal("sheet", poll.GetProperty("kind").GetString());
        return (poll.GetProperty("id").GetGuid(), poll.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetInt64()).ToArray());
    }

    /// <summary>A sheet ballot: one choice per item in order, null leaving the item blank.</summary>
    public static Task<HttpResponseMessage> SubmitSheet(HttpClient member, Guid sessionId, Guid pollId, long[] itemIds, string?[] choices, Guid? ballotId = null) =>
        member.PostAsJsonAsync($"/api/sessions/{sessionId}/polls/{pollId}/ballots", new
        {
            ballotId = ballotId ?? Guid.NewGuid(),
            choices = itemIds.Select((id, i) => new { itemId = id, choice = choices[i] }).ToArray(),
        });

    /// <summary>Makes the roster exactly the first <paramref name="size"/> members, through the admin's API (no vote open).</summary>
    public static async Task KeepRoster(InquiryApp app, HttpClient admin, Guid sessionId, int size)
    {
        foreach (var id in (await MemberIds(app, sessionId)).Skip(size))
        {
            Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync($"/api/sessions/{sessionId}/members/{id}")).StatusCode);
        }
    }

    public static async Task<JsonElement> Settings(HttpClient admin, Guid sessionId) =>
        (await admin.GetFromJsonAsync<JsonElement>($"/api/sessions/{sessionId}/setup")).GetProperty("settings");

    public static async Task<JsonElement> Tally(HttpClient chair, Guid sessionId, Guid pollId) =>
        await chair.GetFromJsonAsync<JsonElement>($"/api/sessions/{sessionId}/polls/{pollId}/tally");

    public static async Task<JsonElement> ReportVote(HttpClient reader, Guid sessionId, Guid pollId) =>
        (await reader.GetFromJsonAsync<JsonElement>($"/api/sessions/{sessionId}/report")).GetProperty("votes").EnumerateArray()
            .Single(v => v.GetProperty("pollId").GetGuid() == pollId);

    public static Task<List<string>> AuditActions(InquiryApp app, Guid pollId) =>
        app.Db(db => db.VoteAudit.Where(a => a.PollId == pollId).OrderBy(a => a.Id).Select(a => a.Action).ToListAsync());

    /// <summary>Completes when the server closes the hub connection (the client does not reconnect by itself).</summary>
    public static Task<Exception?> WhenClosed(HubClient hub)
    {
        var closed = new TaskCompletionSource<Exception?>(TaskCreationOptions.RunContinuationsAsynchronously);
        hub.Connection.Closed += e => { closed.TrySetResult(e); return Task.CompletedTask; };
        return closed.Task;
    }

    /// <summary>The names of a JSON object's properties, for "this answer carries nothing else".</summary>
    public static string[] PropertyNames(JsonElement e) => e.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal).ToArray();
}
