using System.Threading.RateLimiting;
using InquiryLive.Accounts;
using InquiryLive.Sessions;
using Microsoft.AspNetCore.RateLimiting;

namespace InquiryLive.Members;

public static class MembersSetup
{
    public static WebApplicationBuilder AddMembers(this WebApplicationBuilder builder)
    {
        // Tokens are 256-bit, so this is not about guessing; it stops one browser flooding the endpoint.
        // Keyed by viewer cookie, not address: a whole hall of members shares one Wi-Fi address.
        builder.Services.Configure<RateLimiterOptions>(o => o.AddPolicy(MembersApi.SignInRateLimit, http =>
            RateLimitPartition.GetFixedWindowLimiter(http.User.ViewerId() ?? Hosting.RateLimits.ClientAddress(http),
                _ => new FixedWindowRateLimiterOptions { PermitLimit = 10, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 })));
        builder.Services.AddSnapshotPart<AttendanceSnapshotPart>();
        return builder;
    }
}
