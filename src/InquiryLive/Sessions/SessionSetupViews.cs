using InquiryLive.Agenda;
using InquiryLive.Domain.Satisfaction;
using InquiryLive.Domain.Sessions;
using InquiryLive.Polls;

namespace InquiryLive.Sessions;

/// <summary>
/// Everything an administrator edits about a session (unlike SessionView, includes the rule set).
/// <c>bar</c> and <c>turnout</c> are preset keys (null only for a fraction no preset names); <c>rule</c>
/// spells the rule out; <c>rulesFrozen</c> is true once the sitting has gone live.
/// </summary>
public sealed record SessionSettingsView(
    Guid Id, string Title, string Topic, string Description, SessionState State, DateTimeOffset? ScheduledStart,
    string? StreamUrl, int AskSeconds, int AnswerSeconds, int FollowUpSeconds, bool FollowUpAllowed,
    string RuleSet, string? Bar, CountBase BarBase, string? Turnout, CountBase TurnoutBase, bool NamedVoting, bool AllowBlankItems,
    RuleView Rule, bool RulesFrozen)
{
    public static SessionSettingsView From(InquirySession s)
    {
        var rule = s.Rule();
        return new(s.Id, s.Title, s.Topic, s.Description, s.State, s.ScheduledStart, s.StreamUrl, s.AskSeconds, s.AnswerSeconds,
            s.FollowUpSeconds, s.FollowUpAllowed, rule.Kind, ThresholdPresets.Of(rule.Bar)?.Key, rule.BarBase,
            ThresholdPresets.Of(rule.Turnout)?.Key, rule.TurnoutBase, s.NamedVoting, s.AllowBlankItems, RuleView.From(rule), s.RulesFrozen);
    }
}

public sealed record RosterEntryView(int Id, string DisplayName, string? UserName, bool HasSignInLink, int? GroupId);

/// <summary>The admin page's whole view of one session.</summary>
public sealed record SessionSetupView(
    SessionSettingsView Settings, IReadOnlyList<DepartmentView> Departments, IReadOnlyList<AgendaItemView> Agenda,
    IReadOnlyList<RosterEntryView> Roster);

/// <summary>
/// Create (POST: left-out fields take the defaults), replace (PUT: every field present) or edit
/// (PATCH: left-out fields keep their value) a session. <c>bar</c>/<c>turnout</c> are preset keys from
/// <c>GET /api/rule-presets</c>; bases are <c>roster</c>, <c>present</c> or <c>validBallots</c>.
/// </summary>
public sealed record SessionSettingsRequest(
    string? Title, string? Topic, string? Description, DateTimeOffset? ScheduledStart, string? StreamUrl,
    int? AskSeconds, int? AnswerSeconds, int? FollowUpSeconds, bool? FollowUpAllowed,
    string? RuleSet, string? Bar, string? BarBase, string? Turnout, string? TurnoutBase, bool? NamedVoting, bool? AllowBlankItems);

public sealed record DepartmentRequest(string? Name, string? HeadTitle);

/// <summary>Pushed (public stream) when an administrator changes what the public sees of a session.</summary>
public sealed record SessionUpdated(SessionView Session);
