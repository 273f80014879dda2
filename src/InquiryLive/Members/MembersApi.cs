using InquiryLive.Accounts;
using InquiryLive.Data;
using InquiryLive.Domain;
using InquiryLive.Hosting;
using InquiryLive.Live;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace InquiryLive.Members;

/// <summary>A member of the roster, or of an evaluator group (GroupId), with the state of their link.</summary>
public sealed record MemberSummary(int Id, string DisplayName, string? UserName, bool HasLink, DateTimeOffset? LinkIssuedAt, int? GroupId);

/// <summary>A freshly issued link: the only time the token is ever shown.</summary>
public sealed record MemberLinkIssued(int MemberId, string DisplayName, string Token, string Link);

public sealed record MemberSignInRequest(string? Token);

public sealed record MemberSignedIn(Guid SessionId, string DisplayName);

/// <summary>Staff event: every sign-in of this member's account was ended (link revoked or reissued).</summary>
public sealed record SignInsEnded(string UserId);

/// <summary>The roster's personal sign-in links: issue, reissue, revoke, QR code; and signing in with one.</summary>
internal static class MembersApi
{
    public const string TokenHeader = "X-Sign-In-Token";
    public const string SignInRateLimit = "memberSignIn";

    public static WebApplication MapMembers(this WebApplication app)
    {
        var group = app.MapGroup("/api/sessions/{sessionId:guid}/members").WithTags("Members").RequireAuthorization(Policies.AdminOnly);
        group.MapGet("/", List);
        group.MapPost("/links", IssueAll);
        group.MapPost("/{memberId:int}/link", Issue);
        group.MapDelete("/{memberId:int}/link", Revoke);
        group.MapGet("/{memberId:int}/link.png", QrCode);
        app.MapAttendance();
        app.MapEvaluatorGroups();
        app.MapPost("/api/members/sign-in", SignIn).WithTags("Members")
            .RequireAuthorization(Policies.Public).RequireRateLimiting(SignInRateLimit);
        return app;
    }

    private static async Task<Ok<MemberSummary[]>> List(Guid sessionId, AppDbContext db, CancellationToken ct)
    {
        var rows = await (from m in db.RosterMembers.AsNoTracking()
                          join u in db.Users on m.UserId equals u.Id into users
                          from u in users.DefaultIfEmpty()
                          where m.SessionId == sessionId
                          orderby m.Id
                          select new MemberSummary(m.Id, m.DisplayName, u.UserName, m.SignInTokenHash != null, m.SignInTokenIssuedAt, m.GroupId))
            .ToArrayAsync(ct);
        return TypedResults.Ok(rows);
    }

    private static async Task<Ok<MemberLinkIssued>> Issue(
        Guid sessionId, int memberId, SessionCommands commands, UserManager<AppUser> users, HttpContext http, CancellationToken ct)
    {
        var issued = await commands.RunAsync(sessionId, async change =>
        {
            var member = await FindAsync(change, memberId, ct);
            await EndEarlierSignInsAsync(change, member, users);
            return Reissue(member, change.Now, http.Request);
        }, ct);
        return TypedResults.Ok(issued);
    }

    /// <summary>Issues a new link to everyone on the roster (each earlier link, and what was signed in with it, stops working).</summary>
    private static async Task<Ok<MemberLinkIssued[]>> IssueAll(
        Guid sessionId, SessionCommands commands, UserManager<AppUser> users, HttpContext http, CancellationToken ct)
    {
        var issued = await commands.RunAsync(sessionId, async change =>
        {
            var members = await change.Db.RosterMembers.Where(m => m.SessionId == sessionId).OrderBy(m => m.Id).ToListAsync(ct);
            foreach (var member in members) await EndEarlierSignInsAsync(change, member, users);
            return members.Select(m => Reissue(m, change.Now, http.Request)).ToArray();
        }, ct);
        return TypedResults.Ok(issued);
    }

    private static async Task<NoContent> Revoke(Guid sessionId, int memberId, SessionCommands commands, UserManager<AppUser> users, CancellationToken ct)
    {
        await commands.RunAsync(sessionId, async change =>
        {
            var member = await FindAsync(change, memberId, ct);
            member.SignInTokenHash = null;
            member.SignInTokenIssuedAt = null;
            await EndEarlierSignInsAsync(change, member, users);
        }, ct);
        return TypedResults.NoContent();
    }

