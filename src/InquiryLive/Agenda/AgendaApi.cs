using InquiryLive.Accounts;
using InquiryLive.Data;
using InquiryLive.Domain;
using InquiryLive.Domain.Sessions;
using InquiryLive.Domain.Text;
using InquiryLive.Hosting;
using InquiryLive.Live;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace InquiryLive.Agenda;

/// <summary>The agenda (询问议程): staff read it; the admin adds, edits, removes and reorders questioners.</summary>
internal static class AgendaApi
{
    public static RouteGroupBuilder MapAgendaSetup(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/sessions/{sessionId:guid}/agenda").WithTags("Agenda");
        group.MapGet("/", List).RequireAuthorization(Policies.Staff);
        group.MapPost("/", Add).RequireAuthorization(Policies.AdminOnly);
        group.MapPut("/{itemId:int}", Update).RequireAuthorization(Policies.AdminOnly);
        group.MapDelete("/{itemId:int}", Delete).RequireAuthorization(Policies.AdminOnly);
        group.MapPut("/order", Reorder).RequireAuthorization(Policies.AdminOnly);
        return group;
    }

    private static async Task<Ok<IReadOnlyList<AgendaItemView>>> List(Guid sessionId, AppDbContext db, CancellationToken ct)
    {
        if (!await db.Sessions.AnyAsync(s => s.Id == sessionId, ct)) throw NotFound("session.notFound");
        return TypedResults.Ok(await AgendaQueries.ListAsync(db, sessionId, ct));
    }

    private static async Task<Results<Created<AgendaItemView>, ValidationProblem>> Add(
        Guid sessionId, AgendaItemRequest request, SessionCommands commands, AppDbContext db, HttpContext http, CancellationToken ct)
    {
        var errors = await ValidateAsync(request, sessionId, db, http, ct);
        if (errors.Any) return errors.ToProblem();
        var view = await commands.RunAsync(sessionId, async change =>
        {
            var last = await change.Db.AgendaItems.Where(a => a.SessionId == sessionId).MaxAsync(a => (int?)a.Order, ct) ?? 0;
            var item = new AgendaItem { SessionId = sessionId, QuestionerName = "", Order = last + 1 };
            Apply(request, item);
            change.Db.AgendaItems.Add(item);
            return (await SaveAndPublishAsync(change, ct)).First(a => a.Id == item.Id);
        }, ct);
        return TypedResults.Created($"/api/sessions/{sessionId}/agenda/{view.Id}", view);
    }

    private static async Task<Results<Ok<AgendaItemView>, ValidationProblem>> Update(
        Guid sessionId, int itemId, AgendaItemRequest request, SessionCommands commands, AppDbContext db, HttpContext http, CancellationToken ct)
    {
        var errors = await ValidateAsync(request, sessionId, db, http, ct);
        if (errors.Any) return errors.ToProblem();
        var view = await commands.RunAsync(sessionId, async change =>
        {
            var item = await FindAsync(change, itemId, ct);
            Apply(request, item);
            return (await SaveAndPublishAsync(change, ct)).First(a => a.Id == item.Id);
        }, ct);
        return TypedResults.Ok(view);
    }

    private static async Task<NoContent> Delete(Guid sessionId, int itemId, SessionCommands commands, CancellationToken ct)
    {
        await commands.RunAsync(sessionId, async change =>
        {
            var item = await FindAsync(change, itemId, ct);
            if (item.Status != AgendaItemStatus.Waiting)
            {
                throw new DomainException("agenda.called", "该询问人已被点名，不能删除。", "This questioner has already been called and cannot be removed.");
            }
            change.Db.AgendaItems.Remove(item);
            await SaveAndPublishAsync(change, ct);
        }, ct);
        return TypedResults.NoContent();
    }

    private static async Task<Results<Ok<IReadOnlyList<AgendaItemView>>, ValidationProblem>> Reorder(
        Guid sessionId, AgendaOrderRequest request, SessionCommands commands, HttpContext http, CancellationToken ct)
    {
        if (request.ItemIds is not { Length: > 0 } ids)
        {
            return new InputErrors(http).Add("itemIds", "请按新顺序列出全部议程。", "List every agenda item in the new order.").ToProblem();
        }
        var list = await commands.RunAsync(sessionId, async change =>
        {
            var items = await change.Db.AgendaItems.Where(a => a.SessionId == sessionId).ToListAsync(ct);
            if (!SessionSettingsRules.IsPermutation(items.Select(i => i.Id).ToArray(), ids))
            {
                throw new DomainException("agenda.order", "新顺序须包含全部议程且每项一次，请刷新后重试。",
                    "The new order must name every agenda item exactly once; reload and try again.", 400);
            }
            var byId = items.ToDictionary(i => i.Id);
            for (var i = 0; i < ids.Length; i++) byId[ids[i]].Order = i + 1;
            return await SaveAndPublishAsync(change, ct);
        }, ct);
        return TypedResults.Ok(list);
    }

    private static async Task<InputErrors> ValidateAsync(AgendaItemRequest r, Guid sessionId, AppDbContext db, HttpContext http, CancellationToken ct)
    {
        var departmentOk = r.DepartmentId is null
            || await db.Departments.AnyAsync(d => d.Id == r.DepartmentId && d.SessionId == sessionId, ct);
        return new InputErrors(http)
            .Require(PlainText.Normalize(r.QuestionerName).Length is > 0 and <= 100, "questionerName", "请填写询问人（不超过 100 字）。", "Enter the questioner (up to 100 characters).")
            .Require(r.QuestionerKind is { } kind && Enum.IsDefined(kind), "questionerKind", "请选择询问人身份。", "Choose the questioner's kind.")
            .Require(departmentOk, "departmentId", "请选择本会议的应询部门。", "Choose a department of this session.")
            .Require(PlainText.Normalize(r.Subject).Length <= 500, "subject", "询问内容不超过 500 字。", "The subject may have up to 500 characters.");
    }

    private static void Apply(AgendaItemRequest r, AgendaItem item)
    {
        item.QuestionerName = PlainText.Normalize(r.QuestionerName);
        item.QuestionerKind = r.QuestionerKind ?? QuestionerKind.Member;
        item.DepartmentId = r.DepartmentId;
        item.Subject = PlainText.Normalize(r.Subject);
    }

    /// <summary>Saves, then tells staff consoles the agenda changed; returns the whole agenda as sent.</summary>
    internal static async Task<IReadOnlyList<AgendaItemView>> SaveAndPublishAsync(SessionChange change, CancellationToken ct)
    {
        await change.Db.SaveChangesAsync(ct);
        var all = await AgendaQueries.ListAsync(change.Db, change.Session.Id, ct);
        change.PublishToStaff("agenda.changed", new AgendaChanged(all));
        return all;
    }

    private static async Task<AgendaItem> FindAsync(SessionChange change, int itemId, CancellationToken ct) =>
        await change.Db.AgendaItems.FirstOrDefaultAsync(a => a.Id == itemId && a.SessionId == change.Session.Id, ct)
        ?? throw NotFound("agenda.notFound");

    private static DomainException NotFound(string code) => code == "session.notFound"
        ? new(code, "没有找到该询问会议。", "No such inquiry session.", 404)
        : new(code, "没有找到该议程。", "No such agenda item.", 404);
}
