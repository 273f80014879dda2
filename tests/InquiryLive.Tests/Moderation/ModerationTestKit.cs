using System.Net.Http.Json;
using System.Text.Json;
using InquiryLive.Live;
using InquiryLive.Moderation;
using InquiryLive.Questions;
using InquiryLive.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace InquiryLive.Tests.Moderation;

/// <summary>A clock the test moves by hand.</summary>
public sealed class FakeTime(DateTimeOffset start) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = start;
    public override DateTimeOffset GetUtcNow() => Now;
    public void Advance(TimeSpan by) => Now += by;
}

/// <summary>Arranging questions as intake stores them, and calling the moderation API.</summary>
internal static class ModerationTestKit
{
    /// <summary>Stores a pending question and its question.submitted event, as viewer intake does.</summary>
    public static async Task<Guid> Submit(this InquiryApp app, Guid sessionId, string text, string viewerId = "viewer-0001",
        int meToo = 0, int merged = 0, string? flags = null, DateTimeOffset? at = null)
    {
        using var scope = app.Services.CreateScope();
        var commands = scope.ServiceProvider.GetRequiredService<SessionCommands>();
        var id = Guid.NewGuid();
        await commands.RunAsync(sessionId, change =>
        {
            var q = new Question
            {
                Id = id, SessionId = sessionId, ViewerId = viewerId, Text = text, Status = QuestionStatus.Pending,
                CreatedAt = at ?? change.Now, MeTooCount = meToo, MergedCount = merged, Flags = flags,
            };
            change.Db.Questions.Add(q);
            change.PublishToStaff("question.submitted", new StaffQuestionChanged(StaffQuestionView.From(q)));
            return Task.CompletedTask;
        });
        return id;
    }

    public static Task<Question> Question(this InquiryApp app, Guid id) =>
        app.Db(db => db.Questions.AsNoTracking().SingleAsync(q => q.Id == id));

    public static Task<List<ModerationDecision>> Decisions(this InquiryApp app, Guid questionId) =>
        app.Db(db => db.ModerationDecisions.AsNoTracking().Where(d => d.QuestionId == questionId).OrderBy(d => d.Id).ToListAsync());

    public static string Url(Guid sessionId, string path) => $"/api/sessions/{sessionId}/moderation/{path}";

    public static Task<HttpResponseMessage> Act(this HttpClient client, Guid sessionId, Guid questionId, string action, object? body = null) =>
        client.PostAsJsonAsync(Url(sessionId, $"questions/{questionId}/{action}"), body ?? new { });

    public static async Task<JsonElement> Json(this HttpResponseMessage response) =>
        await response.Content.ReadFromJsonAsync<JsonElement>();

    /// <summary>A browser with its viewer cookie, and that viewer's id (the asker of a question).</summary>
    public static async Task<(HttpClient Browser, string ViewerId)> Viewer(this InquiryApp app)
    {
        var browser = app.Browser();
        var me = await browser.GetFromJsonAsync<JsonElement>("/api/auth/me");
        return (browser, me.GetProperty("viewerId").GetString()!);
    }
}
