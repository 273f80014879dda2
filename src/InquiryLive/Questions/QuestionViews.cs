namespace InquiryLive.Questions;

/// <summary>
/// A question as staff consoles see it (moderation queue, chair's online list): everything,
/// including flags and who holds or decided it. Sent in staff events and staff endpoints only.
/// </summary>
public sealed record StaffQuestionView(
    Guid Id, string Text, string? OriginalText, string? Nickname, int? DepartmentId, QuestionStatus Status,
    DateTimeOffset CreatedAt, int MeTooCount, int MergedCount, Guid? MergedIntoId, string[] Flags,
    string? ClaimedBy, DateTimeOffset? ClaimedUntil, string? DecidedBy, DateTimeOffset? DecidedAt, string? RejectReason)
{
    /// <summary>"N people asked this": the asker, those merged in, and every "me too".</summary>
    public int AskedBy => 1 + MergedCount + MeTooCount;

    public static StaffQuestionView From(Question q) => new(
        q.Id, q.Text, q.OriginalText, q.Nickname, q.DepartmentId, q.Status, q.CreatedAt, q.MeTooCount, q.MergedCount,
        q.MergedIntoId, string.IsNullOrEmpty(q.Flags) ? [] : q.Flags.Split(','), q.ClaimedBy, q.ClaimedUntil,
        q.DecidedBy, q.DecidedAt, q.RejectReason);
}

/// <summary>
/// A question as the public sees it once approved: no viewer id, no flags, no moderator names.
/// </summary>
public sealed record PublicQuestionView(
    Guid Id, string Text, string? Nickname, int? DepartmentId, QuestionStatus Status, DateTimeOffset CreatedAt,
    int MeTooCount, int MergedCount)
{
    public int AskedBy => 1 + MergedCount + MeTooCount;

    public static PublicQuestionView From(Question q) =>
        new(q.Id, q.Text, q.Nickname, q.DepartmentId, q.Status, q.CreatedAt, q.MeTooCount, q.MergedCount);
}

/// <summary>A viewer's own question on "my questions": the status, the reason, the reply.</summary>
public sealed record MyQuestionView(
    Guid Id, string Text, string? OriginalText, int? DepartmentId, QuestionStatus Status, DateTimeOffset CreatedAt,
    string? RejectReason, Guid? MergedIntoId, string? WrittenReply, int MeTooCount)
{
    public static MyQuestionView From(Question q) =>
        new(q.Id, q.Text, q.OriginalText, q.DepartmentId, q.Status, q.CreatedAt, q.RejectReason, q.MergedIntoId, q.WrittenReply, q.MeTooCount);
}
