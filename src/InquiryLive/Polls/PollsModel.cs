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
        e.Property(p => p.Verdict).HasMaxLength(40);
        e.Property(p => p.EnteredBy).HasMaxLength(100);
        e.HasIndex(p => new { p.SessionId, p.OpenedAt });
        e.HasOne<InquirySession>().WithMany().HasForeignKey(p => p.SessionId).OnDelete(DeleteBehavior.Cascade);
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
