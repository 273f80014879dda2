using InquiryLive.Live;

namespace InquiryLive.Tests.MultiNode;

public sealed class RelayOrderTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);

    private static SessionEvent E(EventStream stream, long seq, int second) =>
        new() { Stream = stream, Seq = seq, Type = "t", Data = "{}", At = T0.AddSeconds(second) };

    [Fact]
    public void RelayedEvents_KeepSeqOrderWithinAStream_EvenWhenANodeClockIsBehind()
    {
        // Seq 2 was committed on a node whose clock runs a few seconds behind.
        var events = new[] { E(EventStream.Public, 3, 12), E(EventStream.Public, 2, 5), E(EventStream.Public, 1, 10) };

        var ordered = EventRelay.InCommitOrder(events).Select(e => e.Seq).ToArray();

        Assert.Equal(new long[] { 1, 2, 3 }, ordered);
    }

    [Fact]
    public void RelayedEvents_InterleaveTheTwoStreams_ByTime()
    {
        var events = new[]
        {
            E(EventStream.Staff, 7, 1), E(EventStream.Public, 4, 2), E(EventStream.Staff, 8, 3), E(EventStream.Public, 5, 3),
        };

        var ordered = EventRelay.InCommitOrder(events).Select(e => (e.Stream, e.Seq)).ToArray();

        Assert.Equal(new[] { (EventStream.Staff, 7L), (EventStream.Public, 4L), (EventStream.Public, 5L), (EventStream.Staff, 8L) }, ordered);
    }
}
