using InquiryLive.Sessions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace InquiryLive.Polls;

internal sealed class PollConfiguration : IEntityTypeConfiguration<Poll>
{
    public void Configure(EntityTypeBuilder<Poll> e)
    {
        e.Property(p => p.Title).HasMaxLength(500);
        e.Property(p => p.RuleSet).HasMaxLength(40);
        e.Property(p => p.EnteredBy).HasMaxLength(100);
        e.HasIndex(p => new { p.SessionId, p.OpenedAt });
        e.HasOne<InquirySession>().WithMany().HasForeignKey(p => p.SessionId).OnDelete(DeleteBehavior.Cascade);
        e.HasMany(p => p.Items).WithOne().HasForeignKey(i => i.PollId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class PollItemConfiguration : IEntityTypeConfiguration<PollItem>
{
    public void Configure(EntityTypeBuilder<PollItem> e)
    {
        e.Property(i => i.Title).HasMaxLength(500);
        e.Property(i => i.Verdict).HasMaxLength(40);
        e.Property(i => i.SupersededReason).HasMaxLength(500);
        e.Property(i => i.SupersededBy).HasMaxLength(100);
        e.HasIndex(i => new { i.PollId, i.Order }).IsUnique();
        e.HasIndex(i => i.FloorItemId);
        e.HasIndex(i => i.DepartmentId);
    }
}

internal sealed class PollGroupTallyConfiguration : IEntityTypeConfiguration<PollGroupTally>
{
    public void Configure(EntityTypeBuilder<PollGroupTally> e)
    {
        e.Property(t => t.GroupName).HasMaxLength(100);
        e.HasIndex(t => new { t.ItemId, t.GroupId }).IsUnique();
        e.HasOne<Poll>().WithMany().HasForeignKey(t => t.PollId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class VoteAuditEntryConfiguration : IEntityTypeConfiguration<VoteAuditEntry>
{
    public void Configure(EntityTypeBuilder<VoteAuditEntry> e)
    {
        e.Property(a => a.Action).HasMaxLength(40);
        e.Property(a => a.By).HasMaxLength(100);
        e.Property(a => a.Reason).HasMaxLength(500);
        e.HasIndex(a => new { a.SessionId, a.At });
        e.HasIndex(a => a.PollId);
    }
}

internal sealed class BallotReceiptConfiguration : IEntityTypeConfiguration<BallotReceipt>
{
    public void Configure(EntityTypeBuilder<BallotReceipt> e)
    {
        e.HasKey(r => r.BallotId);
        e.Property(r => r.BallotId).ValueGeneratedNever();
        // One ballot per member per vote, enforced by the database.
        e.HasIndex(r => new { r.PollId, r.MemberId }).IsUnique();
        e.HasOne<Poll>().WithMany().HasForeignKey(r => r.PollId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class BallotChoiceConfiguration : IEntityTypeConfiguration<BallotChoice>
{
    public void Configure(EntityTypeBuilder<BallotChoice> e)
    {
        e.HasIndex(c => c.PollId);
        e.HasOne<Poll>().WithMany().HasForeignKey(c => c.PollId).OnDelete(DeleteBehavior.Cascade);
        e.HasOne<PollItem>().WithMany().HasForeignKey(c => c.ItemId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class PublicRatingConfiguration : IEntityTypeConfiguration<PublicRating>
{
    public void Configure(EntityTypeBuilder<PublicRating> e)
    {
        e.HasKey(r => new { r.PollId, r.ViewerId });
        e.Property(r => r.ViewerId).HasMaxLength(64);
        e.HasOne<Poll>().WithMany().HasForeignKey(r => r.PollId).OnDelete(DeleteBehavior.Cascade);
    }
}
