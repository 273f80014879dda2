using InquiryLive.Sessions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace InquiryLive.Agenda;

internal sealed class AgendaItemConfiguration : IEntityTypeConfiguration<AgendaItem>
{
    public void Configure(EntityTypeBuilder<AgendaItem> e)
    {
        e.Property(a => a.QuestionerName).HasMaxLength(100);
        e.Property(a => a.Subject).HasMaxLength(500);
        e.HasIndex(a => new { a.SessionId, a.Order });
        e.HasOne<InquirySession>().WithMany().HasForeignKey(a => a.SessionId).OnDelete(DeleteBehavior.Cascade);
        e.HasOne<Department>().WithMany().HasForeignKey(a => a.DepartmentId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class FloorItemConfiguration : IEntityTypeConfiguration<FloorItem>
{
    public void Configure(EntityTypeBuilder<FloorItem> e)
    {
        e.Property(f => f.QuestionerName).HasMaxLength(100);
        e.Property(f => f.ReadBy).HasMaxLength(100);
        e.Property(f => f.Text).HasMaxLength(2000);
        e.HasIndex(f => new { f.SessionId, f.Order }).IsUnique();
        e.HasOne<InquirySession>().WithMany().HasForeignKey(f => f.SessionId).OnDelete(DeleteBehavior.Cascade);
        e.HasMany(f => f.FollowUps).WithOne().HasForeignKey(u => u.FloorItemId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class FollowUpQuestionConfiguration : IEntityTypeConfiguration<FollowUpQuestion>
{
    public void Configure(EntityTypeBuilder<FollowUpQuestion> e)
    {
        e.Property(f => f.QuestionerName).HasMaxLength(100);
        e.Property(f => f.Text).HasMaxLength(2000);
    }
}
