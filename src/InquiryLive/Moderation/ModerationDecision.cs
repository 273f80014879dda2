namespace InquiryLive.Moderation;

/// <summary>The audit log of moderation: every decision, who made it, and the text before and after.</summary>
public sealed class ModerationDecision
{
    public long Id { get; set; }
    public Guid SessionId { get; set; }
    public Guid QuestionId { get; set; }
    public required string Moderator { get; set; }
    public required string Action { get; set; }
    public string? BeforeText { get; set; }
    public string? AfterText { get; set; }
    public string? Reason { get; set; }
    public Guid? TargetQuestionId { get; set; }
    public DateTimeOffset At { get; set; }
    public DateTimeOffset? UndoneAt { get; set; }
    /// <summary>The question's fields before this decision (JSON), so an undo restores them exactly.</summary>
    public string? PriorState { get; set; }
}

/// <summary>The kinds of decision in the audit log.</summary>
public static class ModerationActions
{
    public const string Approve = "approve";
    public const string Reject = "reject";
    public const string Edit = "edit";
    public const string Merge = "merge";
    public const string Undo = "undo";
}
