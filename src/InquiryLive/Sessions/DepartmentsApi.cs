using InquiryLive.Accounts;
using InquiryLive.Domain;
using InquiryLive.Domain.Text;
using InquiryLive.Hosting;
using InquiryLive.Live;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace InquiryLive.Sessions;

/// <summary>The departments answering in a session (应询部门): add, rename, remove while unused.</summary>
internal static class DepartmentsApi
{
    public static RouteGroupBuilder MapDepartments(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/sessions/{sessionId:guid}/departments").WithTags("Session setup")
            .RequireAuthorization(Policies.AdminOnly);
        group.MapPost("/", Add);
        group.MapPut("/{departmentId:int}", Update);
        group.MapDelete("/{departmentId:int}", Delete);
        return group;
    }

    private static InputErrors Validate(DepartmentRequest r, HttpContext http) => new InputErrors(http)
        .Require(PlainText.Normalize(r.Name).Length is > 0 and <= 100, "name", "请填写部门名称（不超过 100 字）。", "Enter the department's name (up to 100 characters).")
        .Require(PlainText.Normalize(r.HeadTitle).Length <= 100, "headTitle", "负责人职务不超过 100 字。", "The head's title may have up to 100 characters.");

    private static async Task<Results<Created<DepartmentView>, ValidationProblem>> Add(
        Guid sessionId, DepartmentRequest request, SessionCommands commands, HttpContext http, CancellationToken ct)
    {
        var errors = Validate(request, http);
        if (errors.Any) return errors.ToProblem();
        var view = await commands.RunAsync(sessionId, async change =>
        {
            var last = await change.Db.Departments.Where(d => d.SessionId == sessionId).MaxAsync(d => (int?)d.Order, ct) ?? 0;
            var department = new Department
            {
                SessionId = sessionId, Name = PlainText.Normalize(request.Name), HeadTitle = PlainText.Normalize(request.HeadTitle), Order = last + 1,
            };
            change.Db.Departments.Add(department);
            await change.Db.SaveChangesAsync(ct);
            await SessionAdminApi.PublishSessionAsync(change, ct);
            return new DepartmentView(department.Id, department.Name, department.HeadTitle);
        }, ct);
        return TypedResults.Created($"/api/sessions/{sessionId}/departments/{view.Id}", view);
    }

    private static async Task<Results<Ok<DepartmentView>, ValidationProblem>> Update(
        Guid sessionId, int departmentId, DepartmentRequest request, SessionCommands commands, HttpContext http, CancellationToken ct)
    {
        var errors = Validate(request, http);
        if (errors.Any) return errors.ToProblem();
        var view = await commands.RunAsync(sessionId, async change =>
        {
            var department = await FindAsync(change, departmentId, ct);
            department.Name = PlainText.Normalize(request.Name);
            department.HeadTitle = PlainText.Normalize(request.HeadTitle);
            await SessionAdminApi.PublishSessionAsync(change, ct);
            return new DepartmentView(department.Id, department.Name, department.HeadTitle);
        }, ct);
        return TypedResults.Ok(view);
    }

    private static async Task<NoContent> Delete(Guid sessionId, int departmentId, SessionCommands commands, CancellationToken ct)
    {
        await commands.RunAsync(sessionId, async change =>
        {
            var department = await FindAsync(change, departmentId, ct);
            var db = change.Db;
            var inUse = await db.AgendaItems.AnyAsync(a => a.DepartmentId == departmentId, ct)
                || await db.Questions.AnyAsync(q => q.DepartmentId == departmentId, ct)
                || await db.FloorItems.AnyAsync(f => f.DepartmentId == departmentId, ct)
                || await db.PollItems.AnyAsync(i => i.DepartmentId == departmentId, ct);
            if (inUse)
            {
                throw new DomainException("department.inUse", "该部门已被议程、问题或测评使用，不能删除。",
                    "This department is used by the agenda, a question or a vote and cannot be deleted.");
            }
            db.Departments.Remove(department);
            await db.SaveChangesAsync(ct);
            await SessionAdminApi.PublishSessionAsync(change, ct);
        }, ct);
        return TypedResults.NoContent();
    }

    private static async Task<Department> FindAsync(SessionChange change, int departmentId, CancellationToken ct) =>
        await change.Db.Departments.FirstOrDefaultAsync(d => d.Id == departmentId && d.SessionId == change.Session.Id, ct)
        ?? throw new DomainException("department.notFound", "没有找到该部门。", "No such department.", 404);
}
