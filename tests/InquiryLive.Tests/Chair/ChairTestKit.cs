using System.Net.Http.Json;
using InquiryLive.Questions;
using InquiryLive.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace InquiryLive.Tests.Chair;

/// <summary>A clock the test moves by hand.</summary>
public sealed class ManualTime(DateTimeOffset start) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = start;

    public override DateTimeOffset GetUtcNow() => Now;

    public void Advance(TimeSpan by) => Now += by;
}

internal static class ChairTestKit
{
    public static async Task GoLive(this InquiryApp app, HttpClient chair, Guid sessionId) =>
        (await chair.PostAsJsonAsync($"/api/sessions/{sessionId}/transitions", new { to = "live" })).EnsureSuccessStatusCode();

    public static Task<int[]> AgendaIds(this InquiryApp app, Guid sessionId) =>
        app.Db(db => db.AgendaItems.Where(a => a.SessionId == sessionId).OrderBy(a => a.Order).Select(a => a.Id).ToArrayAsync());

    public static Task<int> DepartmentId(this InquiryApp app, Guid sessionId, int index = 0) =>
        app.Db(db => db.Departments.Where(d => d.SessionId == sessionId).OrderBy(d => d.Order).Skip(index).Select(d => d.Id).FirstAsync());

    /// <summary>Puts a question straight into the approved list, as moderation would.</summary>
    public static Task<Guid> AddApprovedQuestion(this InquiryApp app, Guid sessionId, string text, int meToo = 0, int merged = 0,
        int? departmentId = null, DateTimeOffset? createdAt = null, QuestionStatus status = QuestionStatus.Approved) =>
        app.Db(async db =>
        {
            var q = new Question
            {
                Id = Guid.NewGuid(), SessionId = sessionId, ViewerId = "viewer-" + Guid.NewGuid().ToString("N")[..8], Nickname = "热心市民",
                Text = text, Status = status, MeTooCount = meToo, MergedCount = merged, DepartmentId = departmentId,
                CreatedAt = createdAt ?? DateTimeOffset.UtcNow,
            };
            db.Questions.Add(q);
            await db.SaveChangesAsync();
            return q.Id;
        });
}
