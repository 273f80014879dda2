using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using InquiryLive.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace InquiryLive.Tests.FollowUp;

public sealed class PublicResultsTests
{
    [Fact]
    public async Task PublicResults_ShowOnlyPublishedVotes_TheRectificationList_AndNoViewerIds()
    {
        using var app = new InquiryApp();
        var s = await FinishedSitting.ArrangeAsync(app);
        var clerk = await app.SignedIn("clerk");
        (await clerk.PostAsJsonAsync($"/api/sessions/{s.SessionId}/rectifications", new
        {
            floorItemId = s.FloorItemIds[0], title = "老旧小区物业全覆盖", deadline = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(60)).ToString("yyyy-MM-dd"), owner = "物业监管处",
        })).EnsureSuccessStatusCode();
        (await clerk.PutAsJsonAsync($"/api/sessions/{s.SessionId}/questions/{s.DeferredQuestion}/written-reply", new { text = "已答复" })).EnsureSuccessStatusCode();

        var response = await app.Browser().GetAsync($"/api/sessions/{s.SessionId}/public-results");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var text = await response.Content.ReadAsStringAsync();
        var results = JsonDocument.Parse(text).RootElement;
        var polls = results.GetProperty("results").EnumerateArray().Select(r => r.GetProperty("pollId").GetGuid()).ToList();
        Assert.Equal(3, polls.Count);
        Assert.DoesNotContain(s.UnpublishedPoll, polls);
        Assert.DoesNotContain("尚未公布的测评", text, StringComparison.Ordinal);
        var item = Assert.Single(results.GetProperty("rectifications").EnumerateArray().ToList());
        Assert.Equal("市住房和城乡建设局", item.GetProperty("departmentName").GetString());
        Assert.Equal("open", item.GetProperty("status").GetString());
        Assert.Equal("已答复", Assert.Single(results.GetProperty("writtenReplies").EnumerateArray().ToList()).GetProperty("reply").GetString());
        Assert.DoesNotContain(FinishedSitting.AskerViewerId, text, StringComparison.Ordinal);
        Assert.DoesNotContain("clerk", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PublicResults_OfADraftSession_Get404()
    {
        using var app = new InquiryApp();
        var sessionId = await app.DemoSessionId();
        await app.Db(db => db.Sessions.ExecuteUpdateAsync(u => u.SetProperty(x => x.State, InquiryLive.Domain.Sessions.SessionState.Draft)));
        Assert.Equal(HttpStatusCode.NotFound, (await app.Browser().GetAsync($"/api/sessions/{sessionId}/public-results")).StatusCode);
    }
}
