using InquiryLive.Sessions;

namespace InquiryLive.Feed;

public static class FeedSetup
{
    public static WebApplicationBuilder AddFeed(this WebApplicationBuilder builder)
    {
        builder.Services.AddSnapshotPart<LatestFeed>();
        return builder;
    }
}
