using InquiryLive.Data;

namespace InquiryLive.Sessions;

/// <summary>
/// Each feature adds its section to a session snapshot (the current question, the live feed, the
/// published results…) by registering one of these. All parts are read in one transaction, so the
/// snapshot is consistent with its seq.
/// </summary>
public interface ISnapshotPart
{
    /// <summary>The property name of this section in the snapshot JSON.</summary>
    string Name { get; }

    /// <summary>True for sections only staff consoles may read (staff snapshot).</summary>
    bool StaffOnly => false;

    Task<object?> ReadAsync(AppDbContext db, InquirySession session, CancellationToken ct);
}

public static class SnapshotPartRegistration
{
    public static IServiceCollection AddSnapshotPart<T>(this IServiceCollection services) where T : class, ISnapshotPart =>
        services.AddScoped<ISnapshotPart, T>();
}
