namespace InquiryLive.Live;

public enum EventStream { Public = 0, Staff = 1 }

/// <summary>
/// The session's event log: every state change appends one row in the same transaction as the
/// change, numbered gap-free per (session, stream). Reconnecting clients read what they missed here.
/// </summary>
public sealed class SessionEvent
{
    public Guid SessionId { get; set; }
    public EventStream Stream { get; set; }
    public long Seq { get; set; }
    public required string Type { get; set; }
    /// <summary>The event payload as JSON, serialised once and sent as-is.</summary>
    public required string Data { get; set; }
    public DateTimeOffset At { get; set; }
}
