using InquiryLive.Accounts;
using InquiryLive.Data;
using InquiryLive.Domain;
using InquiryLive.Domain.FollowUp;
using InquiryLive.Domain.Text;
using InquiryLive.Hosting;
using InquiryLive.Live;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace InquiryLive.FollowUp;

public sealed record CreateRectificationRequest(
    int? DepartmentId, long? FloorItemId, Guid? PollId, string? Title, string? Detail, DateOnly? Deadline, string? Owner);

public sealed record RectificationNoteRequest(string? Note);

/// <summary>
/// The rectification list: Admin and Clerk create items and record progress; Chair (all staff)
/// reads. There is deliberately no delete: an item ends only by being closed with a note.
/// </summary>
internal static class RectificationsApi
{
    public static RouteGroupBuilder MapRectifications(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/sessions/{sessionId:guid}/rectifications").WithTags("FollowUp");
        group.MapGet("/", List).RequireAuthorization(Policies.Staff);
        group.MapGet("/{itemId:long}", Detail).RequireAuthorization(Policies.Staff);
        group.MapPost("/", Create).RequireAuthorization(Policies.ClerkWork);
        group.MapPost("/{itemId:long}/progress", Progress).RequireAuthorization(Policies.ClerkWork);
        group.MapPost("/{itemId:long}/start", Start).RequireAuthorization(Policies.ClerkWork);
        group.MapPost("/{itemId:long}/close", Close).RequireAuthorization(Policies.ClerkWork);
        return group;
    }

    private static async Task<Ok<RectificationView[]>> List(Guid sessionId, AppDbContext db, TimeProvider time, CancellationToken ct) =>
        TypedResults.Ok((await FollowUpQueries.RectificationsAsync(db, sessionId, time.GetUtcNow(), ct)).ToArray());

    private static async Task<Ok<RectificationDetail>> Detail(Guid sessionId, long itemId, AppDbContext db, TimeProvider time, CancellationToken ct)
    {
        var item = await db.RectificationItems.AsNoTracking().Include(r => r.Updates)
            .FirstOrDefaultAsync(r => r.SessionId == sessionId && r.Id == itemId, ct) ?? throw NotFound();
        var names = await FollowUpQueries.DepartmentNamesAsync(db, sessionId, ct);
        var history = item.Updates.OrderBy(u => u.At).ThenBy(u => u.Id)
            .Select(u => new RectificationUpdateView(u.Id, u.Kind, u.Note, u.By, u.At)).ToList();
        return TypedResults.Ok(new RectificationDetail(
            RectificationView.From(item, names.GetValueOrDefault(item.DepartmentId), time.GetUtcNow()), item.CreatedBy, history));
    }

    private static async Task<Results<Created<RectificationView>, ValidationProblem>> Create(
        Guid sessionId, CreateRectificationRequest request, AppDbContext db, SessionCommands commands, TimeProvider time,
        HttpContext http, CancellationToken ct)
    {
        var title = PlainText.Normalize(request.Title);
        var detail = PlainText.Normalize(request.Detail, keepLineBreaks: true);
        var owner = PlainText.Normalize(request.Owner);
        var errors = new InputErrors(http)
            .Require(title.Length > 0, "title", "请填写整改事项标题。", "Give the item a title.")
            .Require(title.Length <= 200, "title", "标题不能超过 200 字。", "The title may not exceed 200 characters.")
            .Require(detail.Length <= 4000, "detail", "说明不能超过 4000 字。", "The detail may not exceed 4000 characters.")
            .Require(owner.Length > 0, "owner", "请填写责任人或责任处室。", "Name who is responsible.")
            .Require(owner.Length <= 100, "owner", "责任人不能超过 100 字。", "The owner may not exceed 100 characters.")
            .Require(request.Deadline is not null, "deadline", "请填写整改期限。", "Give a deadline.")
            .Require(request.Deadline is not { } d || RectificationRules.IsAcceptableDeadline(d, time.GetUtcNow()),
                "deadline", "整改期限不能早于今天。", "The deadline may not be in the past.")
            .Require(request.FloorItemId is null || request.PollId is null, "source",
                "一个整改事项只能来自一个问题或一次测评。", "An item comes from one question or one vote, not both.");

        var departmentId = request.DepartmentId;
        if (request.FloorItemId is { } floorItemId)
        {
            var floor = await db.FloorItems.AsNoTracking().Where(f => f.SessionId == sessionId && f.Id == floorItemId)
                .Select(f => new { f.DepartmentId }).FirstOrDefaultAsync(ct);
            errors.Require(floor is not null, "floorItemId", "没有找到该询问问题。", "No such question put in the hall.");
            departmentId ??= floor?.DepartmentId;
        }
        if (request.PollId is { } pollId)
        {
            var poll = await db.Polls.AsNoTracking().Where(p => p.SessionId == sessionId && p.Id == pollId)
                .Select(p => new { Departments = p.Items.Select(i => i.DepartmentId).ToList() }).FirstOrDefaultAsync(ct);
            errors.Require(poll is not null, "pollId", "没有找到该测评。", "No such vote.");
            // A single vote's department; a sheet rates several, so the request names which.
            departmentId ??= poll?.Departments.Distinct().Count() == 1 ? poll.Departments[0] : null;
        }
        var departmentKnown = departmentId is { } dep && await db.Departments.AnyAsync(x => x.SessionId == sessionId && x.Id == dep, ct);
        errors.Require(departmentKnown, "departmentId", "请选择本次会议的应询部门。", "Choose a department of this session.");
        if (errors.Any) return errors.ToProblem();

        var by = http.User.UserName()!;
        var view = await commands.RunAsync(sessionId, async change =>
        {
            var item = new RectificationItem
            {
                SessionId = sessionId,
                DepartmentId = departmentId!.Value,
                Source = request.FloorItemId is not null ? RectificationSource.FloorItem
                    : request.PollId is not null ? RectificationSource.Poll : RectificationSource.Standalone,
                FloorItemId = request.FloorItemId,
                PollId = request.PollId,
                Title = title,
                Detail = detail,
                Deadline = request.Deadline!.Value,
                Owner = owner,
                CreatedAt = change.Now,
                CreatedBy = by,
            };
            item.Updates.Add(new RectificationUpdate { Kind = RectificationUpdateKind.Created, Note = title, By = by, At = change.Now });
            change.Db.RectificationItems.Add(item);
            await change.Db.SaveChangesAsync(ct);
            return await PublishAsync(change, item, ct);
        }, ct);
        return TypedResults.Created($"/api/sessions/{sessionId}/rectifications/{view.Id}", view);
    }

