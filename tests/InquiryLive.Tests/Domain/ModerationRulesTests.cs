using InquiryLive.Domain;
using InquiryLive.Domain.Moderation;

namespace InquiryLive.Tests.Domain;

public sealed class ModerationRulesTests
{
    private static readonly DateTimeOffset Now = new(2026, 5, 20, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void AClaimByAnother_HoldsUntilItExpires()
    {
        Assert.True(ModerationRules.HeldByOther("moderator1", Now.AddSeconds(1), "moderator2", Now));
        Assert.False(ModerationRules.HeldByOther("moderator1", Now, "moderator2", Now));
        Assert.False(ModerationRules.HeldByOther("moderator1", Now.AddSeconds(30), "moderator1", Now));
        Assert.False(ModerationRules.HeldByOther(null, null, "moderator2", Now));
    }

    [Fact]
    public void TheConflict_NamesTheHolder_InBothLanguages()
    {
        var e = Assert.Throws<DomainException>(() => ModerationRules.EnsureNotHeldByOther("moderator1", Now.AddSeconds(42), "moderator2", Now));
        Assert.Equal((409, "question.claimed"), (e.Status, e.Code));
        Assert.Contains("moderator1", e.MessageIn(english: false));
        Assert.Contains("42", e.MessageIn(english: true));
    }

    [Fact]
    public void Undo_IsAllowedUpToTheEndOfTheWindow_AndNotAfter()
    {
        ModerationRules.EnsureUndoWindowOpen(Now, Now.AddSeconds(30), TimeSpan.FromSeconds(30));
        Assert.Throws<DomainException>(() => ModerationRules.EnsureUndoWindowOpen(Now, Now.AddSeconds(30.5), TimeSpan.FromSeconds(30)));
    }
}
