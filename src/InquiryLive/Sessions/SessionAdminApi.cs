using InquiryLive.Accounts;
using InquiryLive.Agenda;
using InquiryLive.Data;
using InquiryLive.Domain;
using InquiryLive.Domain.Sessions;
using InquiryLive.Live;
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
        group.MapPut("/{sessionId:guid}", Update);
        group.MapGet("/{sessionId:guid}/setup", Setup);
        group.MapGet("/{sessionId:guid}/roster", Roster);
        app.MapDepartments();
        return group;
    }

    private static async Task<Results<Created<SessionSettingsView>, ValidationProblem>> Create(
        SessionSettingsRequest request, AppDbContext db, WriteGate gate, TimeProvider time, HttpContext http, CancellationToken ct)
    {
        var errors = SessionSettingsInput.Validate(request, http);
        if (errors.Any) return errors.ToProblem();
        var session = new InquirySession { Id = Guid.NewGuid(), Title = "", State = SessionState.Draft, CreatedAt = time.GetUtcNow() };
        SessionSettingsInput.Apply(request, session);
        // A new session has no stream yet, so nothing to publish; the gate keeps SQLite writers in line.
        using (await gate.EnterAsync(ct))
        {
            db.Sessions.Add(session);
            await db.SaveChangesAsync(ct);
        }
        return TypedResults.Created($"/api/sessions/{session.Id}/setup", SessionSettingsView.From(session));
    }

    private static async Task<Results<Ok<SessionSettingsView>, ValidationProblem>> Update(
        Guid sessionId, SessionSettingsRequest request, SessionCommands commands, HttpContext http, CancellationToken ct)
    {
        var errors = SessionSettingsInput.Validate(request, http);
        if (errors.Any) return errors.ToProblem();
        var view = await commands.RunAsync(sessionId, async change =>
        {
            SessionSettingsInput.Apply(request, change.Session);
            await PublishSessionAsync(change, ct);
            return SessionSettingsView.From(change.Session);
        }, ct);
        return TypedResults.Ok(view);
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
                db.Users.Where(u => u.Id == m.UserId).Select(u => u.UserName).FirstOrDefault(), m.SignInTokenHash != null))
            .ToListAsync(ct);

    internal static DomainException NotFound() =>
        new("session.notFound", "没有找到该询问会议。", "No such inquiry session.", 404);
}
