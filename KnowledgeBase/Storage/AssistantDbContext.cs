using Microsoft.EntityFrameworkCore;

namespace Asystent.KnowledgeBase.Storage;

/// <summary>The assistant's own database (SQLite by default). Each feature adds its tables here, with a migration.</summary>
public sealed class AssistantDbContext(DbContextOptions<AssistantDbContext> options) : DbContext(options)
{
    public DbSet<SearchQueryRecord> SearchQueries => Set<SearchQueryRecord>();

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
