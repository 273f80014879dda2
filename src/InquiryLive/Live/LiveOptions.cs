using System.ComponentModel.DataAnnotations;

namespace InquiryLive.Live;

/// <summary>Settings of the live connections (section "Live" of appsettings.json).</summary>
public sealed class LiveOptions
{
    public const string Section = "Live";

    /// <summary>
    /// How many members of a group a push is written to before the thread pool gets to carry them
    /// to their sockets (<see cref="PacedGroupLifetimeManager{THub}"/>); 0 writes to all at once, as
    /// SignalR's own manager does.
    /// </summary>
    [Range(0, 1_000_000)]
    public int BroadcastBatchSize { get; set; } = 256;
}
