using InquiryLive.Accounts;
using InquiryLive.Data;
using InquiryLive.Domain;
using InquiryLive.Hosting;
using InquiryLive.Live;
using InquiryLive.Polls;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace InquiryLive.Members;

public sealed record AttendanceEntryView(int MemberId, string DisplayName, AttendanceStatus Status, DateTimeOffset? At, string? By);

public sealed record AttendanceView(AttendanceFigures Figures, IReadOnlyList<AttendanceEntryView> Members);

public sealed record MarkAttendanceRequest(AttendanceStatus? Status);

/// <summary>
/// 签到: members sign in for the sitting on their phone (the personal link does it; an account
/// sign-in uses "签到" on the member page), or the clerk marks them present or on leave. 应到 /
/// 实到 / 请假 go to everyone; who is where, to staff. Only committee members are counted.
/// </summary>
internal static class AttendanceApi
{
    public const string ChangedEvent = "attendance.changed";

    public static RouteGroupBuilder MapAttendance(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/sessions/{sessionId:guid}/attendance").WithTags("Attendance");
        group.MapGet("/", List).RequireAuthorization(Policies.Staff);
        group.MapPut("/{memberId:int}", Mark).RequireAuthorization(Policies.ClerkWork).ProducesProblem(404);
        group.MapPost("/reset", Reset).RequireAuthorization(Policies.ClerkWork).ProducesProblem(409);
        group.MapPost("/me", SignInForSitting).RequireAuthorization(Policies.MemberVoting).ProducesProblem(403).ProducesProblem(409);
        return group;
    }

    private static async Task<Ok<AttendanceView>> List(Guid sessionId, AppDbContext db, CancellationToken ct)
    {
        if (!await db.Sessions.AnyAsync(s => s.Id == sessionId, ct)) throw Sessions.SessionAdminApi.NotFound();
        var members = await db.RosterMembers.AsNoTracking().Where(m => m.SessionId == sessionId && m.GroupId == null).OrderBy(m => m.Id)
            .Select(m => new AttendanceEntryView(m.Id, m.DisplayName, m.Attendance, m.AttendanceAt, m.AttendanceBy)).ToListAsync(ct);
        return TypedResults.Ok(new AttendanceView(await AttendanceCounts.ReadAsync(db, sessionId, ct), members));
    }

    private static async Task<Results<Ok<AttendanceEntryView>, ValidationProblem>> Mark(
        Guid sessionId, int memberId, MarkAttendanceRequest request, SessionCommands commands, HttpContext http, CancellationToken ct)
    {
        if (request.Status is not { } status || !Enum.IsDefined(status))
        {
            return new InputErrors(http).Add("status", "请选择实到、请假或未到。", "Choose present, on leave or absent.").ToProblem();
        }
        var by = http.User.UserName()!;
        var view = await commands.RunAsync(sessionId, async change =>
        {
            var member = await change.Db.RosterMembers.FirstOrDefaultAsync(m => m.Id == memberId && m.SessionId == sessionId && m.GroupId == null, ct)
                ?? throw new DomainException("member.notFound", "名单中没有该组成人员。", "No such member on the roster.", 404);
            await SetAsync(change, member, status, by, ct);
            return new AttendanceEntryView(member.Id, member.DisplayName, member.Attendance, member.AttendanceAt, member.AttendanceBy);
        }, ct);
        return TypedResults.Ok(view);
    }

    /// <summary>A new sitting of the same session (a 回头看 months later) starts its 签到 afresh.</summary>
    private static async Task<Ok<AttendanceFigures>> Reset(Guid sessionId, SessionCommands commands, CancellationToken ct) =>
        TypedResults.Ok(await commands.RunAsync(sessionId, async change =>
        {
            await RosterFreeze.EnsureNoVoteOpenAsync(change, ct);
            var members = await change.Db.RosterMembers.Where(m => m.SessionId == sessionId && m.Attendance != AttendanceStatus.Absent).ToListAsync(ct);
            foreach (var m in members) (m.Attendance, m.AttendanceAt, m.AttendanceBy) = (AttendanceStatus.Absent, null, null);
            await change.Db.SaveChangesAsync(ct);
            return await PublishAsync(change, ct);
        }, ct));

    /// <summary>A member signs in for the sitting on their phone; only while the sitting (or a vote) is open.</summary>
    private static async Task<Ok<AttendanceEntryView>> SignInForSitting(Guid sessionId, SessionCommands commands, AppDbContext db, HttpContext http, CancellationToken ct)
    {
        var member = await BallotsApi.SignedInMemberAsync(db, sessionId, http, ct);
        var view = await commands.RunAsync(sessionId, async change =>
        {
            await SittingWindow.EnsureOpenAsync(change.Db, change.Session, forLink: false, ct);
            var tracked = await change.Db.RosterMembers.FirstAsync(m => m.Id == member.Id, ct);
            if (tracked.IsOfficial && tracked.Attendance != AttendanceStatus.Present) await SetAsync(change, tracked, AttendanceStatus.Present, null, ct);
            return new AttendanceEntryView(tracked.Id, tracked.DisplayName, tracked.Attendance, tracked.AttendanceAt, tracked.AttendanceBy);
        }, ct);
        return TypedResults.Ok(view);
    }

    /// <summary>Records a member's 签到 and tells everyone the new figures (and staff who changed).</summary>
    public static async Task SetAsync(SessionChange change, RosterMember member, AttendanceStatus status, string? by, CancellationToken ct)
    {
        if (member.Attendance == status) return;
        (member.Attendance, member.AttendanceAt, member.AttendanceBy) = (status, PollLifecycle.Stored(change.Now), by);
        await change.Db.SaveChangesAsync(ct);
        change.PublishToStaff("attendance.memberChanged", new AttendanceEntryView(member.Id, member.DisplayName, status, member.AttendanceAt, by));
        await PublishAsync(change, ct);
    }

    private static async Task<AttendanceFigures> PublishAsync(SessionChange change, CancellationToken ct)
    {
        var figures = await AttendanceCounts.ReadAsync(change.Db, change.Session.Id, ct);
        change.Publish(ChangedEvent, figures);
        return figures;
    }
}
