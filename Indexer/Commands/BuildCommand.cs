using Asystent.KnowledgeBase;
using Asystent.KnowledgeBase.Search;
using Asystent.KnowledgeBase.Search.Analyzers;
using Asystent.KnowledgeBase.ServiceCards;
using Asystent.KnowledgeBase.ServiceCards.Editing;
using Microsoft.Extensions.DependencyInjection;

namespace Asystent.Indexer.Commands;

internal static class BuildCommand
{
    /// <summary>How long a build waits for a publication from the card editor to finish, unless <c>--wait SECONDS</c> says otherwise.</summary>
    private const int DefaultWaitSeconds = 600;

    public static async Task<int> RunAsync(IServiceProvider services, string[] args, TextWriter output)
    {
        var options = services.GetRequiredService<KnowledgeBaseOptions>();
        var wait = args is ["--wait", var seconds] && int.TryParse(seconds, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var s) ? s
            : args.Length == 0 ? DefaultWaitSeconds
            : throw new CommandLineException("usage: build [--wait SECONDS]");
        // A publication from the card editor writes a card and builds under this lock: a build now would race it.
        using var folderLock = IndexFolderLock.TryTake(options.IndexPath) ?? await WaitForEditorAsync(options, wait, output);
        if (folderLock is null)
        {
            output.WriteLine($"Build refused: a card is still being published from the editor ({IndexFolderLock.PathIn(options.IndexPath)} stayed locked for {wait} s). " +
                "Try again when the publication has finished; the index in service was not touched.");
            return ExitCodes.Failure;
        }

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

    private static async Task<FileStream?> WaitForEditorAsync(KnowledgeBaseOptions options, int seconds, TextWriter output)
    {
        output.WriteLine($"A card is being published from the editor ({IndexFolderLock.PathIn(options.IndexPath)} is locked): waiting up to {seconds} s…");
        return await IndexFolderLock.TakeAsync(options.IndexPath, TimeSpan.FromSeconds(seconds), CancellationToken.None);
    }
}

/// <summary>Reports progress synchronously, in order (System.Progress posts to the thread pool).</summary>
internal sealed class InlineProgress(Action<string> report) : IProgress<string>
{
    public void Report(string value) => report(value);
}
