namespace InquiryLive.Agenda;

public sealed record FollowUpView(long Id, string QuestionerName, string Text, DateTimeOffset At);

/// <summary>
/// The current (or a past) question put in the hall, as every screen shows it: who asks, which
/// department answers, the text, and its follow-ups. Public.
/// </summary>
public sealed record FloorView(
    long Id, int Order, FloorSource Source, string QuestionerName, string? ReadBy, int? DepartmentId,
    string? DepartmentName, string Text, FloorOutcome Outcome, DateTimeOffset CalledAt, DateTimeOffset? AnsweredAt,
    IReadOnlyList<FollowUpView> FollowUps);
