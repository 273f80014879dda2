using InquiryLive.Accounts;
using InquiryLive.Domain;
using InquiryLive.Hosting;
using InquiryLive.Live;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace InquiryLive.Polls;

/// <summary>
/// The public's own rating of an answer (群众满意度): once per viewer id, kept in its own table and
/// shown apart; it never touches the members' tally.
/// </summary>
internal static class PublicRatingApi
{
    public const string RateLimit = "publicRating";

    public static RouteGroupBuilder MapPublicRating(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/sessions/{sessionId:guid}/polls").WithTags("Polls");
        group.MapPost("/{pollId:guid}/public-rating", Rate).RequireAuthorization(Policies.Public).RequireRateLimiting(RateLimit);
        return group;
    }

    private static async Task<Results<Ok<PublicRatingAccepted>, ValidationProblem>> Rate(
        Guid sessionId, Guid pollId, PublicRatingRequest request, GroupCommit commit, PollPulse pulse, HttpContext http, CancellationToken ct)
    {
        var errors = new InputErrors(http)
            .Require(request.Choice is { } c && Enum.IsDefined(c), "choice", "请选择满意、基本满意或不满意。", "Choose satisfied, basically satisfied or dissatisfied.");
        if (errors.Any) return errors.ToProblem();
        var viewerId = http.User.ViewerId()!;
        // Grouped with other viewers' ratings into one transaction under a burst (19,000 in 10 s).
        var rater = new Rater(pollId, viewerId);
        var accepted = await commit.RunAsync(sessionId, async change =>
        {
            // Ratings only add rows: a poll's state cannot change within the batch, so it is read once.
            // No request token inside the batch: its reads are shared (see GroupCommit).
            var poll = await change.OnceAsync($"publicRating.poll:{pollId}", () => PollLifecycle.FindAsync(change, pollId, CancellationToken.None));
            if (poll.Kind == PollKind.Sheet)
            {
                throw new DomainException("publicRating.sheet", "测评表不接受网友评价。", "A sheet takes no public rating.");
            }
            if (poll.State == PollState.Published)
            {
                throw new DomainException("publicRating.closed", "该项结果已公布，不再接受评价。", "This result is published: ratings are closed.");
            }
            if (await HasRatedAsync(change, rater)
                || change.Db.PublicRatings.Local.Any(r => r.PollId == pollId && r.ViewerId == viewerId))
            {
                throw new DomainException("publicRating.already", "您已评价过这次答询。", "You have already rated this answer.");
            }
            change.Db.PublicRatings.Add(new PublicRating { PollId = pollId, ViewerId = viewerId, Choice = request.Choice!.Value, At = change.Now });
            return new PublicRatingAccepted(pollId, change.Now);
        }, ct, rater);
        pulse.RatingChanged(sessionId, pollId);
        return TypedResults.Ok(accepted);
    }

    /// <summary>A viewer rating a poll, as the command's key in <see cref="GroupCommit"/>.</summary>
    private sealed record Rater(Guid PollId, string ViewerId);

    /// <summary>
    /// Whether a stored rating of this viewer for this poll exists: one query for every rater of the
    /// batch (19,000 ratings in 10 s come in batches of up to 256) instead of one each.
    /// </summary>
    private static async Task<bool> HasRatedAsync(SessionChange change, Rater rater)
    {
        var rated = await change.OnceAsync("publicRating.rated", async () =>
        {
            var raters = change.KeysInBatch<Rater>().ToHashSet();
            var polls = raters.Select(r => r.PollId).Distinct().ToList();
            var viewers = raters.Select(r => r.ViewerId).Distinct().ToList();
            var stored = await change.Db.PublicRatings.AsNoTracking()
                .Where(r => polls.Contains(r.PollId) && viewers.Contains(r.ViewerId))
                .Select(r => new { r.PollId, r.ViewerId }).ToListAsync();
            return (Looked: raters, Stored: stored.Select(r => new Rater(r.PollId, r.ViewerId)).ToHashSet());
        });
        if (rated.Looked.Contains(rater)) return rated.Stored.Contains(rater);
        return await change.Db.PublicRatings.AnyAsync(r => r.PollId == rater.PollId && r.ViewerId == rater.ViewerId);
    }
}

public sealed record PublicRatingAccepted(Guid PollId, DateTimeOffset At);
