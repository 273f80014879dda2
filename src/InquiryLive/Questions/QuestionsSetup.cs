using InquiryLive.Moderation;
using InquiryLive.Sessions;

namespace InquiryLive.Questions;

public static class QuestionsSetup
{
    public static WebApplicationBuilder AddQuestions(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<ISensitiveWords, ConfiguredSensitiveWords>();
        builder.Services.AddSnapshotPart<ApprovedQuestions>();
        return builder;
    }
}
