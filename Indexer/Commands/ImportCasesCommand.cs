using System.Text.Json;
using Asystent.KnowledgeBase.Cases;
using Asystent.KnowledgeBase.Search;
using Asystent.KnowledgeBase.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace Asystent.Indexer.Commands;

/// <summary>
/// Imports cases from the office's systems (CSV or JSON, see contracts.md): prints what was created,
/// updated and left unchanged, and each rejected record by line with the reason; exit 1 when any
/// record was rejected (the others are imported all the same).
/// </summary>
internal static class ImportCasesCommand
{
    public static async Task<int> RunAsync(IServiceProvider services, string[] args, TextWriter output)
    {
        if (args.Length != 1)
        {
            throw new CommandLineException("Usage: Indexer import-cases FILE (.csv or .json)");
        }

        var path = Path.GetFullPath(args[0]);
        if (!File.Exists(path))
        {
            await output.WriteLineAsync($"There is no file '{args[0]}'.");
            return ExitCodes.Failure;
        }

        // The cards say which units and services exist; the index in service carries them.
        services.GetRequiredService<CardSearchService>().Refresh();
        await using var scope = services.CreateAsyncScope();
        await AssistantDatabase.MigrateAsync(scope.ServiceProvider.GetRequiredService<AssistantDbContext>(), CancellationToken.None);
        var content = await File.ReadAllBytesAsync(path);
        List<CaseImportRow> rows;
        List<ImportRejection> unreadable;
        try
        {
            var csv = path.EndsWith(".csv", StringComparison.OrdinalIgnoreCase) || CaseImportReader.LooksLikeCsv(null, content);
            (rows, unreadable) = CaseImportReader.Read(content, csv);
        }
        catch (Exception e) when (e is JsonException or FormatException)
        {
            await output.WriteLineAsync($"{args[0]}: {(e is JsonException ? "not valid JSON: " + e.Message : e.Message)}");
            return ExitCodes.Failure;
        }

        var result = await scope.ServiceProvider.GetRequiredService<CaseRegistry>().ImportAsync(rows, unreadable, $"file:{Path.GetFileName(path)}", CancellationToken.None);
        foreach (var rejection in result.Rejected)
        {
            await output.WriteLineAsync($"{args[0]}:{rejection.Line}: {rejection.Reason}");
        }

        await output.WriteLineAsync($"{result.Created} created, {result.Updated} updated, {result.Unchanged} unchanged, {result.Rejected.Count} rejected, {result.Notices} ready-for-pickup notices queued");
        return result.Rejected.Count > 0 ? ExitCodes.InvalidCards : ExitCodes.Success;
    }
}
