using InquiryLive.Sessions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace InquiryLive.Live;

internal sealed class SessionEventConfiguration : IEntityTypeConfiguration<SessionEvent>
{
    public void Configure(EntityTypeBuilder<SessionEvent> e)
    {
        e.ToTable("Events");
        // The key itself guarantees no sequence number is ever used twice.
        e.HasKey(x => new { x.SessionId, x.Stream, x.Seq });
        e.Property(x => x.Type).HasMaxLength(60);
        e.HasOne<InquirySession>().WithMany().HasForeignKey(x => x.SessionId).OnDelete(DeleteBehavior.Cascade);
    }
}
