using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Asystent.KnowledgeBase.Storage;

/// <summary>Lets `dotnet ef migrations add` create the context without starting the Bot.</summary>
internal sealed class DesignTimeDbContextFactory : IDesignTimeDbContextFactory<AssistantDbContext>
{
    public AssistantDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<AssistantDbContext>().UseSqlite("Data Source=design-time.db").Options);
}
