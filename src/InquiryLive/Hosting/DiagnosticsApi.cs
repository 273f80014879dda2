using System.Diagnostics;
using InquiryLive.Accounts;
using InquiryLive.Live;
using Microsoft.AspNetCore.Http.HttpResults;

namespace InquiryLive.Hosting;

/// <summary>
/// What the diagnostics endpoints report; <c>GcPauseMilliseconds</c> is the total time the GC has paused
/// the process since it started; <c>SocketBuffers</c> is Kestrel's memory pool (part of the managed heap);
/// <c>SharedArrayPoolRaised</c> says whether the raised shared array pool limit is in effect;
/// <c>GroupCommit</c> is the work of the writer of questions and public ratings.
/// </summary>
public sealed record ServerDiagnostics(long ManagedHeapBytes, long WorkingSetBytes, double CpuMilliseconds, int GcCount0, int GcCount1, int GcCount2, int Viewers,
    double GcPauseMilliseconds, MemoryPoolFigures SocketBuffers, bool SharedArrayPoolRaised, GroupCommitFigures GroupCommit);

/// <summary>
/// For operators and the benchmarks: memory and CPU of this process, optionally after a full GC.
/// Admin only.
/// </summary>
internal static class DiagnosticsApi
{
    public static RouteGroupBuilder MapDiagnostics(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/admin/diagnostics").WithTags("Diagnostics").RequireAuthorization(Policies.AdminOnly);
        group.MapGet("/", (PresenceTracker presence, TrimmingBlockMemoryPoolFactory pools, GroupCommit commit) => TypedResults.Ok(Read(presence, pools, commit)));
        group.MapPost("/gc", (PresenceTracker presence, TrimmingBlockMemoryPoolFactory pools, GroupCommit commit) =>
        {
            GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
            GC.WaitForPendingFinalizers();
            GC.Collect();
            return TypedResults.Ok(Read(presence, pools, commit));
        });
        return group;
    }

    private static ServerDiagnostics Read(PresenceTracker presence, TrimmingBlockMemoryPoolFactory pools, GroupCommit commit)
    {
        using var process = Process.GetCurrentProcess();
        return new ServerDiagnostics(GC.GetTotalMemory(false), process.WorkingSet64, process.TotalProcessorTime.TotalMilliseconds,
            GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2), presence.TotalViewers, GC.GetTotalPauseDuration().TotalMilliseconds, pools.Figures(),
            SharedArrayPoolLimit.InEffect, commit.Figures());
    }
}
