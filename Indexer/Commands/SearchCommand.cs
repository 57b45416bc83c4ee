using Asystent.KnowledgeBase.Languages;
using Asystent.KnowledgeBase.Search;
using Microsoft.Extensions.DependencyInjection;

namespace Asystent.Indexer.Commands;

internal static class SearchCommand
{
    public static int Run(IServiceProvider services, string[] args, TextWriter output)
    {
        string? text = null;
        Language? language = null;
        var top = 5;
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--lang" when i + 1 < args.Length:
                    language = Languages.TryParse(args[++i], out var parsed) ? parsed : throw new CommandLineException($"Unknown language '{args[i]}': use pl, en, uk or ru.");
                    break;
                case "--top" when i + 1 < args.Length:
                    top = int.TryParse(args[++i], out var n) && n is > 0 and <= SearchRequest.MaxTop ? n : throw new CommandLineException($"--top takes a number from 1 to {SearchRequest.MaxTop}.");
                    break;
                default:
                    text = text is null ? args[i] : text + " " + args[i];
                    break;
            }
        }

        if (string.IsNullOrWhiteSpace(text))
        {
            throw new CommandLineException("Usage: Indexer search \"text\" [--lang pl|en|uk|ru] [--top N]");
        }

        services.GetRequiredService<IndexMaintenance>().EnsureReady();
        var watch = System.Diagnostics.Stopwatch.StartNew();
        var response = services.GetRequiredService<CardSearchService>().Search(new SearchRequest(text, language, top));
        output.WriteLine($"\"{response.Query}\" ({response.Language.Code()}, {watch.Elapsed.TotalMilliseconds:F1} ms, {(response.Answerable ? "answerable" : "not answerable")})");
        var rank = 0;
        foreach (var hit in response.Results)
        {
            output.WriteLine($"{++rank,2}. {hit.Score,7:F2}  {hit.Id,-40} {hit.Title}  [{hit.UnitCode}]");
        }

        if (rank == 0)
        {
            output.WriteLine("   no card matches");
        }

        return ExitCodes.Success;
    }
}
