using InquiryLive.Sessions;

namespace InquiryLive.Questions;

public static class QuestionsSetup
{
    public static WebApplicationBuilder AddQuestions(this WebApplicationBuilder builder)
    {
        builder.Services.AddSnapshotPart<ApprovedQuestions>();
        return builder;
    }
}
