using Asystent.KnowledgeBase.ServiceCards.Import;
using Microsoft.Extensions.DependencyInjection;

namespace Asystent.Indexer.Commands;

/// <summary>
/// Turns an office's karta usługi (DOCX or PDF) into a draft card: writes the YAML to standard output or
/// to --out, then lists the fields filled, the fields left for staff and the warnings. A file that cannot
/// be imported gets one sentence saying why and exit code 3.
/// </summary>
internal static class ImportCardCommand
{
    private const string Usage = "Usage: Indexer import-card FILE.docx|FILE.pdf [--id ID] [--unit UNIT] [--out FILE]";

    public static async Task<int> RunAsync(IServiceProvider services, string[] args, TextWriter output)
    {
        var (file, id, unit, outPath) = Parse(args);
        if (!File.Exists(file))
        {
            await output.WriteLineAsync($"There is no file '{file}'.");
            return ExitCodes.Failure;
        }

        byte[] content;
        try
        {
            content = await File.ReadAllBytesAsync(file);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            await output.WriteLineAsync($"'{file}' could not be read: {e.Message}");
            return ExitCodes.Failure;
        }

        var result = services.GetRequiredService<ServiceCardImporter>().Import(content, file, new CardImportRequest(id, unit));
        if (result is not ImportedCard card)
        {
            await output.WriteLineAsync(((CardImportFailure)result).Message);
            return ExitCodes.Failure;
        }

        if (outPath is null)
        {
            await output.WriteAsync(card.Yaml);
        }
        else
        {
            try
            {
                await File.WriteAllTextAsync(outPath, card.Yaml);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                await output.WriteLineAsync($"The draft could not be written to '{outPath}': {e.Message}");
                return ExitCodes.Failure;
            }

            await output.WriteLineAsync($"Draft card '{card.Id}' written to {outPath}");
        }

        // When the YAML goes to standard output, the report follows it as YAML comments, so the output stays a valid file.
        var prefix = outPath is null ? "# " : "";
        await output.WriteLineAsync($"{prefix}Filled: {string.Join(", ", card.FieldsFilled)}");
        await output.WriteLineAsync($"{prefix}Left for staff: {string.Join(", ", card.FieldsLeft)}");
        foreach (var warning in card.Warnings)
        {
            await output.WriteLineAsync($"{prefix}Warning: {warning}");
        }

        return ExitCodes.Success;
    }

    private static (string File, string? Id, string? Unit, string? Out) Parse(string[] args)
    {
        string? file = null, id = null, unit = null, outPath = null;
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--id" or "--unit" or "--out" when i + 1 >= args.Length:
                    throw new CommandLineException($"{args[i]} needs a value. {Usage}");
                case "--id":
                    id = args[++i];
                    break;
                case "--unit":
                    unit = args[++i];
                    break;
                case "--out":
                    outPath = args[++i];
                    break;
                case var option when option.StartsWith("--", StringComparison.Ordinal):
                    throw new CommandLineException($"Unknown option '{option}'. {Usage}");
                default:
                    file = file is null ? args[i] : throw new CommandLineException($"Only one file can be imported at a time. {Usage}");
                    break;
            }
        }

        return (file ?? throw new CommandLineException(Usage), id, unit, outPath);
    }
}
