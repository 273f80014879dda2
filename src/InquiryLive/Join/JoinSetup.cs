namespace InquiryLive.Join;

public static class JoinSetup
{
    public static WebApplicationBuilder AddJoin(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<JoinOptions>().BindConfiguration(JoinOptions.Section)
            .ValidateDataAnnotations().ValidateOnStart();
        return builder;
    }
}
