using InquiryLive.Accounts;
using InquiryLive.Agenda;
using InquiryLive.Domain;
using InquiryLive.Domain.Sessions;
using InquiryLive.Domain.Text;
using InquiryLive.Hosting;
using InquiryLive.Live;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace InquiryLive.Polls;

/// <summary>The chair's satisfaction vote: open, close, publish, read the frozen tally; the clerk's paper counts.</summary>
internal static class PollsApi
{
    public const int MinSeconds = 10;
    public const int MaxSeconds = 3600;

    public static RouteGroupBuilder MapPollControl(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/sessions/{sessionId:guid}/polls").WithTags("Polls");
        group.MapPost("/", Open).RequireAuthorization(Policies.ChairOnly);
        group.MapPost("/{pollId:guid}/close", Close).RequireAuthorization(Policies.ChairOnly);
        group.MapPost("/{pollId:guid}/publish", Publish).RequireAuthorization(Policies.ChairOnly);
        group.MapGet("/{pollId:guid}/tally", GetTally).RequireAuthorization(Policies.ChairOnly);
        group.MapPost("/{pollId:guid}/paper", EnterPaper).RequireAuthorization(Policies.ClerkWork);
        return group;
    }

    private static async Task<Results<Ok<PollView>, ValidationProblem>> Open(
        Guid sessionId, OpenPollRequest request, SessionCommands commands, HttpContext http, CancellationToken ct)
    {
        var title = PlainText.Normalize(request.Title ?? "");
        var errors = new InputErrors(http)
            .Require(title.Length <= 200, "title", "标题不能超过200字。", "The title may have at most 200 characters.")
            .Require(request.Seconds is null || request.Seconds is >= MinSeconds and <= MaxSeconds, "seconds",
                $"限时须在{MinSeconds}到{MaxSeconds}秒之间。", $"The time limit must be {MinSeconds} to {MaxSeconds} seconds.");
        if (errors.Any) return errors.ToProblem();

        var view = await commands.RunAsync(sessionId, async change =>
        {
            var db = change.Db;
            if (change.Session.State != SessionState.Live)
            {
                throw new DomainException("poll.sessionNotLive", "会议进行中才能发起测评。", "A vote can be opened only while the session is live.");
            }
            if (await db.Polls.AnyAsync(p => p.SessionId == sessionId && p.State == PollState.Open, ct))
            {
                throw new DomainException("poll.alreadyOpen", "已有一项测评正在进行，请先结束它。", "Another vote is still open: close it first.");
            }
            var (departmentId, floorItemId, defaultTitle) = await SubjectAsync(change, request, ct);
            var session = change.Session;
            var poll = new Poll
            {
                Id = Guid.NewGuid(),
                SessionId = sessionId,
                Title = title.Length > 0 ? title : defaultTitle,
                DepartmentId = departmentId,
                FloorItemId = floorItemId,
                AgendaItemId = request.AgendaItemId,
                State = PollState.Open,
                OpenedAt = PollLifecycle.Stored(change.Now),
                ClosesAt = request.Seconds is { } s ? PollLifecycle.Stored(change.Now).AddSeconds(s) : null,
                RuleSet = session.RuleSet,
                RateThreshold = session.RateThreshold,
                QuorumShare = session.QuorumShare,
                Named = session.NamedVoting,
            };
            db.Polls.Add(poll);
            var v = await PollReads.ViewAsync(db, poll, ct);
            change.Publish("poll.opened", new { poll = v });
            change.Publish("poll.turnout", new TurnoutView(poll.Id, 0, await db.RosterMembers.CountAsync(m => m.SessionId == sessionId, ct)));
            return v;
        }, ct);
        return TypedResults.Ok(view);
    }

    /// <summary>What is rated: the named floor item, agenda item or department, else the current question.</summary>
    private static async Task<(int? DepartmentId, long? FloorItemId, string Title)> SubjectAsync(SessionChange change, OpenPollRequest r, CancellationToken ct)
    {
        var db = change.Db;
        var sessionId = change.Session.Id;
        int? departmentId = r.DepartmentId;
        long? floorItemId = r.FloorItemId ?? (r.AgendaItemId is null && r.DepartmentId is null ? change.Session.CurrentFloorItemId : null);
        string? subject = null;
        if (floorItemId is { } fid)
        {
            var floor = await db.FloorItems.FirstOrDefaultAsync(f => f.Id == fid && f.SessionId == sessionId, ct)
                ?? throw new DomainException("poll.floorItemNotFound", "没有找到该问题。", "No such question on the floor.", 404);
            departmentId ??= floor.DepartmentId;
            subject = floor.QuestionerName;
        }
        if (r.AgendaItemId is { } aid)
        {
            var item = await db.AgendaItems.FirstOrDefaultAsync(a => a.Id == aid && a.SessionId == sessionId, ct)
                ?? throw new DomainException("poll.agendaItemNotFound", "没有找到该议程。", "No such agenda item.", 404);
            departmentId ??= item.DepartmentId;
            subject ??= item.QuestionerName;
        }
        var department = departmentId is { } did
            ? await db.Departments.FirstOrDefaultAsync(d => d.Id == did && d.SessionId == sessionId, ct)
                ?? throw new DomainException("poll.departmentNotFound", "没有找到该应询部门。", "No such department.", 404)
            : null;
        var title = department is not null ? $"对{department.Name}答询的满意度测评"
            : subject is not null ? $"对{subject}所提问题答询的满意度测评" : "满意度测评";
        return (department?.Id, floorItemId, title);
    }

    private static async Task<Ok<PollTally>> Close(Guid sessionId, Guid pollId, SessionCommands commands, CancellationToken ct) =>
        TypedResults.Ok(await commands.RunAsync(sessionId, change => PollLifecycle.CloseAsync(change, pollId, ct), ct));

    private static async Task<Ok<PollResultView>> Publish(Guid sessionId, Guid pollId, SessionCommands commands, CancellationToken ct) =>
        TypedResults.Ok(await commands.RunAsync(sessionId, change => PollLifecycle.PublishAsync(change, pollId, ct), ct));

    private static async Task<Ok<PollTally>> GetTally(Guid sessionId, Guid pollId, Data.AppDbContext db, CancellationToken ct)
    {
        var poll = await db.Polls.AsNoTracking().FirstOrDefaultAsync(p => p.Id == pollId && p.SessionId == sessionId, ct)
            ?? throw new DomainException("poll.notFound", "没有找到该测评。", "No such vote.", 404);
        return TypedResults.Ok(PollLifecycle.Tally(poll));
    }

    private static async Task<Results<Ok<PollTally>, ValidationProblem>> EnterPaper(
        Guid sessionId, Guid pollId, PaperCountRequest request, SessionCommands commands, HttpContext http, CancellationToken ct)
    {
        var errors = new InputErrors(http);
        foreach (var (field, value) in new[] { ("satisfied", request.Satisfied), ("basicallySatisfied", request.BasicallySatisfied), ("dissatisfied", request.Dissatisfied) })
        {
            errors.Require(value is >= 0 and <= 10000, field, "请输入0或正整数。", "Enter zero or a positive whole number.");
        }
        if (errors.Any) return errors.ToProblem();
        var enteredBy = http.User.UserName()!;
        var tally = await commands.RunAsync(sessionId, change => PollLifecycle.EnterPaperAsync(
            change, pollId, request.Satisfied!.Value, request.BasicallySatisfied!.Value, request.Dissatisfied!.Value, enteredBy, ct), ct);
        return TypedResults.Ok(tally);
    }
}
