using InquiryLive.Data;
using InquiryLive.Polls;
using Microsoft.EntityFrameworkCore;

namespace InquiryLive.Members;

/// <summary>签到 of the committee members as it stands: 应到 (the roster), 实到, 请假. Evaluator groups are not counted.</summary>
public static class AttendanceCounts
{
    public static async Task<AttendanceFigures> ReadAsync(AppDbContext db, Guid sessionId, CancellationToken ct)
    {
        var counts = await db.RosterMembers.AsNoTracking().Where(m => m.SessionId == sessionId && m.GroupId == null)
            .GroupBy(m => m.Attendance).Select(g => new { Status = g.Key, Count = g.Count() }).ToListAsync(ct);
        return new AttendanceFigures(counts.Sum(c => c.Count),
            counts.Where(c => c.Status == AttendanceStatus.Present).Sum(c => c.Count),
            counts.Where(c => c.Status == AttendanceStatus.OnLeave).Sum(c => c.Count));
    }
}

/// <summary>Snapshot <c>attendance</c> (public): 应到 / 实到 / 请假 for the chair, the big screen and viewers.</summary>
internal sealed class AttendanceSnapshotPart : Sessions.ISnapshotPart
{
    public string Name => "attendance";

    public async Task<object?> ReadAsync(AppDbContext db, Sessions.InquirySession session, CancellationToken ct) =>
        await AttendanceCounts.ReadAsync(db, session.Id, ct);
}
