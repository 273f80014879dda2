using InquiryLive.Domain.Sessions;
using InquiryLive.Domain.Text;
using InquiryLive.Hosting;

namespace InquiryLive.Sessions;

/// <summary>Validates and applies a <see cref="SessionSettingsRequest"/>: all field errors at once, nothing half-applied.</summary>
internal static class SessionSettingsInput
{
    public static InputErrors Validate(SessionSettingsRequest r, HttpContext http)
    {
        var title = PlainText.Normalize(r.Title);
        var streamUrl = r.StreamUrl?.Trim();
        return new InputErrors(http)
            .Require(title.Length is > 0 and <= 200, "title", "请填写标题（不超过 200 字）。", "Enter a title (up to 200 characters).")
            .Require(PlainText.Normalize(r.Topic).Length <= 500, "topic", "主题不超过 500 字。", "The topic may have up to 500 characters.")
            .Require(PlainText.Normalize(r.Description, keepLineBreaks: true).Length <= 4000, "description", "简介不超过 4000 字。", "The description may have up to 4000 characters.")
            .Require(string.IsNullOrEmpty(streamUrl) || (streamUrl.Length <= 1000 && SessionSettingsRules.IsStreamUrl(streamUrl)),
                "streamUrl", "直播地址须以 http:// 或 https:// 开头。", "The stream address must be an http:// or https:// URL.")
            .Require(r.AskSeconds is null || SessionSettingsRules.IsClockSeconds(r.AskSeconds.Value), "askSeconds", "提问时长须在 10 秒到 60 分钟之间。", "Ask time must be between 10 seconds and 60 minutes.")
            .Require(r.AnswerSeconds is null || SessionSettingsRules.IsClockSeconds(r.AnswerSeconds.Value), "answerSeconds", "答询时长须在 10 秒到 60 分钟之间。", "Answer time must be between 10 seconds and 60 minutes.")
            .Require(r.FollowUpSeconds is null || SessionSettingsRules.IsClockSeconds(r.FollowUpSeconds.Value), "followUpSeconds", "追问时长须在 10 秒到 60 分钟之间。", "Follow-up time must be between 10 seconds and 60 minutes.")
            .Require(r.RuleSet is null || SessionSettingsRules.RuleSets.Contains(r.RuleSet), "ruleSet", "测评规则须为 rate 或 allMembers。", "The rule set must be rate or allMembers.")
            .Require(r.RateThreshold is null || SessionSettingsRules.IsShare(r.RateThreshold.Value), "rateThreshold", "满意率门槛须在 0 到 1 之间。", "The rate threshold must be between 0 and 1.")
            .Require(r.QuorumShare is null || SessionSettingsRules.IsShare(r.QuorumShare.Value), "quorumShare", "法定人数比例须在 0 到 1 之间。", "The quorum share must be between 0 and 1.");
    }

    public static void Apply(SessionSettingsRequest r, InquirySession s)
    {
        s.Title = PlainText.Normalize(r.Title);
        s.Topic = PlainText.Normalize(r.Topic);
        s.Description = PlainText.Normalize(r.Description, keepLineBreaks: true);
        s.ScheduledStart = r.ScheduledStart;
        s.StreamUrl = string.IsNullOrWhiteSpace(r.StreamUrl) ? null : r.StreamUrl.Trim();
        s.AskSeconds = r.AskSeconds ?? s.AskSeconds;
        s.AnswerSeconds = r.AnswerSeconds ?? s.AnswerSeconds;
        s.FollowUpSeconds = r.FollowUpSeconds ?? s.FollowUpSeconds;
        s.FollowUpAllowed = r.FollowUpAllowed ?? s.FollowUpAllowed;
        s.RuleSet = r.RuleSet ?? s.RuleSet;
        s.RateThreshold = r.RateThreshold ?? s.RateThreshold;
        s.QuorumShare = r.QuorumShare ?? s.QuorumShare;
        s.NamedVoting = r.NamedVoting ?? s.NamedVoting;
    }
}
