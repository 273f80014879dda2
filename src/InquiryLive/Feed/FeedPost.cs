namespace InquiryLive.Feed;

/// <summary>One entry of the live text feed (图文直播), posted by a clerk.</summary>
public sealed class FeedPost
{
    public long Id { get; set; }
    public Guid SessionId { get; set; }
    public required string Text { get; set; }
    public required string PostedBy { get; set; }
    public DateTimeOffset PostedAt { get; set; }
}
