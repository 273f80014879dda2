namespace InquiryLive.Moderation;

/// <summary>One entry of the admin-edited sensitive-word list (Chinese or English).</summary>
public sealed class SensitiveWord
{
    public int Id { get; set; }
    public required string Word { get; set; }
}
