using CsvHelper.Configuration.Attributes;

namespace InquiryLive.FollowUp;

// Column headers are Chinese: the files are opened in Excel by the committee's office.

public sealed class QuestionCsvRow
{
    [Name("编号")] public Guid Id { get; init; }
    [Name("提交时间")] public string CreatedAt { get; init; } = "";
    [Name("昵称")] public string Nickname { get; init; } = "";
    [Name("应询部门")] public string Department { get; init; } = "";
    [Name("问题")] public string Text { get; init; } = "";
    [Name("原文")] public string OriginalText { get; init; } = "";
    [Name("状态")] public string Status { get; init; } = "";
    [Name("审核结果")] public string Outcome { get; init; } = "";
    [Name("同问人数")] public int AskedBy { get; init; }
    [Name("合并到")] public string MergedInto { get; init; } = "";
    [Name("未采用理由")] public string RejectReason { get; init; } = "";
    [Name("审核人")] public string DecidedBy { get; init; } = "";
    [Name("审核时间")] public string DecidedAt { get; init; } = "";
    [Name("现场询问时间")] public string AskedAt { get; init; } = "";
    [Name("书面答复")] public string WrittenReply { get; init; } = "";
    [Name("答复时间")] public string WrittenReplyAt { get; init; } = "";
}

public sealed class ModerationCsvRow
{
    [Name("时间")] public string At { get; init; } = "";
    [Name("审核员")] public string Moderator { get; init; } = "";
    [Name("操作")] public string Action { get; init; } = "";
    [Name("问题编号")] public Guid QuestionId { get; init; }
    [Name("修改前")] public string BeforeText { get; init; } = "";
    [Name("修改后")] public string AfterText { get; init; } = "";
    [Name("理由")] public string Reason { get; init; } = "";
    [Name("合并目标")] public string TargetQuestionId { get; init; } = "";
    [Name("撤销时间")] public string UndoneAt { get; init; } = "";
}

/// <summary>
/// One row per item of a vote and per group of evaluators: every figure printed with its base
/// ("满意＋基本满意 30 / 有效票 33"), never a bare percentage. Counts are empty while withheld (unpublished).
/// </summary>
public sealed class VoteCsvRow
{
    [Name("测评编号")] public Guid PollId { get; init; }
    [Name("测评类型")] public string Kind { get; init; } = "";
    [Name("测评名称")] public string PollTitle { get; init; } = "";
    [Name("测评项")] public string ItemTitle { get; init; } = "";
    [Name("应询部门")] public string Department { get; init; } = "";
    [Name("测评人员")] public string Evaluators { get; init; } = "";
    [Name("状态")] public string State { get; init; } = "";
    [Name("满意")] public string Satisfied { get; init; } = "";
    [Name("基本满意")] public string BasicallySatisfied { get; init; } = "";
    [Name("不满意")] public string Dissatisfied { get; init; } = "";
    [Name("未填")] public string Blank { get; init; } = "";
    [Name("有效票")] public string Valid { get; init; } = "";
    [Name("应到")] public string Expected { get; init; } = "";
    [Name("实到")] public string Present { get; init; } = "";
    [Name("请假")] public string OnLeave { get; init; } = "";
    [Name("参加测评")] public string Voted { get; init; } = "";
    [Name("测评结论")] public string Verdict { get; init; } = "";
    [Name("结论依据")] public string Figures { get; init; } = "";
    [Name("无效原因")] public string InvalidReason { get; init; } = "";
    [Name("测评规则")] public string Rule { get; init; } = "";
    [Name("是否计入")] public string Counts { get; init; } = "";
    [Name("重新测评理由")] public string SupersededReason { get; init; } = "";
    [Name("纸质票")] public string EnteredByHand { get; init; } = "";
    [Name("录入人")] public string EnteredBy { get; init; } = "";
    [Name("开始时间")] public string OpenedAt { get; init; } = "";
    [Name("结束时间")] public string ClosedAt { get; init; } = "";
    [Name("公布时间")] public string PublishedAt { get; init; } = "";
    [Name("对照首次测评")] public string FollowsPollId { get; init; } = "";
}
