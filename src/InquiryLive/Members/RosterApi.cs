using System.Security.Cryptography;
using InquiryLive.Accounts;
using InquiryLive.Domain;
using InquiryLive.Domain.Text;
using InquiryLive.Hosting;
using InquiryLive.Live;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace InquiryLive.Members;

/// <summary>Adds a committee member, or (with <see cref="GroupId"/>) an evaluator of a group whose tally is counted apart.</summary>
public sealed record AddMemberRequest(string? DisplayName, string? UserName, int? GroupId = null);

public sealed record RosterMemberView(int Id, string DisplayName, string UserName, int? GroupId);

/// <summary>
/// The admin keeps the session's roster: adding a member (with a new Member account, or an existing
/// one by user name) and removing one who has not voted. New accounts have no password at all: the
/// member signs in with the personal link, and a password sign-in to such an account is refused.
/// (A random password had to pass Identity's rules; one in about 230 lacked a digit and the add failed.)
/// </summary>
internal static class RosterApi
{
    public const int MaxNameLength = 100;

    public static RouteGroupBuilder MapRoster(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/sessions/{sessionId:guid}/members").WithTags("Members").RequireAuthorization(Policies.AdminOnly);
        group.MapPost("/", Add);
        group.MapDelete("/{memberId:int}", Remove);
        return group;
    }

    private static async Task<Results<Created<RosterMemberView>, ValidationProblem>> Add(
        Guid sessionId, AddMemberRequest request, HttpContext http, SessionCommands commands, UserManager<AppUser> users, CancellationToken ct)
    {
        var name = PlainText.Normalize(request.DisplayName);
        var userName = PlainText.Normalize(request.UserName);
        var errors = new InputErrors(http)
            .Require(name.Length > 0, "displayName", "请填写姓名。", "Enter the member's name.")
            .Require(PlainText.VisibleLength(name) <= MaxNameLength, "displayName", "姓名过长。", "The name is too long.")
            .Require(userName.Length == 0 || (userName.Length <= 50 && userName.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.')),
                "userName", "用户名只能包含字母、数字和 - _ .（最长 50）。", "A user name may have letters, digits and - _ . (at most 50).");
        if (errors.Any) return errors.ToProblem();

        var view = await commands.RunAsync(sessionId, async change =>
        {
            await RosterFreeze.EnsureNoVoteOpenAsync(change, ct);
            if (request.GroupId is { } gid && !await change.Db.EvaluatorGroups.AnyAsync(g => g.Id == gid && g.SessionId == sessionId, ct))
            {
                throw new DomainException("evaluatorGroup.notFound", "没有找到该测评人员分组。", "No such evaluator group.", 404);
            }
            var user = userName.Length > 0 ? await users.FindByNameAsync(userName) : null;
            if (user is not null && !await users.IsInRoleAsync(user, Roles.Member))
            {
                throw new DomainException("member.notMember", "该账号不是常委会组成人员（测评人员）账号。", "That account is not a member's account.");
            }
            if (user is null)
            {
                user = new AppUser { UserName = userName.Length > 0 ? userName : "m-" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(5)), DisplayName = name };
                var created = await users.CreateAsync(user);
                if (!created.Succeeded) throw new DomainException("member.account", "无法创建测评人员账号。", "The member's account could not be created.");
                await users.AddToRoleAsync(user, Roles.Member);
            }
            if (await change.Db.RosterMembers.AnyAsync(m => m.SessionId == sessionId && m.UserId == user.Id, ct))
            {
                throw new DomainException("member.duplicate", "此人已在名单中。", "This member is already on the roster.");
            }
            var member = new RosterMember { SessionId = sessionId, UserId = user.Id, DisplayName = name, GroupId = request.GroupId };
            change.Db.RosterMembers.Add(member);
            await change.Db.SaveChangesAsync(ct);
            var added = new RosterMemberView(member.Id, name, user.UserName!, member.GroupId);
            change.PublishToStaff("roster.memberAdded", new { member = added });
            return added;
        }, ct);
        return TypedResults.Created($"/api/sessions/{sessionId}/members", view);
    }

    private static async Task<NoContent> Remove(Guid sessionId, int memberId, SessionCommands commands, CancellationToken ct)
    {
        await commands.RunAsync(sessionId, async change =>
        {
            var member = await change.Db.RosterMembers.FirstOrDefaultAsync(m => m.Id == memberId && m.SessionId == sessionId, ct)
                ?? throw new DomainException("member.notFound", "名单中没有此人。", "No such member on the roster.", 404);
            await RosterFreeze.EnsureNoVoteOpenAsync(change, ct);
            if (await change.Db.BallotReceipts.AnyAsync(r => r.MemberId == memberId, ct))
            {
                throw new DomainException("member.hasVoted", "此人已参与过测评，不能从名单中删除。", "This member has voted in this session and stays on the roster.");
            }
            change.Db.RosterMembers.Remove(member);
            change.PublishToStaff("roster.memberRemoved", new { memberId });
        }, ct);
        return TypedResults.NoContent();
    }
}
