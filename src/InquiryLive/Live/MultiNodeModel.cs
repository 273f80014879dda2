using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace InquiryLive.Live;

/// <summary>
/// How many viewers of a session one app node holds right now. Each node refreshes its rows
/// twice a second; the viewer count is the sum of rows with a fresh heartbeat (PostgreSQL only).
/// </summary>
public sealed class NodePresence
{
    public required string NodeId { get; set; }
    public Guid SessionId { get; set; }
    public int Viewers { get; set; }
    public DateTimeOffset HeartbeatAt { get; set; }
}

/// <summary>
/// A private note for one viewer (<see cref="MyQuestionChanged"/>), written in the same transaction
/// as the change so that every node can deliver it to the viewer wherever they are connected
/// (PostgreSQL only). Kept for a few minutes, then deleted.
/// </summary>
public sealed class ViewerNote
{
    public long Id { get; set; }
    public Guid SessionId { get; set; }
    public required string ViewerId { get; set; }
    /// <summary>The <see cref="MyQuestionChanged"/> as JSON.</summary>
    public required string Data { get; set; }
    public DateTimeOffset At { get; set; }
}

internal sealed class NodePresenceConfiguration : IEntityTypeConfiguration<NodePresence>
{
    public void Configure(EntityTypeBuilder<NodePresence> e)
    {
        e.ToTable("NodePresence");
        e.HasKey(p => new { p.NodeId, p.SessionId });
        e.Property(p => p.NodeId).HasMaxLength(64);
        e.HasIndex(p => new { p.SessionId, p.HeartbeatAt });
    }
}

internal sealed class ViewerNoteConfiguration : IEntityTypeConfiguration<ViewerNote>
{
    public void Configure(EntityTypeBuilder<ViewerNote> e)
    {
        e.ToTable("ViewerNotes");
        e.HasKey(n => n.Id);
        e.Property(n => n.Id).ValueGeneratedOnAdd();
        e.Property(n => n.ViewerId).HasMaxLength(64);
        e.HasIndex(n => new { n.SessionId, n.Id });
        e.HasIndex(n => n.At);
    }
}
