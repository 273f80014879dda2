using InquiryLive.Sessions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace InquiryLive.Questions;

internal sealed class QuestionConfiguration : IEntityTypeConfiguration<Question>
{
    public void Configure(EntityTypeBuilder<Question> e)
    {
        e.Property(q => q.Id).ValueGeneratedNever();
        e.Property(q => q.ViewerId).HasMaxLength(64);
        e.Property(q => q.Nickname).HasMaxLength(30);
        e.Property(q => q.Text).HasMaxLength(2000);
        e.Property(q => q.OriginalText).HasMaxLength(2000);
        e.Property(q => q.RejectReason).HasMaxLength(500);
        e.Property(q => q.Flags).HasMaxLength(500);
        e.Property(q => q.ClaimedBy).HasMaxLength(100);
        e.Property(q => q.DecidedBy).HasMaxLength(100);
        e.Property(q => q.ReadBy).HasMaxLength(100);
        e.Property(q => q.WrittenReply).HasMaxLength(8000);
        e.HasIndex(q => new { q.SessionId, q.Status, q.CreatedAt });
        e.HasIndex(q => new { q.SessionId, q.ViewerId });
        e.HasOne<InquirySession>().WithMany().HasForeignKey(q => q.SessionId).OnDelete(DeleteBehavior.Cascade);
        e.HasOne<Department>().WithMany().HasForeignKey(q => q.DepartmentId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class MeTooConfiguration : IEntityTypeConfiguration<MeToo>
{
    public void Configure(EntityTypeBuilder<MeToo> e)
    {
        e.HasKey(m => new { m.QuestionId, m.ViewerId });
        e.Property(m => m.ViewerId).HasMaxLength(64);
        e.HasOne<Question>().WithMany().HasForeignKey(m => m.QuestionId).OnDelete(DeleteBehavior.Cascade);
    }
}
