namespace InquiryLive.Agenda;

/// <summary>An agenda item as the admin page and the chair console show it.</summary>
public sealed record AgendaItemView(
    int Id, int Order, string QuestionerName, QuestionerKind QuestionerKind, int? DepartmentId, string? DepartmentName,
    string Subject, AgendaItemStatus Status);

/// <summary>The in-hall questioner the chair would call next (public, on the snapshot's floor section).</summary>
public sealed record AgendaNextView(string QuestionerName, string? DepartmentName);

/// <summary>The public floor section of a snapshot: what is asked now, and who is next on the agenda.</summary>
public sealed record FloorSection(FloorView? Current, AgendaNextView? AgendaNext);

public sealed record AgendaItemRequest(string? QuestionerName, QuestionerKind? QuestionerKind, int? DepartmentId, string? Subject);

public sealed record AgendaOrderRequest(int[]? ItemIds);

/// <summary>Pushed (staff stream) whenever the agenda changes: the whole list, in order, with statuses.</summary>
public sealed record AgendaChanged(IReadOnlyList<AgendaItemView> Items);
