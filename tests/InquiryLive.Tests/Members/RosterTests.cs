using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using InquiryLive.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace InquiryLive.Tests.Members;

public sealed class RosterTests
{
    [Fact]
    public async Task Admin_AddsAMember_WithANewMemberAccount_ThatCanSignInByLink()
    {
        using var app = new InquiryApp();
        var sessionId = await app.DemoSessionId();
        var admin = await app.SignedIn("admin");

        var response = await admin.PostAsJsonAsync($"/api/sessions/{sessionId}/members", new { displayName = "  新 委员  ", userName = "member36" });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var added = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("新 委员", added.GetProperty("displayName").GetString());
        Assert.Equal(36, await app.Db(db => db.RosterMembers.CountAsync(m => m.SessionId == sessionId)));

        var link = await (await admin.PostAsync($"/api/sessions/{sessionId}/members/{added.GetProperty("id").GetInt32()}/link", null))
            .Content.ReadFromJsonAsync<JsonElement>();
        await InquiryLive.Tests.Evaluation.Voting.LiveSession(app);
        var phone = app.Browser();
        var signIn = await phone.PostAsJsonAsync("/api/members/sign-in", new { token = link.GetProperty("token").GetString() });
        Assert.Equal(HttpStatusCode.OK, signIn.StatusCode);
        var me = await phone.GetFromJsonAsync<JsonElement>("/api/auth/me");
        Assert.Equal("member36", me.GetProperty("userName").GetString());

        // The new account has no password: the link is the only way in.
        Assert.Null(await app.Db(db => db.Users.Where(u => u.UserName == "member36").Select(u => u.PasswordHash).SingleAsync()));
        var guess = await app.Browser().PostAsJsonAsync("/api/auth/login", new { userName = "member36", password = "Il-guess-123" });
        Assert.Equal(HttpStatusCode.Unauthorized, guess.StatusCode);
    }

    [Fact]
    public async Task AddingTheSameMemberTwice_Gets409_AndBadInputGets400_NothingWritten()
    {
        using var app = new InquiryApp();
        var sessionId = await app.DemoSessionId();
        var admin = await app.SignedIn("admin");

        Assert.Equal(HttpStatusCode.Conflict, (await admin.PostAsJsonAsync($"/api/sessions/{sessionId}/members", new { displayName = "重复", userName = "member01" })).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await admin.PostAsJsonAsync($"/api/sessions/{sessionId}/members", new { displayName = "主持人", userName = "chair" })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await admin.PostAsJsonAsync($"/api/sessions/{sessionId}/members", new { displayName = " " })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await admin.PostAsJsonAsync($"/api/sessions/{sessionId}/members", new { displayName = "x", userName = "<script>" })).StatusCode);
        Assert.Equal(35, await app.Db(db => db.RosterMembers.CountAsync()));
        Assert.Equal(40, await app.Db(db => db.Users.CountAsync()));
    }

    [Fact]
    public async Task Admin_RemovesAMemberWhoHasNotVoted_OthersCannot()
    {
        using var app = new InquiryApp();
        var sessionId = await app.DemoSessionId();
        var memberId = await app.Db(db => db.RosterMembers.OrderBy(m => m.Id).Select(m => m.Id).FirstAsync());

        var chair = await app.SignedIn("chair");
        Assert.Equal(HttpStatusCode.Forbidden, (await chair.DeleteAsync($"/api/sessions/{sessionId}/members/{memberId}")).StatusCode);
        var admin = await app.SignedIn("admin");
        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync($"/api/sessions/{sessionId}/members/{memberId}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.DeleteAsync($"/api/sessions/{sessionId}/members/{memberId}")).StatusCode);
        Assert.Equal(34, await app.Db(db => db.RosterMembers.CountAsync()));
    }
}
