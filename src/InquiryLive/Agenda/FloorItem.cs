namespace InquiryLive.Agenda;

public enum FloorSource { Agenda = 0, Online = 1 }

public enum FloorOutcome { Current = 0, Answered = 1, Deferred = 2 }

/// <summary>
/// One question actually put in the hall, in the order the chair called them: from the agenda or
/// an approved online question read out by a named person. The session report lists these.
/// </summary>
public sealed class FloorItem
{
    public long Id { get; set; }
    public Guid SessionId { get; set; }
    public int Order { get; set; }
    public FloorSource Source { get; set; }
    public int? AgendaItemId { get; set; }
    public Guid? QuestionId { get; set; }
    public required string QuestionerName { get; set; }
    public string? ReadBy { get; set; }
    public int? DepartmentId { get; set; }
    public string Text { get; set; } = "";
    public FloorOutcome Outcome { get; set; }
    public DateTimeOffset CalledAt { get; set; }
    public DateTimeOffset? AnsweredAt { get; set; }
    public List<FollowUpQuestion> FollowUps { get; set; } = [];
}

/// <summary>A short follow-up question (追问) attached to the current floor item.</summary>
public sealed class FollowUpQuestion
{
    public long Id { get; set; }
    public long FloorItemId { get; set; }
    public required string QuestionerName { get; set; }
    public string Text { get; set; } = "";
    public DateTimeOffset At { get; set; }
}
