using InquiryLive.Accounts;
using InquiryLive.Domain.Text;
using InquiryLive.Hosting;
using InquiryLive.Live;
using Microsoft.AspNetCore.Http.HttpResults;

namespace InquiryLive.Polls;

/// <summary>The chair's satisfaction vote (single or 测评表): open, close, publish, read the frozen tally; the clerk's paper counts.</summary>
internal static class PollsApi
{
    public const int MinSeconds = 10;
    public const int MaxSeconds = 3600;
    public const int MaxSheetItems = 30;

    public static RouteGroupBuilder MapPollControl(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/sessions/{sessionId:guid}/polls").WithTags("Polls");
        group.MapPost("/", Open).RequireAuthorization(Policies.ChairOnly).ProducesProblem(404).ProducesProblem(409);
        group.MapPost("/{pollId:guid}/close", Close).RequireAuthorization(Policies.ChairOnly).ProducesProblem(404);
        group.MapPost("/{pollId:guid}/publish", Publish).RequireAuthorization(Policies.ChairOnly).ProducesProblem(404).ProducesProblem(409);
        group.MapGet("/{pollId:guid}/tally", GetTally).RequireAuthorization(Policies.ChairOnly).ProducesProblem(404).ProducesProblem(409);
        group.MapPost("/{pollId:guid}/paper", EnterPaper).RequireAuthorization(Policies.ClerkWork).ProducesProblem(404).ProducesProblem(409);
        return group;
    }

    private static async Task<Results<Ok<PollView>, ValidationProblem>> Open(
        Guid sessionId, OpenPollRequest request, SessionCommands commands, HttpContext http, CancellationToken ct)
    {
        var title = PlainText.Normalize(request.Title ?? "");
        var items = request.Items ?? [];
        var errors = new InputErrors(http)
            .Require(title.Length <= 200, "title", "标题不能超过200字。", "The title may have at most 200 characters.")
            .Require(request.Seconds is null || request.Seconds is >= MinSeconds and <= MaxSeconds, "seconds",
                $"限时须在{MinSeconds}到{MaxSeconds}秒之间。", $"The time limit must be {MinSeconds} to {MaxSeconds} seconds.")
            .Require(request.Items is null || items.Count is >= 2 and <= MaxSheetItems, "items",
                $"测评表须有 2 到 {MaxSheetItems} 项。", $"A sheet has 2 to {MaxSheetItems} items.")
            .Require(items.All(i => i is not null && (i.DepartmentId is not null || i.FloorItemId is not null || PlainText.Normalize(i.Title).Length > 0)),
                "items", "测评表的每一项须选择应询部门或填写名称。", "Each item of a sheet names a department or has a title.")
            .Require(items.All(i => i is null || PlainText.Normalize(i.Title).Length <= 200), "items", "每一项的名称不超过200字。", "An item's title may have at most 200 characters.")
            .Require(PlainText.Normalize(request.SupersedeReason).Length <= 500, "supersedeReason", "理由不超过500字。", "The reason may have at most 500 characters.");
        if (errors.Any) return errors.ToProblem();

        var by = http.User.UserName()!;
        var view = await commands.RunAsync(sessionId, async change =>
        {
            var session = change.Session;
            var kind = request.Items is null ? PollKind.Single : PollKind.Sheet;
            List<VoteItemSpec> specs = kind == PollKind.Single
                ? [await PollSubjects.SingleAsync(change, request, ct)]
                : await PollSubjects.SheetAsync(change, items, ct);
            var defaultTitle = kind == PollKind.Single ? specs[0].Title : PollSubjects.SheetTitle;
            var spec = new VoteSpec(kind, title.Length > 0 ? title : defaultTitle, specs,
                request.Seconds, session.Rule(), session.NamedVoting, kind == PollKind.Sheet && session.AllowBlankItems, by,
                SupersedeReason: request.SupersedeReason);
            return await VoteOpening.OpenAsync(change, spec, ct);
        }, ct);
        return TypedResults.Ok(view);
    }

    private static async Task<Ok<PollResultView>> Close(Guid sessionId, Guid pollId, SessionCommands commands, HttpContext http, CancellationToken ct)
    {
        var by = http.User.UserName()!;
        return TypedResults.Ok(await commands.RunAsync(sessionId, change => PollLifecycle.CloseAsync(change, pollId, by, ct), ct));
    }

    private static async Task<Ok<PollResultView>> Publish(
        Guid sessionId, Guid pollId, PublishRequest? request, SessionCommands commands, HttpContext http, CancellationToken ct)
    {
        var by = http.User.UserName()!;
        var confirm = request?.ConfirmInvalid ?? false;
        return TypedResults.Ok(await commands.RunAsync(sessionId, change => PollLifecycle.PublishAsync(change, pollId, confirm, by, ct), ct));
    }

    private static async Task<Ok<PollResultView>> GetTally(Guid sessionId, Guid pollId, Data.AppDbContext db, CancellationToken ct) =>
        TypedResults.Ok(await PollLifecycle.TallyAsync(db, sessionId, pollId, ct));

    private static async Task<Results<Ok<PaperEntered>, ValidationProblem>> EnterPaper(
        Guid sessionId, Guid pollId, PaperCountRequest request, SessionCommands commands, HttpContext http, CancellationToken ct)
    {
        var errors = new InputErrors(http);
        var counts = new List<PaperBallots.ItemCount>();
        if (request.Items is { } items)
        {
            for (var i = 0; i < items.Count; i++)
            {
                var item = items[i];
                var ok = item is { ItemId: > 0 } && IsCount(item.Satisfied) && IsCount(item.BasicallySatisfied) && IsCount(item.Dissatisfied);
                errors.Require(ok, $"items[{i}]", "请为每一项填写编号和三个票数（0或正整数）。", "Give each item its id and three counts (zero or a positive whole number).");
                if (ok) counts.Add(new(item.ItemId!.Value, item.Satisfied!.Value, item.BasicallySatisfied!.Value, item.Dissatisfied!.Value));
            }
            errors.Require(items.Count > 0, "items", "请录入每一项的票数。", "Enter the counts of every item.");
        }
        else
        {
            foreach (var (field, value) in new[] { ("satisfied", request.Satisfied), ("basicallySatisfied", request.BasicallySatisfied), ("dissatisfied", request.Dissatisfied) })
            {
                errors.Require(IsCount(value), field, "请输入0或正整数。", "Enter zero or a positive whole number.");
            }
            if (!errors.Any) counts.Add(new(0, request.Satisfied!.Value, request.BasicallySatisfied!.Value, request.Dissatisfied!.Value));
        }
        var reason = PlainText.Normalize(request.Reason);
        errors.Require(request.Ballots is null || IsCount(request.Ballots), "ballots", "请输入0或正整数。", "Enter zero or a positive whole number.")
            .Require(!request.Replace || reason.Length > 0, "reason", "替换已有计票结果须说明理由。", "Give the reason for replacing the tally.")
            .Require(reason.Length <= 500, "reason", "理由不超过500字。", "The reason may have at most 500 characters.");
        if (errors.Any) return errors.ToProblem();
        var enteredBy = http.User.UserName()!;
        var entered = await commands.RunAsync(sessionId, change => PaperBallots.EnterAsync(
            change, pollId, counts, request.Ballots, request.Replace, reason, enteredBy, ct), ct);
        return TypedResults.Ok(entered);
    }

    private static bool IsCount(int? value) => value is >= 0 and <= 10000;
}
