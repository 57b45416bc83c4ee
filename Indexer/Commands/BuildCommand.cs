using Asystent.KnowledgeBase;
using Asystent.KnowledgeBase.Search;
using Asystent.KnowledgeBase.Search.Analyzers;
using Asystent.KnowledgeBase.ServiceCards;
using Microsoft.Extensions.DependencyInjection;

namespace Asystent.Indexer.Commands;

internal static class BuildCommand
{
    public static int Run(IServiceProvider services, TextWriter output)
    {
        var options = services.GetRequiredService<KnowledgeBaseOptions>();
        var watch = System.Diagnostics.Stopwatch.StartNew();
        output.WriteLine("Loading Hunspell dictionaries…");
        var dictionaries = services.GetRequiredService<Lazy<HunspellDictionaries>>().Value;
        output.WriteLine($"  dictionaries loaded in {dictionaries.LoadTime.TotalMilliseconds:F0} ms");
        var result = new CardIndexBuilder(dictionaries).Build(options, new InlineProgress(message => output.WriteLine("  " + message)));
        if (!result.Succeeded)
        {
            ValidateCommand.Print(new CardLoadResult(new CardCatalogue(new OfficeDirectory(), []), result.Problems), options.CardsPath, output);
            output.WriteLine("Build stopped: fix the cards above. The index in service was not touched.");
            return ExitCodes.InvalidCards;
        }

        output.WriteLine($"Index done in {watch.ElapsedMilliseconds} ms: {result.Manifest!.CardCount} cards, generation {result.Manifest.Generation}.");
        return TrainCommand.TrainIfStale(services, output);
    }
}

/// <summary>Reports progress synchronously, in order (System.Progress posts to the thread pool).</summary>
internal sealed class InlineProgress(Action<string> report) : IProgress<string>
{
    public void Report(string value) => report(value);
}
