using InquiryLive.Agenda;
using InquiryLive.Domain.Sessions;

namespace InquiryLive.Sessions;

/// <summary>Everything an administrator edits about a session (unlike SessionView, includes the rule set).</summary>
public sealed record SessionSettingsView(
    Guid Id, string Title, string Topic, string Description, SessionState State, DateTimeOffset? ScheduledStart,
    string? StreamUrl, int AskSeconds, int AnswerSeconds, int FollowUpSeconds, bool FollowUpAllowed,
    string RuleSet, double RateThreshold, double QuorumShare, bool NamedVoting)
{
    public static SessionSettingsView From(InquirySession s) => new(
        s.Id, s.Title, s.Topic, s.Description, s.State, s.ScheduledStart, s.StreamUrl, s.AskSeconds, s.AnswerSeconds,
        s.FollowUpSeconds, s.FollowUpAllowed, s.RuleSet, s.RateThreshold, s.QuorumShare, s.NamedVoting);
}

public sealed record RosterEntryView(int Id, string DisplayName, string? UserName, bool HasSignInLink);

/// <summary>The admin page's whole view of one session.</summary>
public sealed record SessionSetupView(
    SessionSettingsView Settings, IReadOnlyList<DepartmentView> Departments, IReadOnlyList<AgendaItemView> Agenda,
    IReadOnlyList<RosterEntryView> Roster);

/// <summary>Create or edit a session. Null numbers and switches keep their current (or default) value.</summary>
public sealed record SessionSettingsRequest(
    string? Title, string? Topic, string? Description, DateTimeOffset? ScheduledStart, string? StreamUrl,
    int? AskSeconds, int? AnswerSeconds, int? FollowUpSeconds, bool? FollowUpAllowed,
    string? RuleSet, double? RateThreshold, double? QuorumShare, bool? NamedVoting);

public sealed record DepartmentRequest(string? Name, string? HeadTitle);

/// <summary>Pushed (public stream) when an administrator changes what the public sees of a session.</summary>
public sealed record SessionUpdated(SessionView Session);
