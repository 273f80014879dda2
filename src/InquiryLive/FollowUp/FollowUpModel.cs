using InquiryLive.Questions;
using InquiryLive.Sessions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace InquiryLive.FollowUp;

internal sealed class RectificationItemConfiguration : IEntityTypeConfiguration<RectificationItem>
{
    public void Configure(EntityTypeBuilder<RectificationItem> e)
    {
        e.ToTable("RectificationItems");
        e.Property(r => r.Title).HasMaxLength(200);
        e.Property(r => r.Detail).HasMaxLength(4000);
        e.Property(r => r.Owner).HasMaxLength(100);
        e.Property(r => r.CreatedBy).HasMaxLength(100);
        e.Property(r => r.ClosingNote).HasMaxLength(2000);
        e.Property(r => r.LastNote).HasMaxLength(2000);
        e.HasIndex(r => new { r.SessionId, r.DepartmentId });
        e.HasOne<InquirySession>().WithMany().HasForeignKey(r => r.SessionId).OnDelete(DeleteBehavior.Cascade);
        e.HasOne<Department>().WithMany().HasForeignKey(r => r.DepartmentId).OnDelete(DeleteBehavior.Restrict);
        e.HasMany(r => r.Updates).WithOne().HasForeignKey(u => u.ItemId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class RectificationUpdateConfiguration : IEntityTypeConfiguration<RectificationUpdate>
{
    public void Configure(EntityTypeBuilder<RectificationUpdate> e)
    {
        e.ToTable("RectificationUpdates");
        e.Property(u => u.Note).HasMaxLength(2000);
        e.Property(u => u.By).HasMaxLength(100);
        e.HasIndex(u => new { u.ItemId, u.At });
    }
}

internal sealed class WrittenReplyRecordConfiguration : IEntityTypeConfiguration<WrittenReplyRecord>
{
    public void Configure(EntityTypeBuilder<WrittenReplyRecord> e)
    {
        e.ToTable("WrittenReplies");
        e.Property(w => w.Text).HasMaxLength(8000);
        e.Property(w => w.By).HasMaxLength(100);
        e.HasIndex(w => new { w.SessionId, w.QuestionId, w.At });
        e.HasOne<InquirySession>().WithMany().HasForeignKey(w => w.SessionId).OnDelete(DeleteBehavior.Cascade);
        e.HasOne<Question>().WithMany().HasForeignKey(w => w.QuestionId).OnDelete(DeleteBehavior.Cascade);
    }
}
