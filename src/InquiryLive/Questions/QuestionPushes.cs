using System.Text.Json;
using InquiryLive.Live;

namespace InquiryLive.Questions;

/// <summary>The events a change to a question emits, in one place so every feature says the same.</summary>
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
