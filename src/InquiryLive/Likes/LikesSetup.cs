namespace InquiryLive.Likes;

public static class LikesSetup
{
    public static WebApplicationBuilder AddLikes(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<HttpLikeLimiter>();
        return builder;
    }
}
