using InquiryLive.Accounts;
using InquiryLive.Data;
using InquiryLive.Domain;
using InquiryLive.Hosting;
using InquiryLive.Live;
using InquiryLive.Members;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace InquiryLive.Polls;

/// <summary>
/// A member's ballot: one per member per vote (a whole 测评表 is one ballot), enforced by the unique
/// receipt inside the same transaction that checks the vote is open. The choices are stored apart
/// from the receipt and never returned, so no answer or event can tell anyone how a member voted.
/// </summary>
internal static class BallotsApi
{
    public static RouteGroupBuilder MapBallots(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/sessions/{sessionId:guid}/polls").WithTags("Polls");
        group.MapGet("/current", Current).RequireAuthorization(Policies.MemberVoting).ProducesProblem(403);
        group.MapPost("/{pollId:guid}/ballots", Cast).RequireAuthorization(Policies.MemberVoting).ProducesProblem(403).ProducesProblem(404).ProducesProblem(409);
        return group;
    }

    /// <summary>The roster member signed in: found from the account's claims, never from the request.</summary>
    public static async Task<RosterMember> SignedInMemberAsync(AppDbContext db, Guid sessionId, HttpContext http, CancellationToken ct)
    {
        var userId = http.RequestServices.GetRequiredService<UserManager<AppUser>>().GetUserId(http.User);
        return await db.RosterMembers.AsNoTracking().FirstOrDefaultAsync(m => m.SessionId == sessionId && m.UserId == userId, ct)
            ?? throw new DomainException("member.notOnRoster", "您不在本次会议的测评人员名单中。", "You are not on this session's list of evaluators.", 403);
    }

    private static async Task<Ok<MemberPollView>> Current(Guid sessionId, AppDbContext db, HttpContext http, CancellationToken ct)
    {
        var member = await SignedInMemberAsync(db, sessionId, http, ct);
        var group = member.GroupId is { } gid ? await db.EvaluatorGroups.Where(g => g.Id == gid).Select(g => g.Name).FirstOrDefaultAsync(ct) : null;
        var poll = await PollReads.CurrentPollAsync(db, sessionId, ct);
        if (poll is null) return TypedResults.Ok(new MemberPollView(member.DisplayName, member.Id, member.GroupId, group, member.Attendance, null, null, false));
        var floorItemId = poll.Kind == PollKind.Single ? poll.Items.Single().FloorItemId : null;
        var question = floorItemId is { } fid ? await db.FloorItems.Where(f => f.Id == fid).Select(f => f.Text).FirstOrDefaultAsync(ct) : null;
        var voted = await db.BallotReceipts.AnyAsync(r => r.PollId == poll.Id && r.MemberId == member.Id, ct);
        return TypedResults.Ok(new MemberPollView(member.DisplayName, member.Id, member.GroupId, group, member.Attendance,
            await PollReads.CurrentAsync(db, poll, ct), question, voted));
    }

    private static async Task<Results<Ok<BallotAccepted>, ValidationProblem>> Cast(
        Guid sessionId, Guid pollId, BallotRequest request, SessionCommands commands, AppDbContext db, PollPulse pulse,
        HttpContext http, CancellationToken ct)
    {
        var errors = new InputErrors(http)
            .Require(request.BallotId is { } id && id != Guid.Empty, "ballotId", "缺少票号。", "A ballot id is required.");
        if (request.Choices is { } choices)
        {
            errors.Require(request.Choice is null, "choice", "测评表请逐项选择，不要同时提交单项选择。", "A sheet takes one choice per item, not a single choice.")
                .Require(choices.Count is > 0 and <= PollsApi.MaxSheetItems && choices.All(c => c is { ItemId: > 0 }), "choices",
                    "请为测评表的各项作出选择。", "Give a choice for the items of the sheet.")
                .Require(choices.All(c => c?.Choice is null || Enum.IsDefined(c.Choice.Value)), "choices",
                    "每项只能选择满意、基本满意或不满意。", "Each item takes satisfied, basically satisfied or dissatisfied.");
        }
        else
        {
            errors.Require(request.Choice is { } c && Enum.IsDefined(c), "choice", "请选择满意、基本满意或不满意。", "Choose satisfied, basically satisfied or dissatisfied.");
        }
        if (errors.Any) return errors.ToProblem();
        var member = await SignedInMemberAsync(db, sessionId, http, ct);
        var ballotId = request.BallotId!.Value;

        var accepted = await commands.RunAsync(sessionId, async change =>
        {
            var cdb = change.Db;
            // A retry of a ballot already taken answers as the first time did, and writes nothing.
            var earlier = await cdb.BallotReceipts.AsNoTracking().FirstOrDefaultAsync(r => r.BallotId == ballotId, ct);
            if (earlier is not null)
            {
                return earlier.PollId == pollId && earlier.MemberId == member.Id
                    ? new BallotAccepted(earlier.BallotId, earlier.PollId, earlier.CastAt)
                    : throw new DomainException("ballot.idInUse", "票号已被使用，请刷新页面后重新投票。", "This ballot id is already used: reload the page and vote again.");
            }
            var poll = await PollLifecycle.FindAsync(change, pollId, ct);
            if (poll.State != PollState.Open || (poll.ClosesAt is { } closes && change.Now >= closes))
            {
                throw new DomainException("ballot.pollClosed", "本项测评已经结束，不再接受投票。", "This vote has closed: no more ballots are taken.");
            }
            if (await cdb.BallotReceipts.AnyAsync(r => r.PollId == pollId && r.MemberId == member.Id, ct))
            {
                throw new DomainException("ballot.alreadyVoted", "您已对本项测评投过票，每人只能投一票。", "You have already voted in this vote: one ballot per member.");
            }
            var castAt = PollLifecycle.Stored(change.Now);
            cdb.BallotReceipts.Add(new BallotReceipt { BallotId = ballotId, PollId = pollId, MemberId = member.Id, CastAt = castAt });
            foreach (var (itemId, choice) in BallotContent.ChoicesFor(poll, request))
            {
                // A random id, so the order of the choices says nothing about the order members voted in.
                cdb.BallotChoices.Add(new BallotChoice
                {
                    Id = RandomId(), PollId = pollId, ItemId = itemId, Choice = choice, MemberId = poll.Named ? member.Id : null, GroupId = member.GroupId,
                });
            }
            // Voting is being there: a committee member's ballot is also their 签到.
            if (member.IsOfficial && member.Attendance != AttendanceStatus.Present)
            {
                await cdb.RosterMembers.Where(m => m.Id == member.Id).ExecuteUpdateAsync(u => u
                    .SetProperty(m => m.Attendance, AttendanceStatus.Present).SetProperty(m => m.AttendanceAt, castAt).SetProperty(m => m.AttendanceBy, (string?)null), ct);
                pulse.AttendanceChanged(sessionId);
            }
            return new BallotAccepted(ballotId, pollId, castAt);
        }, ct);
        pulse.TurnoutChanged(sessionId, pollId);
        return TypedResults.Ok(accepted);
    }

    private static long RandomId() => System.Security.Cryptography.RandomNumberGenerator.GetInt32(1, int.MaxValue) * (long)int.MaxValue
        + System.Security.Cryptography.RandomNumberGenerator.GetInt32(0, int.MaxValue);
}
