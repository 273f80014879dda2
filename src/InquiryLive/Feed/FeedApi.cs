using InquiryLive.Accounts;
using InquiryLive.Domain.Text;
using InquiryLive.Hosting;
using InquiryLive.Live;
using Microsoft.AspNetCore.Http.HttpResults;

namespace InquiryLive.Feed;

/// <summary>The live text feed (图文直播): clerks post, everyone follows.</summary>
internal static class FeedApi
{
    public const int MaxTextLength = 2000;

    public static RouteGroupBuilder MapFeed(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/sessions/{sessionId:guid}").WithTags("Feed");
        group.MapPost("/feed", Post).RequireAuthorization(Policies.ClerkWork);
        return group;
    }

    private static async Task<Results<Created<FeedPostView>, ValidationProblem>> Post(
        Guid sessionId, FeedPostRequest request, HttpContext http, SessionCommands commands, CancellationToken ct)
    {
        var text = PlainText.Normalize(request.Text, keepLineBreaks: true);
        var errors = new InputErrors(http)
            .Require(text.Length > 0, "text", "请填写直播内容。", "Please write the post.")
            .Require(PlainText.VisibleLength(text) <= MaxTextLength, "text",
                $"内容不能超过 {MaxTextLength} 字。", $"A post may have at most {MaxTextLength} characters.");
        if (errors.Any) return errors.ToProblem();

        var view = await commands.RunAsync(sessionId, async change =>
        {
            var post = new FeedPost { SessionId = sessionId, Text = text, PostedBy = http.User.UserName()!, PostedAt = change.Now };
            change.Db.FeedPosts.Add(post);
            // The post's id is part of the event, so it is numbered first (same transaction).
            await change.Db.SaveChangesAsync(ct);
            var posted = FeedPostView.From(post);
            change.Publish("feed.posted", new FeedPosted(posted));
            return posted;
        }, ct);
        return TypedResults.Created($"/api/sessions/{sessionId}/feed/{view.Id}", view);
    }
}
