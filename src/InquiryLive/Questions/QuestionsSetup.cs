using InquiryLive.Sessions;

namespace InquiryLive.Questions;

public static class QuestionsSetup
{
    public static WebApplicationBuilder AddQuestions(this WebApplicationBuilder builder)
    {
        builder.Services.AddSnapshotPart<ApprovedQuestions>();
        builder.Services.AddSingleton<QuestionIntake>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<QuestionIntake>());
        return builder;
    }
}
