using System.Threading.RateLimiting;
using InquiryLive.Accounts;
using InquiryLive.Sessions;
using Microsoft.AspNetCore.RateLimiting;

namespace InquiryLive.Polls;

public static class PollsSetup
{
    public static WebApplicationBuilder AddPolls(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddSingleton<PollPulse>();
        services.AddSingleton<PollClock>();
        services.AddHostedService(sp => sp.GetRequiredService<PollClock>());
        services.AddSnapshotPart<PollSnapshotPart>();
        services.AddSnapshotPart<ResultsSnapshotPart>();
        // Rating is once per viewer anyway; this stops one browser hammering the database with repeats.
        services.Configure<RateLimiterOptions>(o => o.AddPolicy(PublicRatingApi.RateLimit, http =>
            RateLimitPartition.GetFixedWindowLimiter(http.User.ViewerId() ?? Hosting.RateLimits.ClientAddress(http),
                _ => new FixedWindowRateLimiterOptions { PermitLimit = 5, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 })));
        return builder;
    }

    public static WebApplication MapPolls(this WebApplication app)
    {
        app.MapPollControl();
        app.MapBallots();
        app.MapPublicRating();
        return app;
    }
}
