using System.Text.Json;
using InquiryLive.Live;
using InquiryLive.Questions;

namespace InquiryLive.Moderation;

/// <summary>
/// The fields of a question a decision may change, captured before it, so that an undo puts them
/// back exactly. <see cref="MergedWeight"/> is what a merge added to the target's count.
/// </summary>
internal sealed record PriorState(
    QuestionStatus Status, string Text, string? OriginalText, string? Flags, int? DepartmentId, string? RejectReason,
    Guid? MergedIntoId, string? DecidedBy, DateTimeOffset? DecidedAt, int MergedWeight = 0)
{
    public static PriorState Of(Question q, int mergedWeight = 0) => new(
        q.Status, q.Text, q.OriginalText, q.Flags, q.DepartmentId, q.RejectReason, q.MergedIntoId, q.DecidedBy, q.DecidedAt, mergedWeight);

    public string ToJson() => JsonSerializer.Serialize(this, LiveJson.Options);

    public static PriorState FromJson(string json) => JsonSerializer.Deserialize<PriorState>(json, LiveJson.Options)!;

    public void RestoreTo(Question q)
    {
        q.Status = Status;
        q.Text = Text;
        q.OriginalText = OriginalText;
        q.Flags = Flags;
        q.DepartmentId = DepartmentId;
        q.RejectReason = RejectReason;
        q.MergedIntoId = MergedIntoId;
        q.DecidedBy = DecidedBy;
        q.DecidedAt = DecidedAt;
    }
}
