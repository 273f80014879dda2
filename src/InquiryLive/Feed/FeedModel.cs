using InquiryLive.Sessions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace InquiryLive.Feed;

internal sealed class FeedPostConfiguration : IEntityTypeConfiguration<FeedPost>
{
    public void Configure(EntityTypeBuilder<FeedPost> e)
    {
        e.Property(p => p.Text).HasMaxLength(4000);
        e.Property(p => p.PostedBy).HasMaxLength(100);
        e.HasIndex(p => new { p.SessionId, p.Id });
        e.HasOne<InquirySession>().WithMany().HasForeignKey(p => p.SessionId).OnDelete(DeleteBehavior.Cascade);
    }
}
