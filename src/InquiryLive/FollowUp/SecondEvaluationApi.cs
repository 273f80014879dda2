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
            var first = await PollReads.FindAsync(db, sessionId, request.FirstPollId!.Value, tracked: false, ct) ?? throw PollLifecycle.NotFound();
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
            // On a 测评表 the item of the rectification's department is the one compared.
            var firstItem = first.Items.Count == 1 ? first.Items[0] : first.Items.FirstOrDefault(i => i.DepartmentId == item.DepartmentId)
                ?? throw new DomainException("secondEvaluation.departmentNotRated", "所选的首次测评没有对该部门的测评项。",
                    "The first vote chosen has no item for this department.");
            if (await db.Polls.AnyAsync(p => p.FollowsPollId == first.Id && p.RectificationItemId == item.Id, ct))
            {
                throw new DomainException("secondEvaluation.exists", "该整改事项已对这次测评开展过回头看。",
                    "This item already has a second evaluation of that vote.");
            }
            var title = TitlePrefix + item.Title;
            // Same rules as the first vote, whatever the session's settings say now.
            var spec = new VoteSpec(PollKind.Single, title, [new VoteItemSpec(title, item.DepartmentId, null, firstItem.AgendaItemId)],
                null, first.Rule(), first.Named, AllowBlank: false, by, FollowsPollId: first.Id, RectificationItemId: item.Id);
            var pollView = await VoteOpening.OpenAsync(change, spec, ct);
            item.LastUpdateAt = change.Now;
            db.RectificationUpdates.Add(new RectificationUpdate
            {
                ItemId = item.Id, Kind = RectificationUpdateKind.SecondEvaluation, Note = title, By = by, At = change.Now,
            });
            await RectificationsApi.PublishAsync(change, item, ct);
            return pollView;
        }, ct);
        return TypedResults.Created($"/api/sessions/{sessionId}/polls/{view.Id}", view);
    }
}
