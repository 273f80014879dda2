using InquiryLive.Accounts;
using InquiryLive.Domain;
using InquiryLive.Hosting;
using InquiryLive.Live;
using InquiryLive.Polls;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace InquiryLive.FollowUp;

public sealed record SecondEvaluationRequest(Guid? FirstPollId);

/// <summary>
/// The second evaluation (回头看): a new satisfaction vote on a rectification item, linked to the
/// first vote and run with the same rules. It opens here; voting and closing are the votes' own.
/// </summary>
internal static class SecondEvaluationApi
{
    public const string TitlePrefix = "回头看：";

    public static RouteGroupBuilder MapSecondEvaluation(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/sessions/{sessionId:guid}/rectifications").WithTags("FollowUp");
        group.MapPost("/{itemId:long}/second-evaluation", Open).RequireAuthorization(Policies.ClerkWork);
        return group;
    }

    private static async Task<Results<Created<PollView>, ValidationProblem>> Open(
        Guid sessionId, long itemId, SecondEvaluationRequest request, SessionCommands commands, HttpContext http, CancellationToken ct)
    {
        var errors = new InputErrors(http).Require(request.FirstPollId is not null && request.FirstPollId != Guid.Empty,
            "firstPollId", "请选择要对照的首次测评。", "Choose the first vote to compare with.");
        if (errors.Any) return errors.ToProblem();

        var by = http.User.UserName()!;
        var view = await commands.RunAsync(sessionId, async change =>
        {
            var db = change.Db;
            var item = await db.RectificationItems.FirstOrDefaultAsync(r => r.SessionId == sessionId && r.Id == itemId, ct)
                ?? throw RectificationsApi.NotFound();
            var first = await db.Polls.FirstOrDefaultAsync(p => p.SessionId == sessionId && p.Id == request.FirstPollId, ct)
                ?? throw new DomainException("poll.notFound", "没有找到该测评。", "No such vote.", 404);
            if (first.PublishedAt is null)
            {
                throw new DomainException("secondEvaluation.firstNotPublished", "首次测评结果尚未公布，不能开展回头看。",
                    "The first vote's result is not published yet.");
            }
            if (first.FollowsPollId is not null)
            {
                throw new DomainException("secondEvaluation.notAFirstVote", "请选择首次测评，而不是另一次回头看。",
                    "Choose a first vote, not another second evaluation.");
            }
            if (await db.Polls.AnyAsync(p => p.SessionId == sessionId && p.State == PollState.Open, ct))
            {
                throw new DomainException("poll.alreadyOpen", "已有正在进行的测评，请先结束。", "Another vote is open; close it first.");
            }
            if (await db.Polls.AnyAsync(p => p.FollowsPollId == first.Id && p.RectificationItemId == item.Id, ct))
            {
                throw new DomainException("secondEvaluation.exists", "该整改事项已对这次测评开展过回头看。",
                    "This item already has a second evaluation of that vote.");
            }
            var poll = new Poll
            {
                Id = Guid.NewGuid(),
                SessionId = sessionId,
                Title = TitlePrefix + item.Title,
                DepartmentId = item.DepartmentId,
                AgendaItemId = first.AgendaItemId,
                FollowsPollId = first.Id,
                RectificationItemId = item.Id,
                State = PollState.Open,
                OpenedAt = change.Now,
                // Same rules as the first vote, whatever the session's settings say now.
                RuleSet = first.RuleSet,
                RateThreshold = first.RateThreshold,
                QuorumShare = first.QuorumShare,
                Named = first.Named,
            };
            db.Polls.Add(poll);
            item.LastUpdateAt = change.Now;
            db.RectificationUpdates.Add(new RectificationUpdate
            {
                ItemId = item.Id, Kind = RectificationUpdateKind.SecondEvaluation, Note = poll.Title, By = by, At = change.Now,
            });
            var department = await db.Departments.Where(d => d.Id == item.DepartmentId).Select(d => d.Name).FirstOrDefaultAsync(ct);
            var pollView = new PollView(poll.Id, poll.Title, poll.DepartmentId, department, poll.FloorItemId, poll.State,
                poll.OpenedAt, poll.ClosesAt, poll.ClosedAt);
            change.Publish("poll.opened", new { poll = pollView });
            await RectificationsApi.PublishAsync(change, item, ct);
            return pollView;
        }, ct);
        return TypedResults.Created($"/api/sessions/{sessionId}/polls/{view.Id}", view);
    }
}
