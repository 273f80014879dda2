using InquiryLive.Data;
using Microsoft.EntityFrameworkCore;

namespace InquiryLive.Agenda;

/// <summary>Reads shared by the admin page, the chair console, the snapshot and the floor events.</summary>
internal static class AgendaQueries
{
    public static async Task<IReadOnlyList<AgendaItemView>> ListAsync(AppDbContext db, Guid sessionId, CancellationToken ct) =>
        await db.AgendaItems.AsNoTracking().Where(a => a.SessionId == sessionId).OrderBy(a => a.Order).ThenBy(a => a.Id)
            .Select(a => new AgendaItemView(a.Id, a.Order, a.QuestionerName, a.QuestionerKind, a.DepartmentId,
                db.Departments.Where(d => d.Id == a.DepartmentId).Select(d => d.Name).FirstOrDefault(), a.Subject, a.Status))
            .ToListAsync(ct);

    public static async Task<AgendaNextView?> NextAsync(AppDbContext db, Guid sessionId, CancellationToken ct) =>
        await db.AgendaItems.AsNoTracking().Where(a => a.SessionId == sessionId && a.Status == AgendaItemStatus.Waiting)
            .OrderBy(a => a.Order).ThenBy(a => a.Id)
            .Select(a => new AgendaNextView(a.QuestionerName, db.Departments.Where(d => d.Id == a.DepartmentId).Select(d => d.Name).FirstOrDefault()))
            .FirstOrDefaultAsync(ct);

    public static async Task<FloorView?> FloorAsync(AppDbContext db, long? floorItemId, CancellationToken ct)
    {
        if (floorItemId is null) return null;
        var item = await db.FloorItems.AsNoTracking().Include(f => f.FollowUps).FirstOrDefaultAsync(f => f.Id == floorItemId, ct);
        if (item is null) return null;
        var departmentName = await DepartmentNameAsync(db, item.DepartmentId, ct);
        return ToView(item, departmentName);
    }

    public static async Task<string?> DepartmentNameAsync(AppDbContext db, int? departmentId, CancellationToken ct) =>
        departmentId is null ? null : await db.Departments.Where(d => d.Id == departmentId).Select(d => d.Name).FirstOrDefaultAsync(ct);

    public static FloorView ToView(FloorItem f, string? departmentName) => new(
        f.Id, f.Order, f.Source, f.QuestionerName, f.ReadBy, f.DepartmentId, departmentName, f.Text, f.Outcome, f.CalledAt,
        f.AnsweredAt, f.FollowUps.OrderBy(u => u.At).ThenBy(u => u.Id).Select(ToView).ToList());

    public static FollowUpView ToView(FollowUpQuestion u) => new(u.Id, u.QuestionerName, u.Text, u.At);
}
