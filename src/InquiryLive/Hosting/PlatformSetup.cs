using InquiryLive.Data;
using InquiryLive.Live;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace InquiryLive.Hosting;

/// <summary>Health check (database reachable), OpenAPI document, JSON options, the clock.</summary>
public static class PlatformSetup
{
    public static WebApplicationBuilder AddPlatform(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.ConfigureHttpJsonOptions(o => LiveJson.Configure(o.SerializerOptions));
        builder.Services.AddHealthChecks().AddDbContextCheck<AppDbContext>("database");
        builder.Services.AddOpenApi();
        return builder;
    }

    public static WebApplication MapPlatform(this WebApplication app)
    {
        app.MapHealthChecks("/healthz", new HealthCheckOptions
        {
            ResultStatusCodes = { [HealthStatus.Unhealthy] = StatusCodes.Status503ServiceUnavailable },
        }).AllowAnonymous();
        app.MapOpenApi().AllowAnonymous();
        return app;
    }
}
