using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using InquiryLive.Moderation;
using InquiryLive.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace InquiryLive.Tests.Moderation;

public sealed class SensitiveWordTests
{
    [Fact]
    public async Task AnAdminEditedList_ReplacesTheConfiguredOne_AndFlagsEditedText()
    {
        using var app = new InquiryApp();
        var sessionId = await app.DemoSessionId();
        var admin = await app.SignedIn("admin");
        var initial = await admin.GetFromJsonAsync<JsonElement>("/api/moderation/sensitive-words");
        Assert.False(initial.GetProperty("stored").GetBoolean());
        Assert.Contains("赌博", initial.GetProperty("words").EnumerateArray().Select(w => w.GetString()));

        var saved = await admin.PutAsJsonAsync("/api/moderation/sensitive-words", new { words = new[] { "传销", " Scam ", "传销", "" } });

        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        var list = await saved.Json();
        Assert.Equal(["传销", "Scam"], list.GetProperty("words").EnumerateArray().Select(w => w.GetString()));
        var words = app.Services.GetRequiredService<ISensitiveWords>();
        Assert.Equal(["Scam"], words.Find("this is a ＳＣＡＭ"));
        Assert.Empty(words.Find("有人赌博"));

        var id = await app.Submit(sessionId, "小区里有人搞推销");
        var edited = await (await app.SignedIn("moderator1")).Act(sessionId, id, "edit", new { text = "小区里有人搞传销" });
        Assert.Equal(["传销"], (await edited.Json()).GetProperty("flags").EnumerateArray().Select(f => f.GetString()));
        Assert.Equal("传销", (await app.Question(id)).Flags);
    }

    [Fact]
    public async Task AWordTooLong_Is400_AndTheListStaysAsItWas()
    {
        using var app = new InquiryApp();
        var admin = await app.SignedIn("admin");

        var response = await admin.PutAsJsonAsync("/api/moderation/sensitive-words", new { words = new[] { "好", new string('长', 51) } });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var list = await admin.GetFromJsonAsync<JsonElement>("/api/moderation/sensitive-words");
        Assert.False(list.GetProperty("stored").GetBoolean());
    }
}
