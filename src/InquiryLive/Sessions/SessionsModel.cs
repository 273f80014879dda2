using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace InquiryLive.Sessions;

internal sealed class InquirySessionConfiguration : IEntityTypeConfiguration<InquirySession>
{
    public void Configure(EntityTypeBuilder<InquirySession> e)
    {
        e.ToTable("Sessions");
        e.Property(s => s.Title).HasMaxLength(200);
        e.Property(s => s.Topic).HasMaxLength(500);
        e.Property(s => s.Description).HasMaxLength(4000);
        e.Property(s => s.StreamUrl).HasMaxLength(1000);
        e.Property(s => s.RuleSet).HasMaxLength(40);
        e.Property(s => s.ClockPhase).HasMaxLength(20);
        e.HasMany(s => s.Departments).WithOne().HasForeignKey(d => d.SessionId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class DepartmentConfiguration : IEntityTypeConfiguration<Department>
{
    public void Configure(EntityTypeBuilder<Department> e)
    {
        e.Property(d => d.Name).HasMaxLength(100);
        e.Property(d => d.HeadTitle).HasMaxLength(100);
        e.HasIndex(d => new { d.SessionId, d.Order });
    }
}
