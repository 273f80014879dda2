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
    }
}
