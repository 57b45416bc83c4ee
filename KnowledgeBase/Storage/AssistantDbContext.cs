using Asystent.KnowledgeBase.Analytics;
using Asystent.KnowledgeBase.Appointments;
using Asystent.KnowledgeBase.Cases;
using Asystent.KnowledgeBase.Handoff;
using Asystent.KnowledgeBase.Notifications;
using Asystent.KnowledgeBase.ServiceCards.Editing;
using Asystent.KnowledgeBase.Staff;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Asystent.KnowledgeBase.Storage;

/// <summary>The assistant's own database (SQLite by default). Each feature adds its tables here, with a migration.</summary>
public sealed class AssistantDbContext(DbContextOptions<AssistantDbContext> options) : DbContext(options)
{
    private const string CaseInsensitiveCollation = "case_insensitive";

    public DbSet<SearchQueryRecord> SearchQueries => Set<SearchQueryRecord>();
    public DbSet<ConversationRecord> Conversations => Set<ConversationRecord>();
    public DbSet<ConversationActivityRecord> ConversationActivities => Set<ConversationActivityRecord>();
    public DbSet<AppointmentRecord> Appointments => Set<AppointmentRecord>();
    public DbSet<AppointmentEventRecord> AppointmentEvents => Set<AppointmentEventRecord>();
    public DbSet<OutboxMessageRecord> Outbox => Set<OutboxMessageRecord>();
    public DbSet<CaseRecord> Cases => Set<CaseRecord>();
    public DbSet<CaseEventRecord> CaseEvents => Set<CaseEventRecord>();
    public DbSet<CaseWatchRecord> CaseWatches => Set<CaseWatchRecord>();
    public DbSet<StaffAccountRecord> StaffAccounts => Set<StaffAccountRecord>();
    public DbSet<StaffActionRecord> StaffActions => Set<StaffActionRecord>();
    public DbSet<HandoffRecord> Handoffs => Set<HandoffRecord>();
    public DbSet<CallbackRequestRecord> CallbackRequests => Set<CallbackRequestRecord>();
    public DbSet<AnalyticsEventRecord> AnalyticsEvents => Set<AnalyticsEventRecord>();
    public DbSet<AnalyticsDailyRecord> AnalyticsDaily => Set<AnalyticsDailyRecord>();
    public DbSet<CardDraftRecord> CardDrafts => Set<CardDraftRecord>();
    public DbSet<CardRevisionRecord> CardRevisions => Set<CardRevisionRecord>();
    public DbSet<Gaps.GapDecisionRecord> GapDecisions => Set<Gaps.GapDecisionRecord>();

