using System.Text.Json;
using InquiryLive.Live;
using InquiryLive.Questions;

namespace InquiryLive.Moderation;

/// <summary>Payload of question.submitted / question.updated (staff stream).</summary>
public sealed record StaffQuestionChanged(StaffQuestionView Question);

/// <summary>Payload of question.approved / question.publicUpdated (public stream).</summary>
public sealed record PublicQuestionChanged(PublicQuestionView Question);

/// <summary>Payload of question.withdrawn: the question left the public approved list.</summary>
public sealed record QuestionWithdrawn(Guid QuestionId);

/// <summary>The events a moderation decision emits, in one place so every action says the same.</summary>
internal static class QuestionPushes
{
    public static void Updated(SessionChange change, Question q) =>
        change.PublishToStaff("question.updated", new StaffQuestionChanged(StaffQuestionView.From(q)));

    public static void Approved(SessionChange change, Question q) =>
        change.Publish("question.approved", new PublicQuestionChanged(PublicQuestionView.From(q)));

    public static void PublicUpdated(SessionChange change, Question q) =>
        change.Publish("question.publicUpdated", new PublicQuestionChanged(PublicQuestionView.From(q)));

    public static void Withdrawn(SessionChange change, Question q) =>
        change.Publish("question.withdrawn", new QuestionWithdrawn(q.Id));

    /// <summary>Tells the asker (and only the asker) what became of their question.</summary>
    public static void NotifyAsker(SessionChange change, Question q) =>
        change.NotifyViewer(q.ViewerId, new MyQuestionChanged(q.SessionId, q.Id,
            JsonNamingPolicy.CamelCase.ConvertName(q.Status.ToString()), q.Text, q.RejectReason, q.MergedIntoId, q.WrittenReply));
}
