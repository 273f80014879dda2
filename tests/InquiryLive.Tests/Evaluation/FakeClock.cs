namespace InquiryLive.Tests.Evaluation;

/// <summary>Real time plus an offset the test moves forward.</summary>
internal sealed class FakeClock : TimeProvider
{
    private long _offsetTicks;

    public void Advance(TimeSpan by) => Interlocked.Add(ref _offsetTicks, by.Ticks);

    public override DateTimeOffset GetUtcNow() => base.GetUtcNow().AddTicks(Interlocked.Read(ref _offsetTicks));
}
