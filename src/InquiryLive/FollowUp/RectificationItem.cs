namespace InquiryLive.FollowUp;

public enum RectificationSource { Standalone = 0, FloorItem = 1, Poll = 2 }

/// <summary>
/// A rectification item (整改事项) assigned to a department after the sitting: from a question put
/// in the hall, from a vote's verdict, or on its own. Items are never deleted, only closed with a
/// note; every change leaves a <see cref="RectificationUpdate"/>. Its status is computed from dates.
/// </summary>
public sealed class RectificationItem
{
    public long Id { get; set; }
    public Guid SessionId { get; set; }
    public int DepartmentId { get; set; }
    public RectificationSource Source { get; set; }
    public long? FloorItemId { get; set; }
    public Guid? PollId { get; set; }
    public required string Title { get; set; }
    public string Detail { get; set; } = "";
    public DateOnly Deadline { get; set; }
    /// <summary>Who answers for it at the department (a person or an office), as entered by the clerk.</summary>
    public required string Owner { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public required string CreatedBy { get; set; }
    public DateTimeOffset? StartedAt { get; set; }
    public DateTimeOffset? ClosedAt { get; set; }
    public string? ClosingNote { get; set; }
    /// <summary>The latest progress note, shown in lists (the full history is in the updates).</summary>
    public string? LastNote { get; set; }
    public DateTimeOffset? LastUpdateAt { get; set; }
    public List<RectificationUpdate> Updates { get; set; } = [];
}

public enum RectificationUpdateKind { Created = 0, Progress = 1, Started = 2, Closed = 3, SecondEvaluation = 4 }

/// <summary>One entry of an item's history: what happened, the note, who (from the signed-in account) and when.</summary>
public sealed class RectificationUpdate
{
    public long Id { get; set; }
    public long ItemId { get; set; }
    public RectificationUpdateKind Kind { get; set; }
    public string Note { get; set; } = "";
    public required string By { get; set; }
    public DateTimeOffset At { get; set; }
}

/// <summary>
/// A written reply (书面答复) to a viewer's question, as entered by a clerk. Kept as history: a
/// corrected reply adds a row. <see cref="Public"/> is true when the question had been approved
/// for the public list, so the public results page may show it.
/// </summary>
public sealed class WrittenReplyRecord
{
    public long Id { get; set; }
    public Guid SessionId { get; set; }
    public Guid QuestionId { get; set; }
    public int? DepartmentId { get; set; }
    public required string Text { get; set; }
    public bool Public { get; set; }
    public required string By { get; set; }
    public DateTimeOffset At { get; set; }
}
