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

    /// <summary>
    /// The kernel send buffer, in bytes, of each WebSocket hub connection (<see cref="HubSocketSendBuffer"/>);
    /// 0 leaves it to the operating system, which grows it up to 4 MB for a peer that stops reading.
    /// </summary>
    [Range(0, 16 * 1024 * 1024)]
    public int HubSendBufferBytes { get; set; } = 64 * 1024;
}
