using InquiryLive.Domain;
using InquiryLive.Feed;
using InquiryLive.Live;
using InquiryLive.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace InquiryLive.Tests.Live;

/// <summary>A command of a grouped batch that is refused after adding rows leaves none of them behind.</summary>
public sealed class GroupCommitRefusalTests
{
    [Fact]
    public async Task ARefusedCommand_DropsOnlyTheRowsItAdded_WhileTheRestOfTheBatchIsStored()
    {
        using var app = new InquiryApp();
        var sessionId = await app.DemoSessionId();
        var commit = app.Services.GetRequiredService<GroupCommit>();
        var before = await app.Db(db => db.FeedPosts.CountAsync());

        // Sent at once, so they queue behind each other and run in as few transactions as possible.
        var outcomes = Enumerable.Range(0, 30).Select(i => commit.RunAsync(sessionId, change =>
        {
            change.Db.FeedPosts.Add(new FeedPost { SessionId = sessionId, Text = $"第{i}条", PostedAt = change.Now, PostedBy = "test" });
            return i % 3 == 0
                ? throw new DomainException("test.refused", "拒绝", "Refused")
                : Task.FromResult(i);
        })).ToList();
        var settled = await Task.WhenAll(outcomes.Select(async t =>
        {
            try { return (Ok: true, Value: await t); }
            catch (DomainException) { return (Ok: false, Value: -1); }
        }));

        Assert.Equal(20, settled.Count(s => s.Ok));
        var texts = await app.Db(db => db.FeedPosts.Where(p => p.PostedBy == "test").Select(p => p.Text).ToListAsync());
        Assert.Equal(Enumerable.Range(0, 30).Where(i => i % 3 != 0).Select(i => $"第{i}条").Order(), texts.Order());
        Assert.Equal(before + 20, await app.Db(db => db.FeedPosts.CountAsync()));
    }
}
