using Asystent.KnowledgeBase;
using Asystent.KnowledgeBase.ServiceCards;
using Microsoft.Extensions.DependencyInjection;

namespace Asystent.Indexer.Commands;

internal static class ValidateCommand
{
    public static int Run(IServiceProvider services, TextWriter output)
    {
        var options = services.GetRequiredService<KnowledgeBaseOptions>();
        var watch = System.Diagnostics.Stopwatch.StartNew();
        var result = CardLoader.Load(options.CardsPath);
        Print(result, options.CardsPath, output);
        output.WriteLine($"{result.Catalogue.Cards.Count} valid cards, {result.Problems.Count(p => p.Severity == ProblemSeverity.Error)} errors, {result.Problems.Count(p => p.Severity == ProblemSeverity.Warning)} warnings ({watch.ElapsedMilliseconds} ms)");
        return result.HasErrors ? ExitCodes.InvalidCards : ExitCodes.Success;
    }

    public static void Print(CardLoadResult result, string cardsPath, TextWriter output)
    {
        foreach (var problem in result.Problems)
        {
            output.WriteLine(problem with { File = Path.GetRelativePath(Directory.GetCurrentDirectory(), problem.File) });
        }
    }
}
