using Asystent.Indexer.Commands;
using Asystent.KnowledgeBase;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Asystent.Indexer;

/// <summary>The staff's command line for the knowledge base: validate cards, build the index, search, evaluate, import cases, add staff accounts.</summary>
internal static class IndexerApp
{
    private const string Usage = """
        Usage: Indexer <command> [arguments]

        Commands:
          validate              check every card; prints file:line: field: problem; exit 1 on errors
          build [--wait SECONDS]  validate, then build a new index generation and put it in service,
                                and train the intent model if its utterances changed; waits (600 s
                                by default) while a card is being published from the editor
                                ({IndexPath}/editor.lock), then refuses with exit code 3
          train                 train the intent model now and save it
          search "text" [--lang pl|en|uk|ru] [--top N]
                                print the best cards for a question
          eval [--search|--intents] [--set own|real|office] [--heldout] [--misses] [--calibrate]
               [--cross-validate]
                                search quality (top-1, top-3, MRR by language and tag, beside a
                                plain StandardAnalyzer baseline) and intent quality (5-fold
                                cross-validation and the held-out set, by language); --set picks
                                the question set; --heldout adds the held-out part of "real"
                                (reported apart, for final figures only: its misses are never
                                listed); --calibrate prints answerable thresholds (development);
                                --cross-validate searches the development questions with card
                                classifiers that never saw them (5 folds, several weights)
          import-card FILE.docx|FILE.pdf [--id ID] [--unit UNIT] [--out FILE]
                                make a draft card from an office's karta usługi: prints
                                (or writes) the YAML, the fields filled and those left for
                                staff; exit 3 when the file cannot be read
          import-cases FILE     import cases from the office's systems (.csv or .json); prints
                                rejected records as file:line: reason; exit 1 if any was rejected
          staff-add USER [--role clerk|editor|admin] [--units KT,BP]
                                create a staff account, or set a new password, role and units;
                                the password (12+ characters) is read from standard input
          privacy export|erase --phone P | --email E [--out FILE]
                                a person's data (RODO art. 15/17): export as JSON, or erase it;
                                both leave an audit record without the data itself
          backup --to FILE      an online copy of the database (safe while the Bot runs)
        """;

    public static async Task<int> RunAsync(string[] args, TextWriter? output = null, string? root = null, TextReader? input = null)
    {
        output ??= Console.Out;
        if (args.Length == 0 || args[0] is "-h" or "--help" or "help")
        {
            await output.WriteLineAsync(Usage);
            return args.Length == 0 ? ExitCodes.Usage : ExitCodes.Success;
        }

        root ??= AssistantRoot.Locate();
        var configuration = new ConfigurationBuilder()
            .AddJsonFile(Path.Combine(root, "appsettings.json"), optional: false)
            .AddEnvironmentVariables()
            .Build();
        var services = new ServiceCollection()
            .AddLogging(logging => logging.AddSimpleConsole(o => o.SingleLine = true).SetMinimumLevel(LogLevel.Warning))
            .AddKnowledgeBase(configuration, root);
        await using var provider = services.BuildServiceProvider();

        try
        {
            return args[0] switch
            {
                "validate" => ValidateCommand.Run(provider, output),
                "build" => await BuildCommand.RunAsync(provider, args[1..], output),
                "train" => TrainCommand.Run(provider, output),
                "search" => SearchCommand.Run(provider, args[1..], output),
                "eval" => EvaluateCommand.Run(provider, args[1..], output),
                "import-card" => await ImportCardCommand.RunAsync(provider, args[1..], output),
                "import-cases" => await ImportCasesCommand.RunAsync(provider, args[1..], output),
                "staff-add" => await StaffAddCommand.RunAsync(provider, args[1..], input ?? Console.In, output),
                "privacy" => await PrivacyCommand.RunAsync(provider, args[1..], output),
                "backup" => await BackupCommand.RunAsync(provider, args[1..], output),
                _ => await UnknownAsync(args[0], output),
            };
        }
        catch (CommandLineException e)
        {
            await output.WriteLineAsync(e.Message);
            return ExitCodes.Usage;
        }
        catch (Asystent.KnowledgeBase.Search.SearchNotReadyException)
        {
            await output.WriteLineAsync("No index is in service: the cards did not validate. Run 'Indexer validate' to see why.");
            return ExitCodes.InvalidCards;
        }
    }

    private static async Task<int> UnknownAsync(string command, TextWriter output)
    {
        await output.WriteLineAsync($"Unknown command '{command}'.");
        await output.WriteLineAsync(Usage);
        return ExitCodes.Usage;
    }
}

/// <summary>A mistake in the command line, reported with the usage and exit code 2.</summary>
internal sealed class CommandLineException(string message) : Exception(message);