    /// <summary>
    /// Ends every sign-in obtained with the member's earlier link at once: the account's security
    /// stamp changes (every cookie carrying the old one is refused on its next request, see
    /// SecurityStampCheck), and every node closes the account's live connections when it sees the event.
    /// </summary>
    private static async Task EndEarlierSignInsAsync(SessionChange change, RosterMember member, UserManager<AppUser> users)
    {
        var user = await users.FindByIdAsync(member.UserId);
        if (user is null) return;
        var updated = await users.UpdateSecurityStampAsync(user);
        if (!updated.Succeeded) throw new DomainException("member.account", "无法收回此人的登录。", "The member's sign-in could not be ended.");
        change.PublishToStaff(AccountConnections.SignInsEndedEvent, new SignInsEnded(member.UserId));
    }

    /// <summary>The QR code of a link just issued. The token comes in a header (not the URL) and must match the stored hash.</summary>
    private static async Task<Results<FileContentHttpResult, ValidationProblem>> QrCode(
        Guid sessionId, int memberId, AppDbContext db, HttpContext http, CancellationToken ct)
    {
        var member = await db.RosterMembers.AsNoTracking().FirstOrDefaultAsync(m => m.Id == memberId && m.SessionId == sessionId, ct)
            ?? throw NotFound();
        var token = http.Request.Headers[TokenHeader].ToString();
        if (token.Length == 0 || !MemberLinks.Matches(token, member.SignInTokenHash))
        {
            return new InputErrors(http).Add("token", "该链接已失效，请重新生成。", "This link is no longer valid: issue a new one.").ToProblem();
        }
        http.Response.Headers.CacheControl = "no-store";
        return TypedResults.File(MemberLinks.QrPng(MemberLinks.Link(http.Request, token)), "image/png");
    }

    /// <summary>
    /// Signing in with a personal link: only while the sitting (or a vote of it) is open, and it is
    /// the member's 签到 for the sitting.
    /// </summary>
    private static async Task<Results<Ok<MemberSignedIn>, ValidationProblem, ProblemHttpResult>> SignIn(
        MemberSignInRequest request, AppDbContext db, UserManager<AppUser> users, SignInManager<AppUser> signIn,
        SessionCommands commands, HttpContext http, CancellationToken ct)
    {
        var token = request.Token?.Trim() ?? "";
        if (token.Length is 0 or > 100)
        {
            return new InputErrors(http).Add("token", "登录链接不完整。", "The sign-in link is incomplete.").ToProblem();
        }
        var hash = MemberLinks.Hash(token);
        var member = await db.RosterMembers.AsNoTracking().FirstOrDefaultAsync(m => m.SignInTokenHash == hash, ct);
        var user = member is null ? null : await users.FindByIdAsync(member.UserId);
        if (member is null || user is null)
        {
            var english = http.PrefersEnglish();
            return TypedResults.Problem(statusCode: 401, detail: english
                ? "This sign-in link is not valid (it may have been revoked). Ask the staff for a new one."
                : "该登录链接无效（可能已被收回），请向工作人员索取新的链接。");
        }
        await commands.RunAsync(member.SessionId, async change =>
        {
            await SittingWindow.EnsureOpenAsync(change.Db, change.Session, forLink: true, ct);
            var tracked = await change.Db.RosterMembers.FirstAsync(m => m.Id == member.Id, ct);
            if (tracked.IsOfficial) await AttendanceApi.SetAsync(change, tracked, AttendanceStatus.Present, null, ct);
        }, ct);
        await signIn.SignInAsync(user, isPersistent: true);
        return TypedResults.Ok(new MemberSignedIn(member.SessionId, member.DisplayName));
    }

    private static MemberLinkIssued Reissue(RosterMember member, DateTimeOffset now, HttpRequest request)
    {
        var token = MemberLinks.NewToken();
        member.SignInTokenHash = MemberLinks.Hash(token);
        member.SignInTokenIssuedAt = now;
        return new MemberLinkIssued(member.Id, member.DisplayName, token, MemberLinks.Link(request, token));
    }

    private static async Task<RosterMember> FindAsync(SessionChange change, int memberId, CancellationToken ct) =>
        await change.Db.RosterMembers.FirstOrDefaultAsync(m => m.Id == memberId && m.SessionId == change.Session.Id, ct) ?? throw NotFound();

    private static DomainException NotFound() => new("member.notFound", "没有找到该组成人员。", "No such member on the roster.", 404);
}
