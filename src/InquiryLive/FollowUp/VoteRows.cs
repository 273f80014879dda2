using InquiryLive.Domain.FollowUp;
using InquiryLive.Domain.Satisfaction;
using InquiryLive.Polls;

namespace InquiryLive.FollowUp;

/// <summary>The votes spreadsheet: a row per item for the committee members, then a row per evaluator group (counted apart).</summary>
internal static class VoteRows
{
    public const string Withheld = "未公布（仅主持人和管理员可见）";

    public static IEnumerable<VoteCsvRow> Of(ReportVote v)
    {
        var kind = v.FollowsPollId is not null ? "回头看" : v.Kind == PollKind.Sheet ? "测评表" : "单项测评";
        var state = v.PublishedAt is null ? "未公布" : "已公布";
        VoteCsvRow Base(string itemTitle, string? department) => new()
        {
            PollId = v.PollId, Kind = kind, PollTitle = v.Title, ItemTitle = itemTitle, Department = department ?? "", State = state,
            OpenedAt = RectificationRules.Local(v.OpenedAt), ClosedAt = RectificationRules.Local(v.ClosedAt),
            PublishedAt = RectificationRules.Local(v.PublishedAt), FollowsPollId = v.FollowsPollId?.ToString() ?? "",
        };
        if (v.Result is not { } r)
        {
            yield return Copy(Base("", null), Evaluators: "常委会组成人员", Verdict: Withheld);
            yield break;
        }
        foreach (var i in r.Items)
        {
            var row = Base(i.Title, i.DepartmentName);
            yield return new VoteCsvRow
            {
                PollId = row.PollId, Kind = row.Kind, PollTitle = row.PollTitle, ItemTitle = row.ItemTitle, Department = row.Department,
                Evaluators = "常委会组成人员", State = row.State,
                Satisfied = N(i.Satisfied), BasicallySatisfied = N(i.BasicallySatisfied), Dissatisfied = N(i.Dissatisfied), Blank = N(i.Blank),
                Valid = N(i.Valid), Expected = N(r.Attendance.Expected), Present = N(r.Attendance.Present), OnLeave = N(r.Attendance.OnLeave),
                Voted = N(r.Voted), Verdict = RuleWords.VerdictZh(i.Verdict),
                Figures = string.Join("；", i.Figures.Prepend(i.Turnout).Select(f => $"{f.TextZh}（{f.Percent}，须{f.Bar.NameZh}，{(f.Met ? "达到" : "未达到")}）")),
                InvalidReason = i.InvalidTextZh ?? "", Rule = r.Rule.TextZh,
                Counts = i.Superseded is null ? "计入" : "已被重新测评取代", SupersededReason = i.Superseded?.Reason ?? "",
                EnteredByHand = r.EnteredByHand ? "是" : "否", EnteredBy = r.EnteredBy ?? "",
                OpenedAt = row.OpenedAt, ClosedAt = row.ClosedAt, PublishedAt = row.PublishedAt, FollowsPollId = row.FollowsPollId,
            };
            foreach (var g in i.Groups)
            {
                yield return new VoteCsvRow
                {
                    PollId = row.PollId, Kind = row.Kind, PollTitle = row.PollTitle, ItemTitle = row.ItemTitle, Department = row.Department,
                    Evaluators = $"{g.GroupName}（单独统计，不计入测评结论）", State = row.State,
                    Satisfied = N(g.Satisfied), BasicallySatisfied = N(g.BasicallySatisfied), Dissatisfied = N(g.Dissatisfied), Blank = N(g.Blank),
                    Valid = N(g.Satisfied + g.BasicallySatisfied + g.Dissatisfied), Expected = N(g.Members), Voted = N(g.Voted),
                    OpenedAt = row.OpenedAt, ClosedAt = row.ClosedAt, PublishedAt = row.PublishedAt, FollowsPollId = row.FollowsPollId,
                };
            }
        }
    }

    private static string N(int value) => value.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static VoteCsvRow Copy(VoteCsvRow row, string Evaluators, string Verdict) => new()
    {
        PollId = row.PollId, Kind = row.Kind, PollTitle = row.PollTitle, ItemTitle = row.ItemTitle, Department = row.Department,
        Evaluators = Evaluators, State = row.State, Verdict = Verdict,
        OpenedAt = row.OpenedAt, ClosedAt = row.ClosedAt, PublishedAt = row.PublishedAt, FollowsPollId = row.FollowsPollId,
    };
}
