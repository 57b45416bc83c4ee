using Microsoft.EntityFrameworkCore;

namespace Asystent.KnowledgeBase.Storage;

/// <summary>The assistant's own database (SQLite by default). Each feature adds its tables here, with a migration.</summary>
public sealed class AssistantDbContext(DbContextOptions<AssistantDbContext> options) : DbContext(options)
{
    public DbSet<SearchQueryRecord> SearchQueries => Set<SearchQueryRecord>();
    public DbSet<ConversationRecord> Conversations => Set<ConversationRecord>();
    public DbSet<ConversationActivityRecord> ConversationActivities => Set<ConversationActivityRecord>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
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
