using Asystent.KnowledgeBase.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Asystent.KnowledgeBase.PostgreSQL;

/// <summary>
/// Lets `dotnet ef migrations add --project KnowledgeBase.PostgreSQL` create the context for
/// PostgreSQL without a server: adding a migration only compares models.
/// </summary>
internal sealed class DesignTimeDbContextFactory : IDesignTimeDbContextFactory<AssistantDbContext>
{
    public AssistantDbContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<AssistantDbContext>();
        StorageDialect.For(DatabaseProvider.PostgreSQL).Configure(options, "Host=127.0.0.1;Database=design_time");
        return new AssistantDbContext(options.Options);
    }
}
