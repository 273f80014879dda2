namespace InquiryLive.Sessions;

public static class SessionsSetup
{
    public static WebApplicationBuilder AddSessions(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<SnapshotReader>();
        builder.Services.AddSingleton<PublicSessionCache>();
        return builder;
    }
}
