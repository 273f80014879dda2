using System.Text.Json;
using InquiryLive.Domain.Satisfaction;
using InquiryLive.Domain.Sessions;
using InquiryLive.Domain.Text;
using InquiryLive.Hosting;
using InquiryLive.Polls;

namespace InquiryLive.Sessions;

/// <summary>
/// Validates and applies a <see cref="SessionSettingsRequest"/>: all field errors at once, nothing
/// half-applied. A full replacement (PUT) must carry every field; a partial edit (PATCH) keeps what
/// it does not carry; a new session takes the defaults for what it leaves out.
/// </summary>
internal static class SessionSettingsInput
{
    /// <summary>The fields a full replacement must carry (null is allowed where the field may be empty).</summary>
    public static readonly string[] AllFields =
    [
        "title", "topic", "description", "scheduledStart", "streamUrl", "askSeconds", "answerSeconds", "followUpSeconds",
        "followUpAllowed", "ruleSet", "bar", "barBase", "turnout", "turnoutBase", "namedVoting", "allowBlankItems",
    ];

    /// <summary>
    /// Fields a full replacement may not leave null: they have no "empty". <c>bar</c> and <c>turnout</c>
    /// may be null: the stored fraction, for a rule no preset names (a decimal threshold migrated from
    /// before the presets), which a client can show but not choose.
    /// </summary>
    private static readonly string[] NeverNull =
        ["title", "askSeconds", "answerSeconds", "followUpSeconds", "followUpAllowed", "ruleSet", "barBase", "turnoutBase", "namedVoting", "allowBlankItems"];

