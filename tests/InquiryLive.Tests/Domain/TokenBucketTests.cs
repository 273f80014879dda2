using InquiryLive.Domain.Limits;

namespace InquiryLive.Tests.Domain;

public sealed class TokenBucketTests
{
    private static readonly DateTimeOffset Start = new(2026, 12, 1, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void AFullBucket_GivesItsBurst_ThenRefuses()
    {
        var bucket = new TokenBucket(capacity: 20, perSecond: 10);
        Assert.Equal(20, Enumerable.Range(0, 25).Count(_ => bucket.TryTake(Start)));
        Assert.False(bucket.TryTake(Start));
    }

    [Fact]
    public void TokensComeBackAtTheRate_AndNeverBeyondTheCapacity()
    {
        var bucket = new TokenBucket(capacity: 20, perSecond: 10);
        while (bucket.TryTake(Start)) { }

        Assert.False(bucket.TryTake(Start.AddMilliseconds(50)));
        Assert.True(bucket.TryTake(Start.AddMilliseconds(100)));
        Assert.False(bucket.TryTake(Start.AddMilliseconds(100)));
        // An hour of silence refills to the capacity, not to 36,000.
        var later = Start.AddHours(1);
        Assert.Equal(20, Enumerable.Range(0, 100).Count(_ => bucket.TryTake(later)));
    }

    [Fact]
    public void AClockThatStepsBack_GivesNothingExtra()
    {
        var bucket = new TokenBucket(capacity: 2, perSecond: 1);
        Assert.True(bucket.TryTake(Start));
        Assert.True(bucket.TryTake(Start));
        Assert.False(bucket.TryTake(Start.AddSeconds(-30)));
        Assert.False(bucket.TryTake(Start.AddMilliseconds(500)));
        Assert.True(bucket.TryTake(Start.AddSeconds(1)));
    }
}
