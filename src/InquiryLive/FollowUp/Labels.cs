using InquiryLive.Questions;

namespace InquiryLive.FollowUp;

/// <summary>Chinese labels for spreadsheets (pages translate on their own).</summary>
internal static class Labels
{
    public static string Status(QuestionStatus s) => s switch
    {
        QuestionStatus.Pending => "待审核",
        QuestionStatus.Approved => "已采用",
        QuestionStatus.Rejected => "未采用",
        QuestionStatus.Merged => "已合并",
        QuestionStatus.AskedLive => "现场询问中",
        QuestionStatus.Answered => "已现场答复",
        QuestionStatus.Deferred => "延后答复",
        _ => "已书面答复",
    };

    /// <summary>The moderation outcome in one word: what became of the question.</summary>
    public static string Outcome(Question q) => q.Status switch
    {
        QuestionStatus.Pending => "未审核",
        QuestionStatus.Rejected => "未采用",
        QuestionStatus.Merged => "合并",
        QuestionStatus.AnsweredInWriting when q.DecidedAt is null => "未审核",
        _ => "采用",
    };
}
