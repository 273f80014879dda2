using System.Net.Http.Json;
using System.Text.Json;
using InquiryLive.Live;
using InquiryLive.Questions;
using InquiryLive.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace InquiryLive.Tests.Questions;

/// <summary>What viewers and moderators do in these tests, in a few words each.</summary>
internal static class Viewers
{
    /// <summary>A new phone: its own viewer cookie, issued by its first request.</summary>
    public static async Task<HttpClient> NewViewer(this InquiryApp app)
    {
        var client = app.Browser();
        (await client.GetAsync("/api/auth/me")).EnsureSuccessStatusCode();
        return client;
    }

    public static Task<HttpResponseMessage> Ask(this HttpClient viewer, Guid sessionId, object body, string? language = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, $"/api/sessions/{sessionId}/questions") { Content = JsonContent.Create(body) };
        if (language is not null) request.Headers.AcceptLanguage.ParseAdd(language);
        return viewer.SendAsync(request);
    }

    public static async Task<Guid> AskOk(this HttpClient viewer, Guid sessionId, string text)
    {
        var id = Guid.NewGuid();
        var response = await viewer.Ask(sessionId, new { id, text });
        response.EnsureSuccessStatusCode();
        return id;
    }

    /// <summary>Approves a question the way moderation does: persisted, announced publicly, told to the asker.</summary>
    public static Task Approve(this InquiryApp app, Guid sessionId, Guid questionId) =>
        app.Decide(sessionId, questionId, QuestionStatus.Approved);

    public static async Task Decide(this InquiryApp app, Guid sessionId, Guid questionId, QuestionStatus status)
    {
        using var scope = app.Services.CreateScope();
        var commands = scope.ServiceProvider.GetRequiredService<SessionCommands>();
        await commands.RunAsync(sessionId, async change =>
        {
            var q = await change.Db.Questions.FindAsync(questionId) ?? throw new InvalidOperationException("no question");
            q.Status = status;
            q.DecidedAt = change.Now;
            if (status == QuestionStatus.Approved) change.Publish("question.approved", new PublicQuestionChanged(PublicQuestionView.From(q)));
            change.NotifyViewer(q.ViewerId, new MyQuestionChanged(sessionId, q.Id, JsonNamingPolicy.CamelCase.ConvertName(status.ToString()), q.Text, q.RejectReason, q.MergedIntoId, q.WrittenReply));
        });
    }

    public static async Task<JsonElement> Json(this HttpResponseMessage response) =>
        await response.Content.ReadFromJsonAsync<JsonElement>();
}
