using InquiryLive.Data;
using InquiryLive.Live;
using Microsoft.AspNetCore.Connections;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace InquiryLive.Hosting;

/// <summary>Health check (database reachable), OpenAPI document, JSON options, the clock, Kestrel's socket buffers.</summary>
public static class PlatformSetup
{
    public static WebApplicationBuilder AddPlatform(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.UseTrimmingSocketBuffers();
        builder.Services.ConfigureHttpJsonOptions(o => LiveJson.Configure(o.SerializerOptions));
        builder.Services.AddHealthChecks().AddDbContextCheck<AppDbContext>("database");
        builder.Services.AddOpenApi();
        return builder;
    }

    /// <summary>
    /// Kestrel's sockets rent from <see cref="TrimmingBlockMemoryPool"/>s. Kestrel registers its own
    /// factory with every <c>UseKestrel</c> and the last registration wins, so this must come after it
    /// (in the app it does: the builder adds Kestrel before any of this setup runs).
    /// </summary>
    public static IServiceCollection UseTrimmingSocketBuffers(this IServiceCollection services)
    {
        services.TryAddSingleton<TrimmingBlockMemoryPoolFactory>();
        services.AddSingleton<IMemoryPoolFactory<byte>>(sp => sp.GetRequiredService<TrimmingBlockMemoryPoolFactory>());
        return services;
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
