using System.Net;
using System.Net.Http.Json;
using InquiryLive.Live;
using InquiryLive.Tests.Infrastructure;
using InquiryLive.Tests.Questions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

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
        // Each phone has opened the page first, so it carries its viewer cookie.
        var viewers = await Task.WhenAll(Enumerable.Range(0, 40).Select(_ => app.NewViewer()));
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
        var viewers = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => app.NewViewer()));
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

    [Fact]
    public async Task InOneBatch_RetriesOfStoredAndOfSameBatchQuestions_AndATakenId_AreEachAnsweredRightly()
    {
        using var app = new InquiryApp();
        var sessionId = await app.DemoSessionId();
        var url = $"/api/sessions/{sessionId}/questions";
        var viewers = await Task.WhenAll(Enumerable.Range(0, 24).Select(_ => app.NewViewer()));
        var taken = Guid.NewGuid();
        var storedEarlier = Guid.NewGuid();
        (await viewers[0].PostAsJsonAsync(url, new { id = taken, text = "先到的问题" })).EnsureSuccessStatusCode();
        (await viewers[1].PostAsJsonAsync(url, new { id = storedEarlier, text = "早先的问题" })).EnsureSuccessStatusCode();
        var commit = app.Services.GetRequiredService<GroupCommit>();

        var release = await HoldTheWriter(commit, sessionId);
        var twice = Guid.NewGuid();
        var sends = Enumerable.Range(2, 20).Select(i => viewers[i].PostAsJsonAsync(url, new { id = Guid.NewGuid(), text = $"第{i}个问题" })).ToList();
        sends.Add(viewers[1].PostAsJsonAsync(url, new { id = storedEarlier, text = "早先的问题" }));
        sends.Add(viewers[23].PostAsJsonAsync(url, new { id = taken, text = "抢用别人的编号" }));
        sends.Add(viewers[22].PostAsJsonAsync(url, new { id = twice, text = "连发两次的问题" }));
        sends.Add(viewers[22].PostAsJsonAsync(url, new { id = twice, text = "连发两次的问题" }));
        await WaitUntil(() => commit.Figures().Queued == sends.Count);
        await release();
        var responses = await Task.WhenAll(sends);

        Assert.All(responses.Take(20), r => Assert.Equal(HttpStatusCode.Created, r.StatusCode));
        Assert.Equal(HttpStatusCode.OK, responses[20].StatusCode);
        Assert.Equal(storedEarlier, (await responses[20].Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("id").GetGuid());
        Assert.Equal(HttpStatusCode.Conflict, responses[21].StatusCode);
        Assert.Equal(new[] { HttpStatusCode.OK, HttpStatusCode.Created }, new[] { responses[22].StatusCode, responses[23].StatusCode }.Order());
        Assert.Equal(2 + 20 + 1, await app.Db(db => db.Questions.CountAsync()));
        Assert.Equal("先到的问题", await app.Db(db => db.Questions.Where(q => q.Id == taken).Select(q => q.Text).SingleAsync()));
        Assert.Equal(23, await app.Db(db => db.Events.CountAsync(e => e.Type == "question.submitted")));
        Assert.True(commit.Figures().LargestBatch >= sends.Count, $"the commands were not in one batch: largest {commit.Figures().LargestBatch}");
    }

    [Fact]
    public async Task AViewerWhoHangsUpWhileTheirQuestionWaits_DoesNotFailTheOthersInTheBatch_AndTheirOwnIsStoredForTheRetry()
    {
        // On Kestrel, so a client that gives up really closes its connection and the server sees the request aborted.
        using var app = new InquiryApp();
        var baseUrl = app.StartOnKestrel();
        var sessionId = await app.DemoSessionId();
        var url = $"/api/sessions/{sessionId}/questions";
        var departmentId = await app.Db(db => db.Departments.Where(d => d.SessionId == sessionId).Select(d => d.Id).FirstAsync());
        var viewers = Enumerable.Range(0, 6).Select(_ => new HttpClient(new HttpClientHandler { CookieContainer = new() }) { BaseAddress = new Uri(baseUrl) }).ToArray();
        await Task.WhenAll(viewers.Select(v => v.GetAsync("/api/auth/me")));
        var commit = app.Services.GetRequiredService<GroupCommit>();

        var release = await HoldTheWriter(commit, sessionId);
        // The first in the queue hangs up: its request's cancellation must not reach the batch's reads.
        using var hangUp = new CancellationTokenSource();
        var leaving = Guid.NewGuid();
        var left = viewers[0].PostAsJsonAsync(url, new { id = leaving, text = "发完就走的问题", departmentId }, hangUp.Token);
        await WaitUntil(() => commit.Figures().Queued == 1);
        var sends = Enumerable.Range(1, 5).Select(i => viewers[i].PostAsJsonAsync(url, new { id = Guid.NewGuid(), text = $"第{i}个问题", departmentId })).ToList();
        await WaitUntil(() => commit.Figures().Queued == 6);
        await hangUp.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => left.WaitAsync(TimeSpan.FromSeconds(10)));
        // Kestrel has noticed the closed connection (the request's token fires) before the batch runs.
        await Task.Delay(300);
        await release();
        var responses = await Task.WhenAll(sends).WaitAsync(TimeSpan.FromSeconds(20));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Created, r.StatusCode));
        Assert.Equal(6, await app.Db(db => db.Questions.CountAsync()));
        var retry = await viewers[0].PostAsJsonAsync(url, new { id = leaving, text = "发完就走的问题", departmentId });
        Assert.Equal(HttpStatusCode.OK, retry.StatusCode);
        foreach (var v in viewers) v.Dispose();
    }

    [Fact]
    public async Task InOneBatch_PublicRatings_AreOncePerViewer_WhetherTheFirstWasStoredBefore_OrIsInTheSameBatch()
    {
        using var app = new InquiryApp();
        var (sessionId, chair) = await Evaluation.Voting.LiveSession(app);
        var pollId = await Evaluation.Voting.Open(chair, sessionId);
        var url = $"/api/sessions/{sessionId}/polls/{pollId}/public-rating";
        var viewers = await Task.WhenAll(Enumerable.Range(0, 12).Select(_ => app.NewViewer()));
        (await viewers[0].PostAsJsonAsync(url, new { choice = "satisfied" })).EnsureSuccessStatusCode();
        var commit = app.Services.GetRequiredService<GroupCommit>();

        var release = await HoldTheWriter(commit, sessionId);
        var sends = Enumerable.Range(1, 10).Select(i => viewers[i].PostAsJsonAsync(url, new { choice = "dissatisfied" })).ToList();
        sends.Add(viewers[0].PostAsJsonAsync(url, new { choice = "dissatisfied" }));
        sends.Add(viewers[11].PostAsJsonAsync(url, new { choice = "basicallySatisfied" }));
        sends.Add(viewers[11].PostAsJsonAsync(url, new { choice = "basicallySatisfied" }));
        await WaitUntil(() => commit.Figures().Queued == sends.Count);
        await release();
        var responses = await Task.WhenAll(sends);

        Assert.All(responses.Take(10), r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        Assert.Equal(HttpStatusCode.Conflict, responses[10].StatusCode);
        Assert.Equal("publicRating.already", (await responses[10].Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("code").GetString());
        Assert.Equal(new[] { HttpStatusCode.OK, HttpStatusCode.Conflict }, new[] { responses[11].StatusCode, responses[12].StatusCode }.Order());
        Assert.Equal(12, await app.Db(db => db.PublicRatings.CountAsync(r => r.PollId == pollId)));
        Assert.Equal(1, await app.Db(db => db.PublicRatings.CountAsync(r => r.PollId == pollId && r.Choice == InquiryLive.Polls.Choice.Satisfied)));
        Assert.True(commit.Figures().LargestBatch >= sends.Count, $"the ratings were not in one batch: largest {commit.Figures().LargestBatch}");
    }

    /// <summary>
    /// Holds the writer inside a batch (a command that waits), so that everything sent meanwhile waits
    /// for the next batch, which then holds all of it. Call the returned function to let it go.
    /// </summary>
    private static async Task<Func<Task>> HoldTheWriter(GroupCommit commit, Guid sessionId)
    {
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var holder = commit.RunAsync(sessionId, async _ => { await release.Task; return true; });
        await WaitUntil(() => commit.Figures().Queued == 0);
        return async () =>
        {
            release.SetResult();
            Assert.True(await holder);
        };
    }

    private static async Task WaitUntil(Func<bool> condition)
    {
        for (var i = 0; i < 200 && !condition(); i++) await Task.Delay(25);
        Assert.True(condition());
    }

    private static async Task<System.Text.Json.JsonElement> WriterFigures(HttpClient admin) =>
        (await admin.GetFromJsonAsync<System.Text.Json.JsonElement>("/api/admin/diagnostics")).GetProperty("groupCommit");
}
