using InquiryLive.Accounts;
using InquiryLive.Data;
using InquiryLive.Domain;
using InquiryLive.Domain.Text;
using InquiryLive.Hosting;
using InquiryLive.Live;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace InquiryLive.Members;

public sealed record EvaluatorGroupRequest(string? Name);

public sealed record EvaluatorGroupView(int Id, string Name, int Members);

/// <summary>
/// Evaluator groups (列席的人大代表, 市民代表…): the admin names them; their people are added to the
/// roster with the group and get personal links like members. Their tallies are shown apart, labelled
/// with the group's name, and never decide the official verdict.
/// </summary>
internal static class EvaluatorGroupsApi
{
    public static RouteGroupBuilder MapEvaluatorGroups(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/sessions/{sessionId:guid}/evaluator-groups").WithTags("Members").RequireAuthorization(Policies.AdminOnly);
        group.MapGet("/", List);
        group.MapPost("/", Add).ProducesProblem(409);
        group.MapDelete("/{groupId:int}", Remove).ProducesProblem(404).ProducesProblem(409);
        return group;
    }

    private static async Task<Ok<EvaluatorGroupView[]>> List(Guid sessionId, AppDbContext db, CancellationToken ct) =>
        TypedResults.Ok(await db.EvaluatorGroups.AsNoTracking().Where(g => g.SessionId == sessionId).OrderBy(g => g.Order)
            .Select(g => new EvaluatorGroupView(g.Id, g.Name, db.RosterMembers.Count(m => m.GroupId == g.Id))).ToArrayAsync(ct));

    private static async Task<Results<Created<EvaluatorGroupView>, ValidationProblem>> Add(
        Guid sessionId, EvaluatorGroupRequest request, SessionCommands commands, HttpContext http, CancellationToken ct)
    {
        var name = PlainText.Normalize(request.Name);
        var errors = new InputErrors(http).Require(name.Length is > 0 and <= 50, "name", "请填写分组名称（不超过 50 字），如“列席代表”。",
            "Name the group (up to 50 characters), e.g. attending deputies.");
        if (errors.Any) return errors.ToProblem();
        var view = await commands.RunAsync(sessionId, async change =>
        {
            await RosterFreeze.EnsureNoVoteOpenAsync(change, ct);
            var groups = change.Db.EvaluatorGroups.Where(g => g.SessionId == sessionId);
            if (await groups.AnyAsync(g => g.Name == name, ct))
            {
                throw new DomainException("evaluatorGroup.duplicate", "已有同名的分组。", "A group of that name exists.");
            }
            var group = new EvaluatorGroup { SessionId = sessionId, Name = name, Order = (await groups.MaxAsync(g => (int?)g.Order, ct) ?? 0) + 1 };
            change.Db.EvaluatorGroups.Add(group);
            await change.Db.SaveChangesAsync(ct);
            return new EvaluatorGroupView(group.Id, group.Name, 0);
        }, ct);
        return TypedResults.Created($"/api/sessions/{sessionId}/evaluator-groups/{view.Id}", view);
    }

    private static async Task<NoContent> Remove(Guid sessionId, int groupId, SessionCommands commands, CancellationToken ct)
    {
        await commands.RunAsync(sessionId, async change =>
        {
            var group = await change.Db.EvaluatorGroups.FirstOrDefaultAsync(g => g.Id == groupId && g.SessionId == sessionId, ct)
                ?? throw new DomainException("evaluatorGroup.notFound", "没有找到该测评人员分组。", "No such evaluator group.", 404);
            await RosterFreeze.EnsureNoVoteOpenAsync(change, ct);
            if (await change.Db.RosterMembers.AnyAsync(m => m.GroupId == groupId, ct))
            {
                throw new DomainException("evaluatorGroup.inUse", "该分组中还有人员，请先移除他们。", "The group still has people in it: remove them first.");
            }
            change.Db.EvaluatorGroups.Remove(group);
        }, ct);
        return TypedResults.NoContent();
    }
}