    private static Task<Results<Ok<RectificationView>, ValidationProblem>> Progress(
        Guid sessionId, long itemId, RectificationNoteRequest request, SessionCommands commands, HttpContext http, CancellationToken ct) =>
        Change(sessionId, itemId, request, RectificationUpdateKind.Progress, noteRequired: true, commands, http, ct);

    private static Task<Results<Ok<RectificationView>, ValidationProblem>> Start(
        Guid sessionId, long itemId, RectificationNoteRequest? request, SessionCommands commands, HttpContext http, CancellationToken ct) =>
        Change(sessionId, itemId, request ?? new RectificationNoteRequest(null), RectificationUpdateKind.Started, noteRequired: false, commands, http, ct);

    private static Task<Results<Ok<RectificationView>, ValidationProblem>> Close(
        Guid sessionId, long itemId, RectificationNoteRequest request, SessionCommands commands, HttpContext http, CancellationToken ct) =>
        Change(sessionId, itemId, request, RectificationUpdateKind.Closed, noteRequired: true, commands, http, ct);

    private static async Task<Results<Ok<RectificationView>, ValidationProblem>> Change(
        Guid sessionId, long itemId, RectificationNoteRequest request, RectificationUpdateKind kind, bool noteRequired,
        SessionCommands commands, HttpContext http, CancellationToken ct)
    {
        var note = PlainText.Normalize(request.Note, keepLineBreaks: true);
        var errors = new InputErrors(http)
            .Require(!noteRequired || note.Length > 0, "note",
                kind == RectificationUpdateKind.Closed ? "销号须填写整改结果说明。" : "请填写进展说明。",
                kind == RectificationUpdateKind.Closed ? "Closing an item needs a note on what was done." : "Write a progress note.")
            .Require(note.Length <= 2000, "note", "说明不能超过 2000 字。", "The note may not exceed 2000 characters.");
        if (errors.Any) return errors.ToProblem();

        var by = http.User.UserName()!;
        var view = await commands.RunAsync(sessionId, async change =>
        {
            var item = await change.Db.RectificationItems.FirstOrDefaultAsync(r => r.SessionId == sessionId && r.Id == itemId, ct)
                ?? throw NotFound();
            if (item.ClosedAt is not null)
            {
                throw new DomainException("rectification.closed", "该整改事项已销号，不能再修改。", "This item is closed and can no longer change.");
            }
            // Progress on an item not yet started means work has begun.
            if (kind is RectificationUpdateKind.Started or RectificationUpdateKind.Progress) item.StartedAt ??= change.Now;
            if (kind == RectificationUpdateKind.Closed)
            {
                item.ClosedAt = change.Now;
                item.ClosingNote = note;
            }
            if (note.Length > 0) item.LastNote = note;
            item.LastUpdateAt = change.Now;
            change.Db.RectificationUpdates.Add(new RectificationUpdate { ItemId = item.Id, Kind = kind, Note = note, By = by, At = change.Now });
            return await PublishAsync(change, item, ct);
        }, ct);
        return TypedResults.Ok(view);
    }

    internal static async Task<RectificationView> PublishAsync(SessionChange change, RectificationItem item, CancellationToken ct)
    {
        var name = await change.Db.Departments.Where(d => d.Id == item.DepartmentId).Select(d => d.Name).FirstOrDefaultAsync(ct);
        var view = RectificationView.From(item, name, change.Now);
        change.Publish("rectification.changed", new RectificationChanged(view));
        return view;
    }

    internal static DomainException NotFound() =>
        new("rectification.notFound", "没有找到该整改事项。", "No such rectification item.", 404);
}