    /// <summary>
    /// On PostgreSQL, times are stored as SQLite kept them, so the same code reads the same values:
    /// a DateTimeOffset in UTC (timestamptz takes UTC only; every one written is UTC already), a DateTime
    /// as its wall-clock value without a kind ("timestamp without time zone").
    /// </summary>
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        if (Database.IsNpgsql())
        {
            configurationBuilder.Properties<DateTimeOffset>().HaveConversion<UtcDateTimeOffsetConverter>();
            configurationBuilder.Properties<DateTime>().HaveColumnType("timestamp without time zone").HaveConversion<UnspecifiedDateTimeConverter>();
        }
    }

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        var postgreSql = Database.IsNpgsql();
        if (postgreSql)
        {
            // SQLite's NOCASE for staff user names: an ICU collation that ignores case (and only case).
            modelBuilder.HasCollation(CaseInsensitiveCollation, locale: "und-u-ks-level2", provider: "icu", deterministic: false);
        }

        modelBuilder.Entity<SearchQueryRecord>(entity =>
        {
            entity.ToTable("search_queries");
            entity.HasKey(q => q.Id);
            entity.Property(q => q.Query).HasMaxLength(500).IsRequired();
            entity.Property(q => q.Language).HasMaxLength(2).IsRequired();
            entity.Property(q => q.Channel).HasMaxLength(32).IsRequired();
            entity.Property(q => q.TopCardId).HasMaxLength(100);
            entity.HasIndex(q => q.AskedAt);
        });

        modelBuilder.Entity<ConversationRecord>(entity =>
        {
            entity.ToTable("conversations");
            entity.HasKey(c => c.Id);
            entity.Property(c => c.Id).HasMaxLength(64);
            entity.Property(c => c.Channel).HasMaxLength(32).IsRequired();
            entity.Property(c => c.UserId).HasMaxLength(256);
            entity.Property(c => c.Locale).HasMaxLength(16);
            entity.Property(c => c.Version).IsConcurrencyToken();
            entity.HasIndex(c => c.UpdatedAt);
        });

        modelBuilder.Entity<ConversationActivityRecord>(entity =>
        {
            entity.ToTable("conversation_activities");
            entity.HasKey(a => a.Id);
            entity.Property(a => a.ConversationId).HasMaxLength(64).IsRequired();
            entity.Property(a => a.Type).HasMaxLength(32).IsRequired();
            entity.Property(a => a.Json).IsRequired();
            entity.HasIndex(a => new { a.ConversationId, a.Sequence }).IsUnique();
            entity.HasOne<ConversationRecord>().WithMany().HasForeignKey(a => a.ConversationId).OnDelete(DeleteBehavior.Cascade);
        });

        modelBuilder.Entity<AppointmentRecord>(entity =>
        {
            entity.ToTable("appointments");
            entity.HasKey(a => a.Id);
            entity.Property(a => a.Code).HasMaxLength(16).IsRequired();
            entity.Property(a => a.QueueId).HasMaxLength(64).IsRequired();
            entity.Property(a => a.Unit).HasMaxLength(16).IsRequired();
            entity.Property(a => a.Name).HasMaxLength(100).IsRequired();
            entity.Property(a => a.Phone).HasMaxLength(20);
            entity.Property(a => a.Email).HasMaxLength(254);
            entity.Property(a => a.Language).HasMaxLength(2).IsRequired();
            entity.Property(a => a.Status).HasMaxLength(16).IsRequired();
            entity.Property(a => a.CalendarToken).HasMaxLength(32).IsRequired();
            entity.HasIndex(a => a.Code).IsUnique();
            // The capacity guard: one visit per desk per slot. Cancelled visits hold no seat (NULL), and
            // NULLs never collide in a unique index.
            entity.HasIndex(a => new { a.QueueId, a.StartsAt, a.Seat }).IsUnique();
            entity.HasIndex(a => new { a.Unit, a.Day });
            entity.ToTable(t => t.HasCheckConstraint("ck_appointments_seat", postgreSql ? "\"Seat\" IS NULL OR \"Seat\" >= 1" : "Seat IS NULL OR Seat >= 1"));
            entity.HasMany(a => a.History).WithOne().HasForeignKey(e => e.AppointmentId).OnDelete(DeleteBehavior.Cascade);
        });

        modelBuilder.Entity<AppointmentEventRecord>(entity =>
        {
            entity.ToTable("appointment_events");
            entity.HasKey(e => e.Id);
            entity.Property(e => e.Status).HasMaxLength(16).IsRequired();
            entity.Property(e => e.By).HasMaxLength(64).IsRequired();
            entity.Property(e => e.Detail).HasMaxLength(200);
        });

        modelBuilder.Entity<CaseRecord>(entity =>
        {
            entity.ToTable("cases");
            entity.HasKey(c => c.Id);
            entity.Property(c => c.Number).HasMaxLength(32).IsRequired();
            entity.Property(c => c.Unit).HasMaxLength(16).IsRequired();
            entity.Property(c => c.Service).HasMaxLength(100).IsRequired();
            entity.Property(c => c.Status).HasMaxLength(32).IsRequired();
            entity.Property(c => c.Missing).HasMaxLength(CaseRegistry.MaxMissingLength);
            entity.Property(c => c.CodeHash).HasMaxLength(64).IsRequired();
            entity.Property(c => c.CodeSalt).HasMaxLength(32).IsRequired();
            entity.Property(c => c.PhoneLastDigits).HasMaxLength(4);
            entity.HasIndex(c => c.Number).IsUnique();
            entity.HasMany(c => c.History).WithOne().HasForeignKey(e => e.CaseId).OnDelete(DeleteBehavior.Cascade);
        });

        modelBuilder.Entity<CaseEventRecord>(entity =>
        {
            entity.ToTable("case_events");
            entity.HasKey(e => e.Id);
            entity.Property(e => e.Status).HasMaxLength(32).IsRequired();
            entity.Property(e => e.Missing).HasMaxLength(CaseRegistry.MaxMissingLength);
            entity.Property(e => e.Source).HasMaxLength(200).IsRequired();
        });

        modelBuilder.Entity<CaseWatchRecord>(entity =>
        {
            entity.ToTable("case_watches");
            entity.HasKey(w => w.Id);
            entity.Property(w => w.Phone).HasMaxLength(20);
            entity.Property(w => w.Email).HasMaxLength(254);
            entity.Property(w => w.Language).HasMaxLength(2).IsRequired();
            entity.Property(w => w.ConsentVia).HasMaxLength(32).IsRequired();
            entity.HasIndex(w => w.CaseId);
            entity.HasOne<CaseRecord>().WithMany().HasForeignKey(w => w.CaseId).OnDelete(DeleteBehavior.Cascade);
        });

        modelBuilder.Entity<OutboxMessageRecord>(entity =>
        {
            entity.ToTable("outbox");
            entity.HasKey(m => m.Id);
            entity.Property(m => m.DedupKey).HasMaxLength(128).IsRequired();
            entity.Property(m => m.Channel).HasMaxLength(8).IsRequired();
            entity.Property(m => m.Recipient).HasMaxLength(254).IsRequired();
            entity.Property(m => m.Status).HasMaxLength(16).IsRequired();
            entity.Property(m => m.ProviderId).HasMaxLength(100);
            entity.Property(m => m.LastError).HasMaxLength(500);
            entity.HasIndex(m => m.DedupKey).IsUnique();
            entity.HasIndex(m => new { m.Status, m.NextAttemptAt });
        });

        modelBuilder.Entity<AnalyticsEventRecord>(entity =>
        {
            entity.ToTable("analytics_events");
            entity.HasKey(e => e.Id);
            entity.Property(e => e.Kind).HasMaxLength(16).IsRequired();
            entity.Property(e => e.Channel).HasMaxLength(32).IsRequired();
            entity.Property(e => e.Language).HasMaxLength(2).IsRequired();
            entity.Property(e => e.ConversationId).HasMaxLength(64);
            entity.Property(e => e.CardId).HasMaxLength(100);
            entity.Property(e => e.Outcome).HasMaxLength(16);
            entity.Property(e => e.Text).HasMaxLength(500);
            // The figures come from analytics_daily; this index covers the unanswered questions grouped by
            // their text (too many distinct texts to count per day) and the latest comments.
            entity.HasIndex(e => new { e.Kind, e.Outcome, e.Day, e.Channel, e.Language, e.Text });
        });

        modelBuilder.Entity<AnalyticsDailyRecord>(entity =>
        {
            entity.ToTable("analytics_daily");
            entity.HasKey(d => new { d.Day, d.Kind, d.Channel, d.Language, d.Outcome, d.Key });
            entity.Property(d => d.Kind).HasMaxLength(16);
            entity.Property(d => d.Channel).HasMaxLength(32);
            entity.Property(d => d.Language).HasMaxLength(2);
            entity.Property(d => d.Outcome).HasMaxLength(16);
            entity.Property(d => d.Key).HasMaxLength(500);
        });

        modelBuilder.Entity<StaffAccountRecord>(entity =>
        {
            entity.ToTable("staff_accounts");
            entity.HasKey(a => a.Id);
            entity.Property(a => a.UserName).HasMaxLength(64).IsRequired().UseCollation(postgreSql ? CaseInsensitiveCollation : "NOCASE");
            entity.Property(a => a.PasswordHash).HasMaxLength(200).IsRequired();
            entity.Property(a => a.Role).HasMaxLength(16).IsRequired();
            entity.Property(a => a.Units).HasMaxLength(200).IsRequired();
            entity.Ignore(a => a.UnitList);
            entity.HasIndex(a => a.UserName).IsUnique();
        });

        modelBuilder.Entity<CardDraftRecord>(entity =>
        {
            entity.ToTable("card_drafts");
            entity.HasKey(d => d.Id);
            entity.Property(d => d.CardId).HasMaxLength(100).IsRequired();
            entity.Property(d => d.Yaml).HasMaxLength(CardFolder.MaxCardLength).IsRequired();
            entity.Property(d => d.Author).HasMaxLength(64).IsRequired();
            entity.Property(d => d.BaseHash).HasMaxLength(64).IsRequired();
            entity.Property(d => d.Source).HasMaxLength(16).IsRequired();
            entity.HasIndex(d => d.CardId).IsUnique();
        });

        modelBuilder.Entity<CardRevisionRecord>(entity =>
        {
            entity.ToTable("card_revisions");
            entity.HasKey(r => r.Id);
            entity.Property(r => r.CardId).HasMaxLength(100).IsRequired();
            entity.Property(r => r.Before).HasMaxLength(CardFolder.MaxCardLength);
            entity.Property(r => r.After).HasMaxLength(CardFolder.MaxCardLength).IsRequired();
            entity.Property(r => r.Author).HasMaxLength(64).IsRequired();
            entity.Property(r => r.Action).HasMaxLength(16).IsRequired();
            entity.Property(r => r.Generation).HasMaxLength(64);
            entity.HasIndex(r => r.CardId);
        });

        modelBuilder.Entity<Gaps.GapDecisionRecord>(entity =>
        {
            entity.ToTable("gap_decisions");
            entity.HasKey(d => d.Id);
            entity.Property(d => d.Text).HasMaxLength(500).IsRequired();
            entity.Property(d => d.Language).HasMaxLength(2).IsRequired();
            entity.Property(d => d.Decision).HasMaxLength(16).IsRequired();
            entity.Property(d => d.CardId).HasMaxLength(100);
            entity.Property(d => d.DecidedBy).HasMaxLength(64).IsRequired();
            // One decision per question: two staff deciding at once, the second is refused.
            entity.HasIndex(d => new { d.Language, d.Text }).IsUnique();
        });

        modelBuilder.Entity<StaffActionRecord>(entity =>
        {
            entity.ToTable("staff_actions");
            entity.HasKey(a => a.Id);
            entity.Property(a => a.UserName).HasMaxLength(64).IsRequired();
            entity.Property(a => a.Action).HasMaxLength(32).IsRequired();
            entity.Property(a => a.Subject).HasMaxLength(64);
            entity.Property(a => a.Detail).HasMaxLength(500);
            entity.HasIndex(a => a.At);
        });

        modelBuilder.Entity<HandoffRecord>(entity =>
        {
            entity.ToTable("handoffs");
            entity.HasKey(h => h.Id);
            entity.Property(h => h.ConversationId).HasMaxLength(64).IsRequired();
            entity.Property(h => h.Channel).HasMaxLength(32).IsRequired();
            entity.Property(h => h.Unit).HasMaxLength(16).IsRequired();
            entity.Property(h => h.CardId).HasMaxLength(100);
            entity.Property(h => h.Language).HasMaxLength(2).IsRequired();
            entity.Property(h => h.Reason).HasMaxLength(16).IsRequired();
            entity.Property(h => h.State).HasMaxLength(16).IsRequired();
            entity.Property(h => h.AcceptedBy).HasMaxLength(64);
            entity.HasIndex(h => new { h.State, h.Unit });
            entity.HasIndex(h => h.ConversationId);
        });

        modelBuilder.Entity<CallbackRequestRecord>(entity =>
        {
            entity.ToTable("callback_requests");
            entity.HasKey(c => c.Id);
            entity.Property(c => c.Unit).HasMaxLength(16).IsRequired();
            entity.Property(c => c.Contact).HasMaxLength(254).IsRequired();
            entity.Property(c => c.PreferredTime).HasMaxLength(100).IsRequired();
            entity.Property(c => c.Topic).HasMaxLength(300).IsRequired();
            entity.Property(c => c.Language).HasMaxLength(2).IsRequired();
            entity.Property(c => c.Channel).HasMaxLength(32).IsRequired();
            entity.Property(c => c.ConversationId).HasMaxLength(64);
            entity.Property(c => c.DoneBy).HasMaxLength(64);
            entity.HasIndex(c => new { c.Unit, c.DoneAt });
        });
    }
}

