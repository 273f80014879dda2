using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace InquiryLive.Moderation;

internal sealed class ModerationDecisionConfiguration : IEntityTypeConfiguration<ModerationDecision>
{
    public void Configure(EntityTypeBuilder<ModerationDecision> e)
    {
        e.Property(d => d.Moderator).HasMaxLength(100);
        e.Property(d => d.Action).HasMaxLength(30);
        e.Property(d => d.BeforeText).HasMaxLength(2000);
        e.Property(d => d.AfterText).HasMaxLength(2000);
        e.Property(d => d.Reason).HasMaxLength(500);
        e.Property(d => d.PriorState).HasMaxLength(8000);
        e.HasIndex(d => new { d.SessionId, d.At });
        e.HasIndex(d => d.QuestionId);
        // "My last decision" for undo.
        e.HasIndex(d => new { d.SessionId, d.Moderator, d.Id });
    }
}

internal sealed class SensitiveWordConfiguration : IEntityTypeConfiguration<SensitiveWord>
{
    public void Configure(EntityTypeBuilder<SensitiveWord> e)
    {
        e.ToTable("SensitiveWords");
        e.Property(w => w.Word).HasMaxLength(50);
        e.HasIndex(w => w.Word).IsUnique();
    }
}
