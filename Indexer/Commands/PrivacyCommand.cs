using Asystent.KnowledgeBase.Privacy;
using Asystent.KnowledgeBase.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace Asystent.Indexer.Commands;

/// <summary>
/// A person's request to see or erase their data: <c>privacy export|erase --phone P | --email E</c>.
/// Export writes the JSON to standard output (or <c>--out FILE</c>); erase prints what was removed.
/// Both leave an audit record naming the operating-system user and not the person's data.
/// </summary>
internal static class PrivacyCommand
{
    private const string Usage = "Usage: Indexer privacy export|erase --phone P | --email E [--out FILE]";

    public static async Task<int> RunAsync(IServiceProvider services, string[] args, TextWriter output)
    {
        if (args.Length < 3 || args[0] is not ("export" or "erase"))
        {
            throw new CommandLineException(Usage);
        }

        string? phone = null, email = null, file = null;
        for (var i = 1; i < args.Length; i += 2)
        {
            var value = i + 1 < args.Length ? args[i + 1] : throw new CommandLineException(Usage);
            switch (args[i])
            {
                case "--phone": phone = value; break;
                case "--email": email = value; break;
                case "--out": file = value; break;
                default: throw new CommandLineException(Usage);
            }
        }

        if (phone is not null && email is not null)
        {
            throw new CommandLineException("Give either --phone or --email, not both.");
        }

        var (subject, problem) = DataSubject.Parse(phone, email);
        if (subject is null)
        {
            await output.WriteLineAsync(problem);
            return ExitCodes.Failure;
        }

        await using var scope = services.CreateAsyncScope();
        await AssistantDatabase.MigrateAsync(scope.ServiceProvider.GetRequiredService<AssistantDbContext>(), CancellationToken.None);
        var requests = scope.ServiceProvider.GetRequiredService<PersonalDataRequests>();
        var by = $"cli:{Environment.UserName}";
        if (args[0] == "erase")
        {
            var erased = await requests.EraseAsync(subject, by, CancellationToken.None);
            await output.WriteLineAsync($"Erased for {subject.Reference}: {erased}.");
            return ExitCodes.Success;
        }

        var (json, counts) = await requests.ExportAsync(subject, by, CancellationToken.None);
        if (file is null)
        {
            await output.WriteLineAsync(json);
        }
        else
        {
            await File.WriteAllTextAsync(file, json);
            await output.WriteLineAsync($"Exported for {subject.Reference} to {file}: {counts}.");
        }

        return ExitCodes.Success;
    }
}