/// <summary>
/// One search as asked, with personal data already masked, so staff can see which questions the
/// knowledge base answers badly (no result, or a weak one).
/// </summary>
public sealed class SearchQueryRecord
{
    public long Id { get; set; }
    public required DateTimeOffset AskedAt { get; set; }
    public required string Channel { get; set; }
    public required string Query { get; set; }
    public required string Language { get; set; }
    public int ResultCount { get; set; }
    public string? TopCardId { get; set; }
    public float? TopScore { get; set; }
}

/// <summary>
/// A conversation on any channel: who, in which language, and the dialogue state (JSON) the assistant
/// keeps between turns, so a conversation survives a restart of the server.
/// </summary>
public sealed class ConversationRecord
{
    public required string Id { get; set; }
    public required string Channel { get; set; }
    public string? UserId { get; set; }
    public string? Locale { get; set; }
    public string? StateJson { get; set; }
    public required DateTimeOffset CreatedAt { get; set; }
    public required DateTimeOffset UpdatedAt { get; set; }

    /// <summary>Optimistic concurrency: a write based on an old read fails instead of overwriting.</summary>
    public int Version { get; set; }
}

/// <summary>
/// One activity of a conversation's transcript, as JSON with personal data (PESEL, phone numbers,
/// e-mail addresses, case numbers) already masked: the stored transcript serves staff and resuming
/// after a restart, and never keeps those particulars.
/// </summary>
public sealed class ConversationActivityRecord
{
    public long Id { get; set; }
    public required string ConversationId { get; set; }
    public required int Sequence { get; set; }
    public required string Type { get; set; }
    public required DateTimeOffset Timestamp { get; set; }
    public required string Json { get; set; }
}

/// <summary>Writes a DateTimeOffset in UTC (PostgreSQL's timestamptz takes no other offset).</summary>
internal sealed class UtcDateTimeOffsetConverter() : ValueConverter<DateTimeOffset, DateTimeOffset>(v => v.ToUniversalTime(), v => v);

/// <summary>Writes a DateTime as its wall-clock value, as SQLite kept it, and reads it back without a kind.</summary>
internal sealed class UnspecifiedDateTimeConverter() : ValueConverter<DateTime, DateTime>(
    v => DateTime.SpecifyKind(v, DateTimeKind.Unspecified), v => DateTime.SpecifyKind(v, DateTimeKind.Unspecified));
