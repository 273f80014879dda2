using InquiryLive.Accounts;
using InquiryLive.Agenda;
using InquiryLive.Feed;
using InquiryLive.FollowUp;
using InquiryLive.Live;
using InquiryLive.Members;
using InquiryLive.Moderation;
using InquiryLive.Polls;
using InquiryLive.Questions;
using InquiryLive.Sessions;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace InquiryLive.Data;

/// <summary>
/// The one database of the product. SQLite uses this type; PostgreSQL uses the
/// <see cref="PostgresDbContext"/> subclass so that each provider has its own migrations.
/// </summary>
public class AppDbContext : IdentityDbContext<AppUser>, IDataProtectionKeyContext
{
    public AppDbContext(DbContextOptions<AppDbContext> options) : base(options) { }

    protected AppDbContext(DbContextOptions options) : base(options) { }

    public DbSet<InquirySession> Sessions => Set<InquirySession>();
    public DbSet<Department> Departments => Set<Department>();
    public DbSet<AgendaItem> AgendaItems => Set<AgendaItem>();
    public DbSet<FloorItem> FloorItems => Set<FloorItem>();
    public DbSet<FollowUpQuestion> FollowUpQuestions => Set<FollowUpQuestion>();
    public DbSet<RosterMember> RosterMembers => Set<RosterMember>();
    public DbSet<Question> Questions => Set<Question>();
    public DbSet<MeToo> MeToos => Set<MeToo>();
    public DbSet<ModerationDecision> ModerationDecisions => Set<ModerationDecision>();
    public DbSet<SensitiveWord> SensitiveWords => Set<SensitiveWord>();
    public DbSet<EvaluatorGroup> EvaluatorGroups => Set<EvaluatorGroup>();
    public DbSet<Poll> Polls => Set<Poll>();
    public DbSet<PollItem> PollItems => Set<PollItem>();
    public DbSet<PollGroupTally> PollGroupTallies => Set<PollGroupTally>();
    public DbSet<VoteAuditEntry> VoteAudit => Set<VoteAuditEntry>();
    public DbSet<BallotReceipt> BallotReceipts => Set<BallotReceipt>();
    public DbSet<BallotChoice> BallotChoices => Set<BallotChoice>();
    public DbSet<PublicRating> PublicRatings => Set<PublicRating>();
    public DbSet<FeedPost> FeedPosts => Set<FeedPost>();
    public DbSet<SessionEvent> Events => Set<SessionEvent>();
    public DbSet<RectificationItem> RectificationItems => Set<RectificationItem>();
    public DbSet<RectificationUpdate> RectificationUpdates => Set<RectificationUpdate>();
    public DbSet<WrittenReplyRecord> WrittenReplies => Set<WrittenReplyRecord>();
    public DbSet<NodePresence> NodePresence => Set<NodePresence>();
    public DbSet<ViewerNote> ViewerNotes => Set<ViewerNote>();
    /// <summary>Data Protection keys, shared by all nodes on PostgreSQL (SQLite keeps them in files).</summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        // Each feature folder holds the IEntityTypeConfiguration of its own entities.
        builder.ApplyConfigurationsFromAssembly(typeof(AppDbContext).Assembly);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configuration)
    {
        // SQLite cannot compare or order DateTimeOffset text; all times are UTC, so store them as
        // sortable integers there. PostgreSQL keeps its native timestamptz.
        if (Database.ProviderName == "Microsoft.EntityFrameworkCore.Sqlite")
        {
            configuration.Properties<DateTimeOffset>().HaveConversion<DateTimeOffsetToBinaryConverter>();
        }
    }
}
