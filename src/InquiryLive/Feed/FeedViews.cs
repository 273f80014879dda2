namespace InquiryLive.Feed;

/// <summary>A live feed entry as everyone sees it (no clerk name).</summary>
public sealed record FeedPostView(long Id, string Text, DateTimeOffset PostedAt)
{
    public static FeedPostView From(FeedPost p) => new(p.Id, p.Text, p.PostedAt);
}

/// <summary>Payload of the public event feed.posted: <c>{ post }</c>.</summary>
public sealed record FeedPosted(FeedPostView Post);

public sealed record FeedPostRequest(string? Text);
