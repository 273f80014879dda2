using Serilog;

namespace InquiryLive.Hosting;

public static class LoggingSetup
{
    /// <summary>
    /// Serilog from the "Serilog" section of appsettings.json (console + rolling file), and request
    /// logs from ASP.NET Core's own HTTP logging. Query strings and headers are not logged, so no
    /// sign-in token or cookie ever reaches a log line.
    /// </summary>
    public static WebApplicationBuilder AddLogging(this WebApplicationBuilder builder)
    {
        var logger = new LoggerConfiguration()
            .ReadFrom.Configuration(builder.Configuration)
            .CreateLogger();
        builder.Logging.ClearProviders();
        builder.Logging.AddSerilog(logger, dispose: true);

        builder.Services.AddHttpLogging(o =>
        {
            o.LoggingFields = Microsoft.AspNetCore.HttpLogging.HttpLoggingFields.RequestMethod
                | Microsoft.AspNetCore.HttpLogging.HttpLoggingFields.RequestPath
                | Microsoft.AspNetCore.HttpLogging.HttpLoggingFields.ResponseStatusCode
                | Microsoft.AspNetCore.HttpLogging.HttpLoggingFields.Duration;
            o.CombineLogs = true;
        });
        return builder;
    }
}
