using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using InquiryLive.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace InquiryLive.Tests.Feed;

public sealed class FeedTests
{
    [Fact]
    public async Task FeedPost_ByAClerk_IsStored_PushedToViewers_AndInTheSnapshotNewestFirst()
    {
        using var app = new InquiryApp();
        var sessionId = await app.DemoSessionId();
        await using var viewer = await app.ConnectHub("/hubs/live");
        await viewer.Join(sessionId);
        var clerk = await app.SignedIn("clerk");

        (await clerk.PostAsJsonAsync($"/api/sessions/{sessionId}/feed", new { text = "9:00 会议开始。" })).EnsureSuccessStatusCode();
        var response = await clerk.PostAsJsonAsync($"/api/sessions/{sessionId}/feed", new { text = "市住建局局长\n回答  <b>提问</b>" });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var pushed = await viewer.WaitForEvent("feed.posted", d => d.GetProperty("post").GetProperty("text").GetString()!.Contains("局长", StringComparison.Ordinal));
        Assert.Equal("public", pushed.Stream);
        Assert.Equal("市住建局局长\n回答 <b>提问</b>", pushed.Data.GetProperty("post").GetProperty("text").GetString());
        Assert.False(pushed.Data.GetProperty("post").TryGetProperty("postedBy", out _));
        var snapshot = await app.Browser().GetFromJsonAsync<JsonElement>($"/api/sessions/{sessionId}/snapshot");
        var feed = snapshot.GetProperty("feed").EnumerateArray().Select(p => p.GetProperty("text").GetString()).ToArray();
        Assert.Equal(new[] { "市住建局局长\n回答 <b>提问</b>", "9:00 会议开始。" }, feed);
        Assert.Equal("clerk", await app.Db(db => db.FeedPosts.Select(p => p.PostedBy).FirstAsync()));
    }

    [Fact]
    public async Task FeedPost_ByAViewerModeratorOrMember_IsRefused()
    {
        using var app = new InquiryApp();
        var url = $"/api/sessions/{await app.DemoSessionId()}/feed";
        var body = new { text = "冒充工作人员" };
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.Browser().PostAsJsonAsync(url, body)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await (await app.SignedIn("moderator1")).PostAsJsonAsync(url, body)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await (await app.SignedIn("member01")).PostAsJsonAsync(url, body)).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await (await app.SignedIn("admin")).PostAsJsonAsync(url, new { text = "管理员可以发" })).StatusCode);
        Assert.Equal(1, await app.Db(db => db.FeedPosts.CountAsync()));
    }

    [Theory]
    [InlineData("")]
    [InlineData(" \u200b ")]
    [InlineData(null)]
    public async Task FeedPost_EmptyOrTooLong_Gets400_AndStoresNothing(string? text)
    {
        using var app = new InquiryApp();
        var url = $"/api/sessions/{await app.DemoSessionId()}/feed";
        var clerk = await app.SignedIn("clerk");
        Assert.Equal(HttpStatusCode.BadRequest, (await clerk.PostAsJsonAsync(url, new { text })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await clerk.PostAsJsonAsync(url, new { text = new string('字', 2001) })).StatusCode);
        Assert.Equal(0, await app.Db(db => db.FeedPosts.CountAsync()));
    }

    [Fact]
    public async Task JoinQr_IsAPngImage()
    {
        using var app = new InquiryApp();
        var response = await app.Browser().GetAsync($"/api/sessions/{await app.DemoSessionId()}/qr.png");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("image/png", response.Content.Headers.ContentType?.MediaType);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G' }, bytes[..4]);
        Assert.Equal(HttpStatusCode.NotFound, (await app.Browser().GetAsync($"/api/sessions/{Guid.NewGuid()}/qr.png")).StatusCode);
    }
}
