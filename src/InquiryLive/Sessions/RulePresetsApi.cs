using InquiryLive.Accounts;
using InquiryLive.Domain.Satisfaction;
using InquiryLive.Polls;
using Microsoft.AspNetCore.Http.HttpResults;

namespace InquiryLive.Sessions;

public sealed record NamedOption(string Key, string NameZh, string NameEn);

/// <summary>What the rule set of a session can be made of, with the words for each, and the default.</summary>
public sealed record RulePresets(
    IReadOnlyList<NamedOption> RuleSets, IReadOnlyList<ThresholdView> Thresholds, IReadOnlyList<NamedOption> Bases, RuleView Default);

/// <summary>The named presets the admin page (and any client) chooses from; thresholds are never typed as decimals.</summary>
internal static class RulePresetsApi
{
    public static IEndpointRouteBuilder MapRulePresets(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/rule-presets", Get).WithTags("Session setup").RequireAuthorization(Policies.Public);
        return app;
    }

    private static Ok<RulePresets> Get() => TypedResults.Ok(new RulePresets(
        RuleKinds.All.Select(k => new NamedOption(k, RuleKinds.NameZh(k), RuleKinds.NameEn(k))).ToList(),
        ThresholdPresets.All.Select(p => ThresholdView.From(p.Threshold)).ToList(),
        Enum.GetValues<CountBase>().Select(b => new NamedOption(System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(b.ToString()),
            CountBaseNames.Zh(b), CountBaseNames.En(b))).ToList(),
        RuleView.From(EvaluationRule.Default)));
}
