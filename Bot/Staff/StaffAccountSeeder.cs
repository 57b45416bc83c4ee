using Asystent.KnowledgeBase.Staff;
using Microsoft.Extensions.Options;

namespace Asystent.Bot.Staff;

/// <summary>Creates the configured staff accounts that the database does not have yet (see <see cref="StaffOptions"/>).</summary>
public sealed class StaffAccountSeeder(IOptions<StaffOptions> options, ILogger<StaffAccountSeeder> logger)
{
    public async Task SeedAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        var accounts = services.GetRequiredService<StaffAccounts>();
        foreach (var configured in options.Value.Accounts)
        {
            if (StaffAccounts.Problem(configured.UserName, configured.Password, configured.Role) is { } problem)
            {
                logger.LogWarning("The configured staff account '{UserName}' was not created: {Problem}", configured.UserName, problem);
                continue;
            }

            if (await accounts.EnsureAsync(configured.UserName, configured.Password, configured.Role, configured.Units, cancellationToken))
            {
                logger.LogInformation("Created the staff account '{UserName}' ({Role}) from configuration", configured.UserName, configured.Role);
            }
        }

        if (!await accounts.AnyAsync(cancellationToken))
        {
            logger.LogWarning("There are no staff accounts: the clerk console and staff pages refuse sign-in until one is created (Staff:Accounts or 'Indexer staff-add').");
        }
    }
}
