using InquiryLive.Sessions;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace InquiryLive.Moderation;

public static class ModerationSetup
{
    public static WebApplicationBuilder AddModeration(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<ModerationOptions>().BindConfiguration("Moderation")
            .ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton<StoredSensitiveWords>();
        // The admin-edited list is the one in force, whoever registered a default before.
        builder.Services.Replace(ServiceDescriptor.Singleton<ISensitiveWords>(sp => sp.GetRequiredService<StoredSensitiveWords>()));
        builder.Services.AddScoped<ModerationDesk>();
        builder.Services.AddSnapshotPart<QueueCountsPart>();
        return builder;
    }
}
