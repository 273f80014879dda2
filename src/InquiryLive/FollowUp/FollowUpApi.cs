using InquiryLive.Accounts;
using InquiryLive.Data;
using InquiryLive.Domain;
using InquiryLive.Domain.Sessions;
using InquiryLive.Polls;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace InquiryLive.FollowUp;

public sealed record PublicResultsSession(Guid Id, string Title, string Topic, SessionState State, DateTimeOffset? ScheduledStart);

/// <summary>What the public results page shows: published votes, the rectification list, public written replies.</summary>
public sealed record PublicResults(
    PublicResultsSession Session, DateTimeOffset GeneratedAt, IReadOnlyList<PollResultView> Results,
    IReadOnlyList<RectificationView> Rectifications, IReadOnlyList<PublicWrittenReplyView> WrittenReplies);

/// <summary>After the sitting: the session report (staff) and the public results (anyone, no sign-in).</summary>
internal static class FollowUpApi
{
    public static IEndpointRouteBuilder MapFollowUp(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/sessions/{sessionId:guid}").WithTags("FollowUp");
        group.MapGet("/report", Report).RequireAuthorization(Policies.Staff);
        group.MapGet("/public-results", Public).RequireAuthorization(Policies.Public);
        app.MapRectifications();
        app.MapSecondEvaluation();
        app.MapWrittenReplies();
        app.MapExports();
        return app;
    }

    private static async Task<Ok<SessionReport>> Report(Guid sessionId, ReportBuilder reports, HttpContext http, CancellationToken ct) =>
        TypedResults.Ok(await reports.BuildAsync(sessionId, http.User, ct));

    private static async Task<Ok<PublicResults>> Public(Guid sessionId, AppDbContext db, TimeProvider time, CancellationToken ct)
    {
        var session = await db.Sessions.AsNoTracking().Where(s => s.Id == sessionId)
            .Select(s => new PublicResultsSession(s.Id, s.Title, s.Topic, s.State, s.ScheduledStart)).FirstOrDefaultAsync(ct);
        if (session is null || !SessionStateMachine.IsPublic(session.State))
        {
            throw new DomainException("session.notFound", "没有找到该询问会议。", "No such inquiry session.", 404);
        }
        var now = time.GetUtcNow();
        return TypedResults.Ok(new PublicResults(session, now,
            await FollowUpQueries.PublishedResultsAsync(db, sessionId, ct),
            await FollowUpQueries.RectificationsAsync(db, sessionId, now, ct),
            await FollowUpQueries.PublicWrittenRepliesAsync(db, sessionId, ct)));
    }
}
