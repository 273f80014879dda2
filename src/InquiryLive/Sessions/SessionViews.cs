using InquiryLive.Domain.Sessions;

namespace InquiryLive.Sessions;

public sealed record DepartmentView(int Id, string Name, string HeadTitle);

public sealed record SessionSummary(Guid Id, string Title, string Topic, SessionState State, DateTimeOffset? ScheduledStart);

/// <summary>The public facts of a session: settings, state, departments, clock and counters.</summary>
public sealed record SessionView(
    Guid Id, string Title, string Topic, string Description, SessionState State, DateTimeOffset? ScheduledStart,
    string? StreamUrl, IReadOnlyList<DepartmentView> Departments,
    int AskSeconds, int AnswerSeconds, int FollowUpSeconds, bool FollowUpAllowed,
    ClockView Clock, long Likes, long ViewerVisits, int PeakViewers)
{
    public static SessionView From(InquirySession s, long unsavedLikes = 0) => new(
        s.Id, s.Title, s.Topic, s.Description, s.State, s.ScheduledStart, s.StreamUrl,
        s.Departments.OrderBy(d => d.Order).Select(d => new DepartmentView(d.Id, d.Name, d.HeadTitle)).ToList(),
        s.AskSeconds, s.AnswerSeconds, s.FollowUpSeconds, s.FollowUpAllowed,
        ClockView.From(s), s.LikeCount + unsavedLikes, s.ViewerVisits, s.PeakViewers);
}

/// <summary>
/// The shared answer clock. Clients compute remaining = durationMs - elapsedMs - (now - startedAt)
/// with now corrected by the server time they received, so every screen shows the same figure.
/// </summary>
public sealed record ClockView(string? Phase, int DurationSeconds, DateTimeOffset? StartedAt, long ElapsedMs, bool Running)
{
    public static ClockView From(InquirySession s) =>
        new(s.ClockPhase, s.ClockDurationSeconds, s.ClockStartedAt, s.ClockElapsedMs, s.ClockStartedAt is not null);
}
