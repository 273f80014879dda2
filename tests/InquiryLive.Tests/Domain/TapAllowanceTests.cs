using InquiryLive.Domain.Likes;

namespace InquiryLive.Tests.Domain;

public sealed class TapAllowanceTests
{
    private static readonly DateTimeOffset Start = new(2026, 5, 1, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Take_WithinASecond_AcceptsUpToTheAllowance_ThenNothing()
    {
        var allowance = new TapAllowance(30);
        Assert.Equal(20, allowance.Take(20, Start));
        Assert.Equal(10, allowance.Take(20, Start.AddMilliseconds(500)));
        Assert.Equal(0, allowance.Take(1, Start.AddMilliseconds(999)));
    }

    [Fact]
    public void Take_InTheNextSecond_StartsAFreshAllowance()
    {
        var allowance = new TapAllowance(5);
        allowance.Take(5, Start);
        Assert.Equal(5, allowance.Take(9, Start.AddSeconds(1)));
    }

    [Fact]
    public void Take_NothingOrANegativeCount_AcceptsNothing()
    {
        var allowance = new TapAllowance(5);
        Assert.Equal(0, allowance.Take(0, Start));
        Assert.Equal(0, allowance.Take(-3, Start));
        Assert.Equal(5, allowance.Take(5, Start));
    }
}
