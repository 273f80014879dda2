using InquiryLive.Data;
using InquiryLive.Sessions;

namespace InquiryLive.FollowUp;

public static class FollowUpSetup
{
    public static WebApplicationBuilder AddFollowUp(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<ReportBuilder>();
        builder.Services.AddSnapshotPart<RectificationsSnapshotPart>();
        return builder;
    }
}

/// <summary>Snapshot section <c>rectifications</c>: the public rectification list (kept current by <c>rectification.changed</c>).</summary>
internal sealed class RectificationsSnapshotPart(TimeProvider time) : ISnapshotPart
{
    public string Name => "rectifications";

    public async Task<object?> ReadAsync(AppDbContext db, InquirySession session, CancellationToken ct) =>
        await FollowUpQueries.RectificationsAsync(db, session.Id, time.GetUtcNow(), ct);
}
