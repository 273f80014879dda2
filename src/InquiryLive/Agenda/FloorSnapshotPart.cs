using InquiryLive.Data;
using InquiryLive.Sessions;

namespace InquiryLive.Agenda;

/// <summary>Snapshot section <c>floor</c>: the current question (public) and the next agenda questioner.</summary>
internal sealed class FloorSnapshotPart : ISnapshotPart
{
    public string Name => "floor";

    public async Task<object?> ReadAsync(AppDbContext db, InquirySession session, CancellationToken ct) => new FloorSection(
        await AgendaQueries.FloorAsync(db, session.CurrentFloorItemId, ct),
        await AgendaQueries.NextAsync(db, session.Id, ct));
}
