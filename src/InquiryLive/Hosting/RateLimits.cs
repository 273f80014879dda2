using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;

namespace InquiryLive.Hosting;

/// <summary>
/// Named rate-limit policies. A refused request gets 429 with Retry-After and a ProblemDetails body
/// in the caller's language.
/// </summary>
public static class RateLimits
{
    public const string Login = "login";

    public static WebApplicationBuilder AddRateLimits(this WebApplicationBuilder builder)
    {
        builder.Services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.OnRejected = async (context, ct) =>
            {
                var retryAfter = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromSeconds(10);
                context.HttpContext.Response.Headers.RetryAfter = ((int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
                await Results.Problem(statusCode: 429).ExecuteAsync(context.HttpContext);
            };
            // Guessing passwords: 10 tries a minute from one address (Identity's lockout guards each account).
            o.AddPolicy(Login, http => RateLimitPartition.GetFixedWindowLimiter(
                ClientAddress(http), _ => new FixedWindowRateLimiterOptions { PermitLimit = 10, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 }));
        });
        return builder;
    }

    public static string ClientAddress(HttpContext http) => http.Connection.RemoteIpAddress?.ToString() ?? "unknown";
}
