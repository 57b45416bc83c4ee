using Asystent.KnowledgeBase.Staff;
using Asystent.KnowledgeBase.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace Asystent.Indexer.Commands;

/// <summary>
/// Creates a staff account (or sets a new password, role and units for an existing one): how an
/// installation gets its first admin without a default password. The password is read from the
/// first line of standard input, so it never appears in the shell history or the process list.
/// </summary>
internal static class StaffAddCommand
{
    private const string Usage = "Usage: Indexer staff-add USER [--role clerk|editor|admin] [--units KT,BP] (the password on standard input)";

    public static async Task<int> RunAsync(IServiceProvider services, string[] args, TextReader input, TextWriter output)
    {
        if (args.Length == 0 || args[0].StartsWith("--", StringComparison.Ordinal))
        {
            throw new CommandLineException(Usage);
        }

        var role = StaffRoles.Clerk;
        var units = Array.Empty<string>();
        for (var i = 1; i < args.Length; i += 2)
        {
            var value = i + 1 < args.Length ? args[i + 1] : throw new CommandLineException(Usage);
            switch (args[i])
            {
                case "--role":
                    role = value;
                    break;
                case "--units":
                    units = value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
                    break;
                default:
                    throw new CommandLineException(Usage);
            }
        }

        var password = (await input.ReadLineAsync())?.TrimEnd('\r') ?? "";
        if (StaffAccounts.Problem(args[0], password, role) is { } problem)
        {
            await output.WriteLineAsync(problem);
            return ExitCodes.Failure;
        }

        await using var scope = services.CreateAsyncScope();
        await AssistantDatabase.MigrateAsync(scope.ServiceProvider.GetRequiredService<AssistantDbContext>(), CancellationToken.None);
        var created = await scope.ServiceProvider.GetRequiredService<StaffAccounts>().SaveAsync(args[0], password, role, units, CancellationToken.None);
        await output.WriteLineAsync($"{(created ? "Created" : "Updated")} {role} '{args[0]}'{(units.Length == 0 ? " (every unit)" : $" ({string.Join(", ", units)})")}.");
        return ExitCodes.Success;
    }
}
