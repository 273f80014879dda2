namespace InquiryLive.Agenda;

public enum QuestionerKind { Member = 0, Deputy = 1, CitizenRepresentative = 2 }

public enum AgendaItemStatus { Waiting = 0, Current = 1, Done = 2, Deferred = 3 }

/// <summary>An in-hall questioner on the agenda (询问议程), in order, with the department they will ask.</summary>
public sealed class AgendaItem
{
    public int Id { get; set; }
    public Guid SessionId { get; set; }
    public int Order { get; set; }
    public required string QuestionerName { get; set; }
    public QuestionerKind QuestionerKind { get; set; }
    public int? DepartmentId { get; set; }
    /// <summary>A short line on what will be asked, shown to the chair and, once called, to the public.</summary>
    public string Subject { get; set; } = "";
    public AgendaItemStatus Status { get; set; }
}
