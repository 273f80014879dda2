using InquiryLive.Domain.FollowUp;

namespace InquiryLive.Tests.FollowUp;

public sealed class RectificationRulesTests
{
    private static readonly DateOnly Deadline = new(2026, 12, 31);

    // 2026-12-31 15:59:59Z is 23:59:59 on the deadline day in China (UTC+8).
    private static readonly DateTimeOffset LastSecondOfDeadline = new(2026, 12, 31, 15, 59, 59, TimeSpan.Zero);

    [Fact]
    public void NewItem_BeforeItsDeadline_IsOpen() =>
        Assert.Equal(RectificationStatus.Open, RectificationRules.Status(Deadline, null, null, LastSecondOfDeadline));

    [Fact]
    public void StartedItem_BeforeItsDeadline_IsInProgress() =>
        Assert.Equal(RectificationStatus.InProgress, RectificationRules.Status(Deadline, LastSecondOfDeadline.AddDays(-3), null, LastSecondOfDeadline));

    [Fact]
    public void UnclosedItem_AfterTheDeadlineDayEndsInChina_IsOverdue()
    {
        var justAfter = LastSecondOfDeadline.AddSeconds(1);
        Assert.Equal(RectificationStatus.Overdue, RectificationRules.Status(Deadline, null, null, justAfter));
        Assert.Equal(RectificationStatus.Overdue, RectificationRules.Status(Deadline, justAfter.AddDays(-5), null, justAfter));
    }

    [Fact]
    public void ClosedItem_IsDone_EvenLongAfterTheDeadline()
    {
        var closed = LastSecondOfDeadline.AddDays(10);
        Assert.Equal(RectificationStatus.Done, RectificationRules.Status(Deadline, null, closed, closed.AddDays(30)));
        Assert.True(RectificationRules.ClosedLate(Deadline, closed));
        Assert.False(RectificationRules.ClosedLate(Deadline, LastSecondOfDeadline));
    }

    [Fact]
    public void Deadline_OfTodayInChina_IsAcceptable_YesterdayIsNot()
    {
        // 20:00Z on the 30th is already the 31st in China.
        var now = new DateTimeOffset(2026, 12, 30, 20, 0, 0, TimeSpan.Zero);
        Assert.True(RectificationRules.IsAcceptableDeadline(Deadline, now));
        Assert.False(RectificationRules.IsAcceptableDeadline(Deadline.AddDays(-1), now));
    }

    [Fact]
    public void RateChange_IsInPercentagePoints_AndNullWithoutBothRates()
    {
        Assert.Equal(12.5, RectificationRules.RateChange(0.7, 0.825));
        Assert.Equal(-5.0, RectificationRules.RateChange(0.9, 0.85));
        Assert.Null(RectificationRules.RateChange(null, 0.9));
    }
}
