using System.Net;
using System.Net.Http.Json;
using InquiryLive.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace InquiryLive.Tests.Live;

/// <summary>Questions sent together are stored together; one refused command never spoils the others.</summary>
public sealed class GroupCommitTests
{
    [Fact]
    public async Task ABurstOfQuestions_IsStoredOnce_EachWithItsOwnEvent_AndAConflictRefusesOnlyItself()
    {
        using var app = new InquiryApp();
        var sessionId = await app.DemoSessionId();
        var url = $"/api/sessions/{sessionId}/questions";
        var viewers = Enumerable.Range(0, 40).Select(_ => app.Browser()).ToArray();
        // Each phone has opened the page first, so it carries its viewer cookie.
        await Task.WhenAll(viewers.Select(v => v.GetAsync("/api/auth/me")));
        var taken = Guid.NewGuid();
        (await viewers[0].PostAsJsonAsync(url, new { id = taken, text = "先到的问题" })).EnsureSuccessStatusCode();
        var retried = Guid.NewGuid();

        var sends = viewers.Select((v, i) => v.PostAsJsonAsync(url, new { id = Guid.NewGuid(), text = $"第{i}个问题" }))
            .Append(viewers[1].PostAsJsonAsync(url, new { id = taken, text = "抢用别人的编号" }))
            .Append(viewers[2].PostAsJsonAsync(url, new { id = retried, text = "重试的问题" }))
            .Append(viewers[2].PostAsJsonAsync(url, new { id = retried, text = "重试的问题" }))
            .ToList();
        var responses = await Task.WhenAll(sends);

        Assert.All(responses.Take(40), r => Assert.Equal(HttpStatusCode.Created, r.StatusCode));
        Assert.Equal(HttpStatusCode.Conflict, responses[40].StatusCode);
        Assert.Contains(responses[41].StatusCode, new[] { HttpStatusCode.Created, HttpStatusCode.OK });
        Assert.Contains(responses[42].StatusCode, new[] { HttpStatusCode.Created, HttpStatusCode.OK });
        Assert.NotEqual(responses[41].StatusCode, responses[42].StatusCode);

        Assert.Equal(42, await app.Db(db => db.Questions.CountAsync()));
        Assert.Equal("先到的问题", await app.Db(db => db.Questions.Where(q => q.Id == taken).Select(q => q.Text).SingleAsync()));
        var seqs = await app.Db(db => db.Events.Where(e => e.Type == "question.submitted").Select(e => e.Seq).OrderBy(s => s).ToListAsync());
        Assert.Equal(Enumerable.Range(1, 42).Select(i => (long)i), seqs);
    }

    [Fact]
    public async Task TheDiagnostics_CountTheCommandsAndBatchesTheWriterStored()
    {
        using var app = new InquiryApp();
        var sessionId = await app.DemoSessionId();
        var admin = await app.SignedIn("admin");
        var viewers = Enumerable.Range(0, 20).Select(_ => app.Browser()).ToArray();
        await Task.WhenAll(viewers.Select(v => v.GetAsync("/api/auth/me")));
        var before = await WriterFigures(admin);

        var responses = await Task.WhenAll(viewers.Select((v, i) =>
            v.PostAsJsonAsync($"/api/sessions/{sessionId}/questions", new { id = Guid.NewGuid(), text = $"第{i}个问题" })));
        var after = await WriterFigures(admin);

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Created, r.StatusCode));
        Assert.Equal(20, after.GetProperty("commands").GetInt64() - before.GetProperty("commands").GetInt64());
        Assert.InRange(after.GetProperty("batches").GetInt64() - before.GetProperty("batches").GetInt64(), 1, 20);
        Assert.InRange(after.GetProperty("largestBatch").GetInt32(), 1, 256);
        Assert.True(after.GetProperty("writingMilliseconds").GetDouble() > before.GetProperty("writingMilliseconds").GetDouble());
        Assert.Equal(0, after.GetProperty("queued").GetInt32());
    }

    private static async Task<System.Text.Json.JsonElement> WriterFigures(HttpClient admin) =>
        (await admin.GetFromJsonAsync<System.Text.Json.JsonElement>("/api/admin/diagnostics")).GetProperty("groupCommit");
}
