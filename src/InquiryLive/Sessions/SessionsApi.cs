using InquiryLive.Accounts;
using InquiryLive.Data;
using InquiryLive.Domain;
using InquiryLive.Domain.Sessions;
using InquiryLive.Live;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace InquiryLive.Sessions;

public sealed record EventPage(Guid SessionId, long Seq, IReadOnlyList<LiveEvent> Events, bool More);

/// <summary>Reading a session: the list, a consistent snapshot with its seq, and the events after a seq.</summary>
internal static class SessionsApi
{
    public const int MaxEventsPerPage = 500;

    public static RouteGroupBuilder MapSessions(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/sessions").WithTags("Sessions");
        group.MapGet("/", List).RequireAuthorization(Policies.Public);
        group.MapGet("/{sessionId:guid}/snapshot", Snapshot).RequireAuthorization(Policies.Public);
        group.MapGet("/{sessionId:guid}/events", Events).RequireAuthorization(Policies.Public);
        group.MapGet("/{sessionId:guid}/staff-snapshot", StaffSnapshot).RequireAuthorization(Policies.Staff);
        group.MapGet("/{sessionId:guid}/staff-events", StaffEvents).RequireAuthorization(Policies.Staff);
        app.MapGet("/api/time", (TimeProvider time) => TypedResults.Ok(new { serverTime = time.GetUtcNow() }))
            .WithTags("Sessions").RequireAuthorization(Policies.Public);
        return group;
    }

    private static async Task<Ok<SessionSummary[]>> List(AppDbContext db, HttpContext http, CancellationToken ct)
    {
        var staff = http.User.IsInRole(Roles.Admin) || http.User.IsInRole(Roles.Chair) || http.User.IsInRole(Roles.Clerk) || http.User.IsInRole(Roles.Moderator);
        var rows = await db.Sessions.AsNoTracking()
            .Where(s => staff || s.State != SessionState.Draft)
            .Select(s => new SessionSummary(s.Id, s.Title, s.Topic, s.State, s.ScheduledStart))
            .ToListAsync(ct);
        // Live first, then open, then the rest; newest schedule first within each.
        return TypedResults.Ok(rows.OrderBy(s => StateRank(s.State)).ThenByDescending(s => s.ScheduledStart).ToArray());
    }

    private static int StateRank(SessionState s) => s switch
    {
        SessionState.Live => 0, SessionState.Paused => 1, SessionState.OpenForQuestions => 2, SessionState.Draft => 3, _ => 4,
    };

    private static Task<Ok<Dictionary<string, object?>>> Snapshot(Guid sessionId, SnapshotReader reader, CancellationToken ct) =>
        Read(reader, sessionId, staff: false, ct);

    private static Task<Ok<Dictionary<string, object?>>> StaffSnapshot(Guid sessionId, SnapshotReader reader, CancellationToken ct) =>
        Read(reader, sessionId, staff: true, ct);

    private static async Task<Ok<Dictionary<string, object?>>> Read(SnapshotReader reader, Guid sessionId, bool staff, CancellationToken ct) =>
        TypedResults.Ok(await reader.ReadAsync(sessionId, staff, ct));

    private static Task<Ok<EventPage>> Events(Guid sessionId, long? after, int? limit, AppDbContext db, CancellationToken ct) =>
        ReadEvents(db, sessionId, EventStream.Public, after, limit, ct);

    private static Task<Ok<EventPage>> StaffEvents(Guid sessionId, long? after, int? limit, AppDbContext db, CancellationToken ct) =>
        ReadEvents(db, sessionId, EventStream.Staff, after, limit, ct);

    private static async Task<Ok<EventPage>> ReadEvents(AppDbContext db, Guid sessionId, EventStream stream, long? after, int? limit, CancellationToken ct)
    {
        var session = await db.Sessions.AsNoTracking().Where(s => s.Id == sessionId)
            .Select(s => new { s.State, s.PublicSeq, s.StaffSeq }).FirstOrDefaultAsync(ct);
        if (session is null || (stream == EventStream.Public && session.State == SessionState.Draft))
        {
            throw new DomainException("session.notFound", "没有找到该询问会议。", "No such inquiry session.", 404);
        }
        var from = Math.Max(after ?? 0, 0);
        var take = Math.Clamp(limit ?? MaxEventsPerPage, 1, MaxEventsPerPage);
        var rows = await db.Events.AsNoTracking()
            .Where(e => e.SessionId == sessionId && e.Stream == stream && e.Seq > from)
            .OrderBy(e => e.Seq).Take(take + 1).ToListAsync(ct);
        var more = rows.Count > take;
        var seq = stream == EventStream.Public ? session.PublicSeq : session.StaffSeq;
        return TypedResults.Ok(new EventPage(sessionId, seq, rows.Take(take).Select(LiveNotifier.ToLive).ToList(), more));
    }
}
