namespace InquiryLive.Questions;

/// <summary>Payload of the staff events question.submitted and question.updated: <c>{ question }</c>.</summary>
public sealed record StaffQuestionChanged(StaffQuestionView Question);

/// <summary>Payload of the public events question.approved and question.publicUpdated: <c>{ question }</c>.</summary>
public sealed record PublicQuestionChanged(PublicQuestionView Question);

/// <summary>Payload of question.withdrawn: the question left the public approved list.</summary>
public sealed record QuestionWithdrawn(Guid QuestionId);

/// <summary>A viewer's question as sent: the id comes from the browser, so a retry is the same question.</summary>
public sealed record AskRequest(Guid? Id, string? Text, string? Nickname, int? DepartmentId, string? Website);

public static class QuestionRules
{
    public const int MaxTextLength = 500;
    public const int MaxNicknameLength = 30;

    /// <summary>Statuses the public sees on the approved list (approved, and what became of it afterwards).</summary>
    public static readonly QuestionStatus[] PublicStatuses =
    [
        QuestionStatus.Approved, QuestionStatus.AskedLive, QuestionStatus.Answered,
        QuestionStatus.Deferred, QuestionStatus.AnsweredInWriting,
    ];
}
