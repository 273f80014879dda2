using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using InquiryLive.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace InquiryLive.Tests.Questions;

public sealed class PlainTextIntakeTests
{
    /// <summary>Markup, script URLs, SVG payloads and bidi tricks a viewer might send.</summary>
    public static readonly string[] XssCorpus =
    [
        "<script>alert(1)</script>",
        "<img src=x onerror=alert(1)>",
        "<a href=\"javascript:alert(1)\">点我</a>",
        "<svg/onload=alert(1)><circle r=10 /></svg>",
        "\"><iframe src=javascript:alert(1)>",
        "{{constructor.constructor('alert(1)')()}}",
        "<style>body{display:none}</style>",
        "&lt;b&gt;already escaped&lt;/b&gt;",
    ];

    [Fact]
    public async Task Ask_BidiOverridesZeroWidthAndControlCharacters_AreRemoved_AndTheTextIsNfc()
    {
        using var app = new InquiryApp();
        var sessionId = await app.DemoSessionId();
        var viewer = await app.NewViewer();
        // "e" + combining acute becomes "é"; a right-to-left override would reverse what the moderator reads.
        var id = Guid.NewGuid();
        (await viewer.Ask(sessionId, new { id, text = "Cafe\u0301\u202E txt.exe\u202C\u200B\u0007\r\n  是否  合规？", nickname = "\u2066王\u2069" })).EnsureSuccessStatusCode();

        var stored = await app.Db(db => db.Questions.SingleAsync());
        Assert.Equal("Café txt.exe 是否 合规？", stored.Text);
        Assert.Equal("王", stored.Nickname);
    }

    [Fact]
    public async Task Ask_TheXssCorpus_IsStoredAndServedAsLiteralText()
    {
        using var app = new InquiryApp();
        var sessionId = await app.DemoSessionId();
        var viewer = await app.NewViewer();
        foreach (var payload in XssCorpus)
        {
            // One viewer per payload: the per-viewer limit is a few questions a minute.
            var response = await (await app.NewViewer()).Ask(sessionId, new { id = Guid.NewGuid(), text = payload, nickname = "<b>x</b>" });
            Assert.Equal(HttpStatusCode.Created, response.StatusCode);
            Assert.Equal(payload, (await response.Json()).GetProperty("text").GetString());
        }

        var stored = await app.Db(db => db.Questions.Select(q => q.Text).ToListAsync());
        Assert.Equal(XssCorpus.Order(), stored.Order());
        Assert.All(await app.Db(db => db.Questions.Select(q => q.Nickname).ToListAsync()), n => Assert.Equal("<b>x</b>", n));
        // The API answers JSON only, never markup a browser would run.
        var mine = await viewer.GetAsync($"/api/sessions/{sessionId}/my-questions");
        Assert.Equal("application/json", mine.Content.Headers.ContentType?.MediaType);
        Assert.Equal("nosniff", mine.Headers.GetValues("X-Content-Type-Options").Single());
        _ = await mine.Content.ReadFromJsonAsync<JsonElement>();
    }
}
