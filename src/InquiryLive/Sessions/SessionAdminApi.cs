using InquiryLive.Accounts;
using InquiryLive.Agenda;
using InquiryLive.Data;
using InquiryLive.Domain;
using InquiryLive.Domain.Sessions;
using InquiryLive.Hosting;
using InquiryLive.Live;
using System.Text.Json;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace InquiryLive.Sessions;

/// <summary>Setting up a session (admin): create, edit settings and rules, read the whole setup and the roster.</summary>
internal static class SessionAdminApi
{
    public static RouteGroupBuilder MapSessionAdmin(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/sessions").WithTags("Session setup").RequireAuthorization(Policies.AdminOnly);
        group.MapPost("/", Create);
        group.MapPut("/{sessionId:guid}", Replace).Accepts<SessionSettingsRequest>("application/json").ProducesProblem(409);
        group.MapPatch("/{sessionId:guid}", Patch).ProducesProblem(409);
        group.MapGet("/{sessionId:guid}/setup", Setup);
        group.MapGet("/{sessionId:guid}/roster", Roster);
        app.MapDepartments();
        app.MapRulePresets();
        return group;
    }

    private static async Task<Results<Created<SessionSettingsView>, ValidationProblem>> Create(
        SessionSettingsRequest request, AppDbContext db, WriteGate gate, TimeProvider time, HttpContext http, CancellationToken ct)
    {
        var session = new InquirySession { Id = Guid.NewGuid(), Title = "", State = SessionState.Draft, CreatedAt = time.GetUtcNow() };
        var errors = SessionSettingsInput.Validate(request, session, new InputErrors(http), partial: false);
        if (errors.Any) return errors.ToProblem();
        SessionSettingsInput.Apply(request, session, partial: false);
        // A new session has no stream yet, so nothing to publish; the gate keeps SQLite writers in line.
        using (await gate.EnterAsync(ct))
        {
            db.Sessions.Add(session);
            await db.SaveChangesAsync(ct);
        }
        return TypedResults.Created($"/api/sessions/{session.Id}/setup", SessionSettingsView.From(session));
    }

    /// <summary>PUT: a full replacement. A field left out is a 400 (never a silent erase).</summary>
    private static async Task<Results<Ok<SessionSettingsView>, ValidationProblem>> Replace(
        Guid sessionId, JsonElement body, SessionCommands commands, IOptions<JsonOptions> json, HttpContext http, CancellationToken ct)
    {
        var errors = SessionSettingsInput.RequireAll(body, new InputErrors(http));
        if (errors.Any) return errors.ToProblem();
        SessionSettingsRequest request;
        try
        {
            request = body.Deserialize<SessionSettingsRequest>(json.Value.SerializerOptions)!;
        }
        catch (JsonException e)
        {
            // A field of the wrong type ("askSeconds": "abc"): name it, as model binding would.
            var field = e.Path?.TrimStart('$', '.') is { Length: > 0 } path ? path : "body";
            return new InputErrors(http).Add(field, "该项的格式不正确。", "This field has the wrong type.").ToProblem();
        }
        return await EditAsync(sessionId, request, partial: false, commands, http, ct);
    }

    /// <summary>PATCH: changes only the fields it carries.</summary>
    private static Task<Results<Ok<SessionSettingsView>, ValidationProblem>> Patch(
        Guid sessionId, SessionSettingsRequest request, SessionCommands commands, HttpContext http, CancellationToken ct) =>
        EditAsync(sessionId, request, partial: true, commands, http, ct);

    private static async Task<Results<Ok<SessionSettingsView>, ValidationProblem>> EditAsync(
        Guid sessionId, SessionSettingsRequest request, bool partial, SessionCommands commands, HttpContext http, CancellationToken ct)
    {
        InputErrors? invalid = null;
        var view = await commands.RunAsync(sessionId, async change =>
        {
            var session = change.Session;
            var errors = SessionSettingsInput.Validate(request, session, new InputErrors(http), partial);
            if (errors.Any) { invalid = errors; return null; }
            if (session.RulesFrozen && SessionSettingsInput.ChangesRules(request, session))
            {
                throw new DomainException("session.rulesFrozen",
                    "会议已经开始，测评规则（规则、门槛、基数、参加测评人数下限、记名与否）已锁定，不能再修改。",
                    "The sitting has started: the evaluation rules (rule set, bars, bases, minimum turnout, named voting) are frozen.");
            }
            SessionSettingsInput.Apply(request, session, partial);
            await PublishSessionAsync(change, ct);
            return SessionSettingsView.From(session);
        }, ct);
        return invalid is not null ? invalid.ToProblem() : TypedResults.Ok(view!);
    }

    /// <summary>Tells every screen the session's public facts changed (title, clock settings, departments).</summary>
    internal static async Task PublishSessionAsync(SessionChange change, CancellationToken ct)
    {
        // Loading the departments into the tracked session fills its Departments list.
        await change.Db.Departments.Where(d => d.SessionId == change.Session.Id).LoadAsync(ct);
        change.Publish("session.updated", new SessionUpdated(SessionView.From(change.Session)));
    }

    private static async Task<Ok<SessionSetupView>> Setup(Guid sessionId, AppDbContext db, CancellationToken ct)
    {
        var session = await db.Sessions.AsNoTracking().Include(s => s.Departments).FirstOrDefaultAsync(s => s.Id == sessionId, ct)
            ?? throw NotFound();
        var departments = session.Departments.OrderBy(d => d.Order).Select(d => new DepartmentView(d.Id, d.Name, d.HeadTitle)).ToList();
        var agenda = await AgendaQueries.ListAsync(db, sessionId, ct);
        return TypedResults.Ok(new SessionSetupView(SessionSettingsView.From(session), departments, agenda, await ReadRosterAsync(db, sessionId, ct)));
    }

    private static async Task<Ok<IReadOnlyList<RosterEntryView>>> Roster(Guid sessionId, AppDbContext db, CancellationToken ct)
    {
        if (!await db.Sessions.AnyAsync(s => s.Id == sessionId, ct)) throw NotFound();
        return TypedResults.Ok(await ReadRosterAsync(db, sessionId, ct));
    }

    private static async Task<IReadOnlyList<RosterEntryView>> ReadRosterAsync(AppDbContext db, Guid sessionId, CancellationToken ct) =>
        await db.RosterMembers.AsNoTracking().Where(m => m.SessionId == sessionId).OrderBy(m => m.Id)
            .Select(m => new RosterEntryView(m.Id, m.DisplayName,
                db.Users.Where(u => u.Id == m.UserId).Select(u => u.UserName).FirstOrDefault(), m.SignInTokenHash != null, m.GroupId))
            .ToListAsync(ct);

    internal static DomainException NotFound() =>
        new("session.notFound", "没有找到该询问会议。", "No such inquiry session.", 404);
}
