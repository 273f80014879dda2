using InquiryLive.Domain.FollowUp;

namespace InquiryLive.FollowUp;

/// <summary>
/// A rectification item as everyone sees it (public event <c>rectification.changed</c>, public results):
/// no account names. Status is computed at the time the view is made.
/// </summary>
public sealed record RectificationView(
    long Id, int DepartmentId, string? DepartmentName, RectificationSource Source, long? FloorItemId, Guid? PollId,
    string Title, string Detail, DateOnly Deadline, string Owner, RectificationStatus Status,
    DateTimeOffset CreatedAt, DateTimeOffset? StartedAt, DateTimeOffset? ClosedAt, string? ClosingNote,
    string? LastNote, DateTimeOffset? LastUpdateAt)
{
    public static RectificationView From(RectificationItem r, string? departmentName, DateTimeOffset now) => new(
        r.Id, r.DepartmentId, departmentName, r.Source, r.FloorItemId, r.PollId, r.Title, r.Detail, r.Deadline, r.Owner,
        RectificationRules.Status(r.Deadline, r.StartedAt, r.ClosedAt, now), r.CreatedAt, r.StartedAt, r.ClosedAt,
        r.ClosingNote, r.LastNote, r.LastUpdateAt);
}

public sealed record RectificationUpdateView(long Id, RectificationUpdateKind Kind, string Note, string By, DateTimeOffset At);

/// <summary>An item with its whole history, for staff.</summary>
public sealed record RectificationDetail(RectificationView Item, string CreatedBy, IReadOnlyList<RectificationUpdateView> History);

public sealed record RectificationChanged(RectificationView Item);

/// <summary>A written reply as the public results page shows it: the question and the reply, no viewer id.</summary>
public sealed record PublicWrittenReplyView(Guid QuestionId, string QuestionText, int? DepartmentId, string? DepartmentName, string Reply, DateTimeOffset RepliedAt);

/// <summary>A question that still needs a written reply (deferred, approved but not asked, or pending after the sitting).</summary>
public sealed record AwaitingReplyView(Guid QuestionId, string Text, string? Nickname, string Status, int AskedBy, DateTimeOffset CreatedAt, string? WrittenReply);

public sealed record AwaitingReplyGroup(int? DepartmentId, string? DepartmentName, IReadOnlyList<AwaitingReplyView> Questions);
