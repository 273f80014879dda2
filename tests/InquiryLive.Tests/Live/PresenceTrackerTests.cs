using InquiryLive.Live;

namespace InquiryLive.Tests.Live;

public sealed class PresenceTrackerTests
{
    private static readonly Guid SessionA = Guid.NewGuid();
    private static readonly Guid SessionB = Guid.NewGuid();

    [Fact]
    public void JoiningTwice_CountsOneViewer_AndOneVisit()
    {
        var presence = new PresenceTracker();
        presence.Join(SessionA, "c1");
        presence.Join(SessionA, "c1");
        presence.Join(SessionA, "c2");

        Assert.Equal(2, presence.Local(SessionA));
        Assert.True(presence.IsWatching(SessionA, "c1"));
        Assert.False(presence.IsWatching(SessionB, "c1"));
        Assert.Equal(2, presence.Sessions.Single().Value.NewVisits);
    }

    [Fact]
    public void LeavingOneSession_KeepsTheOther_AndDisconnectingLeavesAll()
    {
        var presence = new PresenceTracker();
        presence.Join(SessionA, "c1");
        presence.Join(SessionB, "c1");
        presence.Leave(SessionA, "c1");
        presence.Leave(SessionA, "c1");

        Assert.Equal(0, presence.Local(SessionA));
        Assert.Equal(1, presence.Local(SessionB));
        Assert.True(presence.IsWatching(SessionB, "c1"));

        presence.LeaveAll("c1");
        Assert.Equal(0, presence.Local(SessionB));
        Assert.False(presence.IsWatching(SessionB, "c1"));
        Assert.Equal(0, presence.TotalViewers);
    }

    [Fact]
    public async Task ManyConnectionsJoiningAndLeavingAtOnce_EndWithExactCounts()
    {
        var presence = new PresenceTracker();
        await Parallel.ForEachAsync(Enumerable.Range(0, 2000), async (i, _) =>
        {
            presence.Join(SessionA, $"c{i}");
            presence.Join(SessionB, $"c{i}");
            if (i % 2 == 0) presence.Leave(SessionA, $"c{i}");
            if (i % 4 == 0) presence.LeaveAll($"c{i}");
            await Task.Yield();
        });

        Assert.Equal(1000, presence.Local(SessionA));
        Assert.Equal(1500, presence.Local(SessionB));
        Assert.Equal(2500, presence.TotalViewers);
    }
}
