using InquiryLive.Domain;
using InquiryLive.Domain.Text;
using InquiryLive.Live;
using Microsoft.EntityFrameworkCore;

namespace InquiryLive.Polls;

/// <summary>Turns what the chair named (a question on the floor, an agenda item, a department) into the items a vote rates.</summary>
internal static class PollSubjects
{
    public const string SheetTitle = "满意度测评表";

    /// <summary>A single vote's subject: the named floor item, agenda item or department, else the current question.</summary>
    public static async Task<VoteItemSpec> SingleAsync(SessionChange change, OpenPollRequest r, CancellationToken ct)
    {
        var db = change.Db;
        var sessionId = change.Session.Id;
        int? departmentId = r.DepartmentId;
        int? agendaItemId = r.AgendaItemId;
        long? floorItemId = r.FloorItemId ?? (r.AgendaItemId is null && r.DepartmentId is null ? change.Session.CurrentFloorItemId : null);
        string? subject = null;
        if (floorItemId is { } fid)
        {
            var floor = await db.FloorItems.FirstOrDefaultAsync(f => f.Id == fid && f.SessionId == sessionId, ct) ?? throw FloorItemNotFound();
            departmentId ??= floor.DepartmentId;
            // The agenda item the question came from: a later vote naming it rates the same answer.
            agendaItemId ??= floor.AgendaItemId;
            subject = floor.QuestionerName;
        }
        if (r.AgendaItemId is { } aid)
        {
            var item = await db.AgendaItems.FirstOrDefaultAsync(a => a.Id == aid && a.SessionId == sessionId, ct)
                ?? throw new DomainException("poll.agendaItemNotFound", "没有找到该议程。", "No such agenda item.", 404);
            departmentId ??= item.DepartmentId;
            subject ??= item.QuestionerName;
        }
        var department = departmentId is { } did ? await DepartmentNameAsync(change, did, ct) : null;
        var title = department is not null ? $"对{department}答询的满意度测评"
            : subject is not null ? $"对{subject}所提问题答询的满意度测评" : "满意度测评";
        return new VoteItemSpec(title, departmentId, floorItemId, agendaItemId);
    }

    /// <summary>The items of a 测评表, each a department, an answer on the floor, or a title of its own; no subject twice.</summary>
    public static async Task<List<VoteItemSpec>> SheetAsync(SessionChange change, IReadOnlyList<SheetItemRequest> items, CancellationToken ct)
    {
        var specs = new List<VoteItemSpec>();
        foreach (var i in items)
        {
            var title = PlainText.Normalize(i.Title);
            int? departmentId = i.DepartmentId;
            int? agendaItemId = null;
            if (i.FloorItemId is { } fid)
            {
                var floor = await change.Db.FloorItems.FirstOrDefaultAsync(f => f.Id == fid && f.SessionId == change.Session.Id, ct) ?? throw FloorItemNotFound();
                departmentId ??= floor.DepartmentId;
                agendaItemId = floor.AgendaItemId;
                if (title.Length == 0) title = $"{floor.QuestionerName}所提问题的答询";
            }
            if (departmentId is { } did)
            {
                var name = await DepartmentNameAsync(change, did, ct);
                if (title.Length == 0) title = name;
                else if (i.FloorItemId is not null) title = $"{name}：{title}";
            }
            specs.Add(new VoteItemSpec(title, departmentId, i.FloorItemId, agendaItemId));
        }
        var repeated = specs.GroupBy(s => s.FloorItemId is { } f ? $"f{f}" : s.DepartmentId is { } d ? $"d{d}" : $"t{s.Title}").Any(g => g.Count() > 1);
        if (repeated)
        {
            throw new DomainException("poll.sheetRepeats", "测评表中同一部门或同一问题只能出现一次。",
                "A department or a question appears only once on a sheet.", 400);
        }
        return specs;
    }

    private static async Task<string> DepartmentNameAsync(SessionChange change, int departmentId, CancellationToken ct) =>
        await change.Db.Departments.Where(d => d.Id == departmentId && d.SessionId == change.Session.Id).Select(d => d.Name).FirstOrDefaultAsync(ct)
        ?? throw new DomainException("poll.departmentNotFound", "没有找到该应询部门。", "No such department.", 404);

    private static DomainException FloorItemNotFound() => new("poll.floorItemNotFound", "没有找到该问题。", "No such question on the floor.", 404);
}