    /// <summary>For a PUT: every field the body lacks, or sets to null where it cannot be empty.</summary>
    public static InputErrors RequireAll(JsonElement body, InputErrors errors)
    {
        var present = body.ValueKind == JsonValueKind.Object
            ? body.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.ValueKind, StringComparer.OrdinalIgnoreCase)
            : [];
        foreach (var field in AllFields)
        {
            var missing = !present.TryGetValue(field, out var kind) || (kind == JsonValueKind.Null && NeverNull.Contains(field));
            errors.Require(!missing, field, "整体修改（PUT）须包含此项；只改部分设置请用 PATCH。",
                "A full replacement (PUT) must carry this field; use PATCH to change only some settings.");
        }
        return errors;
    }

    public static InputErrors Validate(SessionSettingsRequest r, InquirySession current, InputErrors errors, bool partial)
    {
        var title = PlainText.Normalize(r.Title);
        var streamUrl = r.StreamUrl?.Trim();
        errors
            .Require((partial && r.Title is null) || title.Length is > 0 and <= 200, "title", "请填写标题（不超过 200 字）。", "Enter a title (up to 200 characters).")
            .Require(PlainText.Normalize(r.Topic).Length <= 500, "topic", "主题不超过 500 字。", "The topic may have up to 500 characters.")
            .Require(PlainText.Normalize(r.Description, keepLineBreaks: true).Length <= 4000, "description", "简介不超过 4000 字。", "The description may have up to 4000 characters.")
            .Require(string.IsNullOrEmpty(streamUrl) || (streamUrl.Length <= 1000 && SessionSettingsRules.IsStreamUrl(streamUrl)),
                "streamUrl", "直播地址须以 http:// 或 https:// 开头。", "The stream address must be an http:// or https:// URL.")
            .Require(r.AskSeconds is null || SessionSettingsRules.IsClockSeconds(r.AskSeconds.Value), "askSeconds", "提问时长须在 10 秒到 60 分钟之间。", "Ask time must be between 10 seconds and 60 minutes.")
            .Require(r.AnswerSeconds is null || SessionSettingsRules.IsClockSeconds(r.AnswerSeconds.Value), "answerSeconds", "答询时长须在 10 秒到 60 分钟之间。", "Answer time must be between 10 seconds and 60 minutes.")
            .Require(r.FollowUpSeconds is null || SessionSettingsRules.IsClockSeconds(r.FollowUpSeconds.Value), "followUpSeconds", "追问时长须在 10 秒到 60 分钟之间。", "Follow-up time must be between 10 seconds and 60 minutes.")
            .Require(r.RuleSet is null || RuleKinds.IsKnown(r.RuleSet), "ruleSet", "测评规则须为满意率规则（rate）或过半数分档规则（majority）。", "The rule set must be rate or majority.")
            .Require(r.Bar is null || ThresholdPresets.Find(r.Bar) is not null, "bar", "请从列表中选择测评门槛。", "Choose the bar from the list of presets.")
            .Require(r.Turnout is null || ThresholdPresets.Find(r.Turnout) is not null, "turnout", "请从列表中选择参加测评人数下限。", "Choose the minimum turnout from the list of presets.")
            .Require(r.BarBase is null || ParseBase(r.BarBase) is not null, "barBase", "基数须为全体组成人员、实到人数或有效票。", "The base must be roster, present or validBallots.")
            .Require(r.TurnoutBase is null || ParseBase(r.TurnoutBase) is not null, "turnoutBase", "基数须为全体组成人员或实到人数。", "The base must be roster or present.");
        if (!errors.Any)
        {
            foreach (var (field, zh, en) in RuleOf(r, current).Problems()) errors.Add(field == "turnout.base" ? "turnoutBase" : field, zh, en);
        }
        return errors;
    }

    /// <summary>The rule the request asks for, fields it leaves out taken from the session's current rule.</summary>
    public static EvaluationRule RuleOf(SessionSettingsRequest r, InquirySession current)
    {
        var rule = current.Rule();
        return new EvaluationRule(
            r.RuleSet ?? rule.Kind,
            ThresholdPresets.Find(r.Bar)?.Threshold ?? rule.Bar,
            ParseBase(r.BarBase) ?? rule.BarBase,
            ThresholdPresets.Find(r.Turnout)?.Threshold ?? rule.Turnout,
            ParseBase(r.TurnoutBase) ?? rule.TurnoutBase);
    }

    /// <summary>True when applying the request would change what votes are judged by.</summary>
    public static bool ChangesRules(SessionSettingsRequest r, InquirySession s) =>
        RuleOf(r, s) != s.Rule() || (r.NamedVoting is { } named && named != s.NamedVoting)
        || (r.AllowBlankItems is { } blank && blank != s.AllowBlankItems);

    /// <summary>Applies a validated request. <c>partial</c> (PATCH): text fields left out (null) keep their value; otherwise null text means empty.</summary>
    public static void Apply(SessionSettingsRequest r, InquirySession s, bool partial)
    {
        if (!partial || r.Title is not null) s.Title = PlainText.Normalize(r.Title);
        if (!partial || r.Topic is not null) s.Topic = PlainText.Normalize(r.Topic);
        if (!partial || r.Description is not null) s.Description = PlainText.Normalize(r.Description, keepLineBreaks: true);
        if (!partial || r.ScheduledStart is not null) s.ScheduledStart = r.ScheduledStart;
        if (!partial || r.StreamUrl is not null) s.StreamUrl = string.IsNullOrWhiteSpace(r.StreamUrl) ? null : r.StreamUrl.Trim();
        s.AskSeconds = r.AskSeconds ?? s.AskSeconds;
        s.AnswerSeconds = r.AnswerSeconds ?? s.AnswerSeconds;
        s.FollowUpSeconds = r.FollowUpSeconds ?? s.FollowUpSeconds;
        s.FollowUpAllowed = r.FollowUpAllowed ?? s.FollowUpAllowed;
        s.SetRule(RuleOf(r, s));
        s.NamedVoting = r.NamedVoting ?? s.NamedVoting;
        s.AllowBlankItems = r.AllowBlankItems ?? s.AllowBlankItems;
    }

    private static CountBase? ParseBase(string? value) =>
        Enum.TryParse<CountBase>(value, ignoreCase: true, out var b) && Enum.IsDefined(b) && !int.TryParse(value, out _) ? b : null;
}
