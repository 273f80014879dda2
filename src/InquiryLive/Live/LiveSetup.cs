using Microsoft.AspNetCore.SignalR;

namespace InquiryLive.Live;

public static class LiveSetup
{
    public static WebApplicationBuilder AddLive(this WebApplicationBuilder builder)
    {
        builder.Services.AddSignalR(o =>
            {
                // Clients send small things (join, likes); a big frame is an attack, not a use.
                o.MaximumReceiveMessageSize = 4 * 1024;
                o.EnableDetailedErrors = builder.Environment.IsDevelopment();
                o.AddFilter<HubRateLimitFilter>();
            })
            .AddJsonProtocol(o => LiveJson.Configure(o.PayloadSerializerOptions));
        builder.Services.AddOptions<LiveOptions>().BindConfiguration(LiveOptions.Section)
            .ValidateDataAnnotations().ValidateOnStart();
        // The viewers' hub hands a push to a big audience a batch at a time; the staff hub keeps SignalR's own.
        builder.Services.AddSingleton<PacedGroupLifetimeManager<LiveHub>>();
        builder.Services.AddSingleton<HubLifetimeManager<LiveHub>>(sp => sp.GetRequiredService<PacedGroupLifetimeManager<LiveHub>>());
        builder.Services.AddSingleton<IUserIdProvider, ViewerUserIds>();
        builder.Services.AddSingleton<LiveNotifier>();
        builder.Services.AddSingleton<AccountConnections>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<LiveNotifier>());
        builder.Services.AddSingleton<LiveCluster>();
        builder.Services.AddSingleton<EventRelay>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<EventRelay>());
        builder.Services.AddSingleton<PresenceTracker>();
        builder.Services.AddSingleton<LikeCounter>();
        builder.Services.AddSingleton<CountersPump>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<CountersPump>());
        builder.Services.AddScoped<SessionCommands>();
        builder.Services.AddSingleton<GroupCommit>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<GroupCommit>());
        return builder;
    }

    public static WebApplication MapLive(this WebApplication app)
    {
        app.MapHub<LiveHub>("/hubs/live", LiveNotifier.CloseSlowConnections);
        app.MapHub<ConsoleHub>("/hubs/console", LiveNotifier.CloseSlowConnections);
        return app;
    }
}
