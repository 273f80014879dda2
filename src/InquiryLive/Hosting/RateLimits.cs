using System.ComponentModel.DataAnnotations;
using System.Threading.RateLimiting;
using InquiryLive.Accounts;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace InquiryLive.Hosting;

/// <summary>
/// Named rate-limit policies. A refused request gets 429 with Retry-After and a ProblemDetails body
/// in the caller's language.
/// </summary>
public static class RateLimits
{
    public const string Login = "login";
    public const string Questions = "questions";
    public const string MeToo = "meToo";

    public static WebApplicationBuilder AddRateLimits(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<RateLimitSettings>().BindConfiguration(RateLimitSettings.Section)
            .ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.OnRejected = async (context, ct) =>
            {
                // A refusal is answered after a short pause: a script flooding with many requests in
                // flight then gets a few refusals a second instead of thousands, and the CPU it would
                // have spent on them stays with the viewers who keep to the limits.
                try
                {
                    await Task.Delay(TimeSpan.FromMilliseconds(Settings(context.HttpContext).RefusalPauseMilliseconds), ct);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
                var retryAfter = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromSeconds(10);
                context.HttpContext.Response.Headers.RetryAfter = ((int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
                await Results.Problem(statusCode: 429).ExecuteAsync(context.HttpContext);
            };
            // Guessing passwords: 10 tries a minute from one address (Identity's lockout guards each account).
            o.AddPolicy(Login, http => RateLimitPartition.GetFixedWindowLimiter(
                ClientAddress(http), _ => new FixedWindowRateLimiterOptions { PermitLimit = 10, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 }));

            // Per viewer (the signed cookie id). The looser per-address limit below applies as well.
            o.AddPolicy(Questions, http => PerMinute(ViewerKey(http), Settings(http).QuestionsPerMinute));
            o.AddPolicy(MeToo, http => PerMinute(ViewerKey(http), Settings(http).MeTooPerMinute));

            // Per address, for endpoints marked with AddressLimit: many viewers share one address behind
            // carrier NAT or an office network, so this is loose; it stops a cookie-less flood.
            o.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(http =>
                http.GetEndpoint()?.Metadata.GetMetadata<AddressLimit>() is { } limit
                    ? PerMinute($"{limit.Policy}|{ClientAddress(http)}", limit.PerMinute(Settings(http)))
                    : RateLimitPartition.GetNoLimiter(""));
        });
        return builder;
    }

    /// <summary>Also limits the endpoint per client address (the policy's looser address limit).</summary>
    public static TBuilder RequireAddressLimit<TBuilder>(this TBuilder builder, string policy) where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new AddressLimit(policy));

    public static string ClientAddress(HttpContext http) => http.Connection.RemoteIpAddress?.ToString() ?? "unknown";

    private static string ViewerKey(HttpContext http) => http.User.ViewerId() ?? "ip:" + ClientAddress(http);

    private static RateLimitSettings Settings(HttpContext http) =>
        http.RequestServices.GetRequiredService<IOptionsMonitor<RateLimitSettings>>().CurrentValue;

    private static RateLimitPartition<string> PerMinute(string key, int permits) =>
        RateLimitPartition.GetFixedWindowLimiter(key, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = permits, Window = TimeSpan.FromMinutes(1), QueueLimit = 0,
        });

    private sealed record AddressLimit(string Policy)
    {
        public int PerMinute(RateLimitSettings s) => Policy switch
        {
            Questions => s.QuestionsPerMinutePerAddress,
            MeToo => s.MeTooPerMinutePerAddress,
            _ => int.MaxValue,
        };
    }
}

/// <summary>Limits of public participation (section RateLimits), per viewer and per client address.</summary>
public sealed class RateLimitSettings
{
    public const string Section = "RateLimits";

    [Range(1, 10_000)] public int QuestionsPerMinute { get; set; } = 3;
    [Range(1, 1_000_000)] public int QuestionsPerMinutePerAddress { get; set; } = 120;
    [Range(1, 10_000)] public int MeTooPerMinute { get; set; } = 30;
    [Range(1, 1_000_000)] public int MeTooPerMinutePerAddress { get; set; } = 1200;
    /// <summary>Likes one connection (or one viewer over HTTP) may add per second; more are dropped silently.</summary>
    [Range(1, 10_000)] public int LikesPerSecond { get; set; } = 30;
    /// <summary>Likes one address may add per second over HTTP; more are dropped silently.</summary>
    [Range(1, 1_000_000)] public int LikesPerSecondPerAddress { get; set; } = 3000;
    /// <summary>How long a refused request (429) waits before its answer is sent.</summary>
    [Range(0, 5_000)] public int RefusalPauseMilliseconds { get; set; } = 250;
}
