namespace InquiryLive.Domain.Moderation;

/// <summary>
/// The rules of moderators working one queue together: a claim is a short lease that keeps others
/// from deciding the same question, and a decision may be undone by its maker only within a window.
/// </summary>
public static class ModerationRules
{
    /// <summary>True when someone other than <paramref name="me"/> holds a claim that has not expired.</summary>
    public static bool HeldByOther(string? claimedBy, DateTimeOffset? claimedUntil, string me, DateTimeOffset now) =>
        claimedBy is not null && claimedBy != me && claimedUntil is { } until && until > now;

    /// <summary>Refuses with 409, naming the holder, when another moderator holds the question.</summary>
    public static void EnsureNotHeldByOther(string? claimedBy, DateTimeOffset? claimedUntil, string me, DateTimeOffset now)
    {
        if (HeldByOther(claimedBy, claimedUntil, me, now))
        {
            var seconds = (int)Math.Ceiling((claimedUntil!.Value - now).TotalSeconds);
            throw new DomainException("question.claimed",
                $"审核员 {claimedBy} 正在处理该问题（{seconds} 秒后释放）。",
                $"Moderator {claimedBy} is handling this question (released in {seconds} s).");
        }
    }

    /// <summary>Refuses when the undo window of a decision has passed.</summary>
    public static void EnsureUndoWindowOpen(DateTimeOffset decidedAt, DateTimeOffset now, TimeSpan window)
    {
        if (now - decidedAt > window)
        {
            throw new DomainException("moderation.undoExpired",
                $"只能在决定后 {window.TotalSeconds:0} 秒内撤销。",
                $"A decision can only be undone within {window.TotalSeconds:0} s.");
        }
    }
}
