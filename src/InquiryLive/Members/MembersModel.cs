using InquiryLive.Accounts;
using InquiryLive.Sessions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace InquiryLive.Members;

internal sealed class RosterMemberConfiguration : IEntityTypeConfiguration<RosterMember>
{
    public void Configure(EntityTypeBuilder<RosterMember> e)
    {
        e.Property(m => m.DisplayName).HasMaxLength(100);
        e.Property(m => m.SignInTokenHash).HasMaxLength(100);
        e.HasIndex(m => new { m.SessionId, m.UserId }).IsUnique();
        e.HasIndex(m => m.SignInTokenHash).IsUnique();
        e.HasOne<InquirySession>().WithMany().HasForeignKey(m => m.SessionId).OnDelete(DeleteBehavior.Cascade);
        e.HasOne<AppUser>().WithMany().HasForeignKey(m => m.UserId).OnDelete(DeleteBehavior.Restrict);
        e.Property(m => m.AttendanceBy).HasMaxLength(100);
        e.HasOne<EvaluatorGroup>().WithMany().HasForeignKey(m => m.GroupId).OnDelete(DeleteBehavior.NoAction);
    }
}

internal sealed class EvaluatorGroupConfiguration : IEntityTypeConfiguration<EvaluatorGroup>
{
    public void Configure(EntityTypeBuilder<EvaluatorGroup> e)
    {
        e.Property(g => g.Name).HasMaxLength(100);
        e.HasIndex(g => new { g.SessionId, g.Name }).IsUnique();
        e.HasOne<InquirySession>().WithMany().HasForeignKey(g => g.SessionId).OnDelete(DeleteBehavior.Cascade);
    }
}
