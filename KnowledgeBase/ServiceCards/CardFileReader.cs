using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace Asystent.KnowledgeBase.ServiceCards;

/// <summary>The result of reading one card file: the card when it parsed, and what was wrong with it.</summary>
internal sealed record CardFile(string Path, ServiceCard? Card, YamlLocator Locator, IReadOnlyList<CardProblem> ParseProblems);

/// <summary>Reads card and office YAML files. Unknown fields are errors, so typos in field names are caught.</summary>
internal static class CardFileReader
{
    private static readonly IDeserializer Deserializer = new DeserializerBuilder()
        .WithNamingConvention(UnderscoredNamingConvention.Instance)
        .WithEnumNamingConvention(LowerCaseNamingConvention.Instance)
        .Build();

    public static CardFile ReadCard(string path) => ReadCard(path, File.ReadAllText(path));

    /// <summary>Reads a card from text that is not (yet) a file, as the editor sends it; <paramref name="path"/> names it in problems.</summary>
    public static CardFile ReadCard(string path, string text)
    {
        var locator = new YamlLocator(TryParseTree(text));
        try
        {
            var card = Deserializer.Deserialize<ServiceCard?>(text);
            if (card is null)
            {
                return new CardFile(path, null, locator, [new CardProblem(path, 1, "(file)", "the file is empty")]);
            }

            card.SourceFile = path;
            return new CardFile(path, card, locator, []);
        }
        catch (YamlException e)
        {
            return new CardFile(path, null, locator, [new CardProblem(path, (int)e.Start.Line, "(yaml)", Describe(e))]);
        }
    }

    /// <summary>
    /// Reads a card that its index build has already validated: no line locator, which is needed only to
    /// place problems, and so half the parsing of <see cref="ReadCard(string)"/>.
    /// </summary>
    public static ServiceCard ReadValidatedCard(string path)
    {
        var card = Deserializer.Deserialize<ServiceCard?>(File.ReadAllText(path))
            ?? throw new InvalidDataException($"{path}: the card file is empty");
        card.SourceFile = path;
        return card;
    }

    public static OfficeDirectory ReadOffice(string path)
    {
        try
        {
            return Deserializer.Deserialize<OfficeDirectory?>(File.ReadAllText(path))
                ?? throw new InvalidDataException($"{path}: the office file is empty");
        }
        catch (YamlException e)
        {
            throw new InvalidDataException($"{path}:{e.Start.Line}: {Describe(e)}", e);
        }
    }

    public static T Read<T>(string path) where T : new()
    {
        try
        {
            return Deserializer.Deserialize<T?>(File.ReadAllText(path)) ?? new T();
        }
        catch (YamlException e)
        {
            throw new InvalidDataException($"{path}:{e.Start.Line}: {Describe(e)}", e);
        }
    }

    private static YamlNode? TryParseTree(string text)
    {
        try
        {
            var stream = new YamlStream();
            stream.Load(new StringReader(text));
            return stream.Documents.Count > 0 ? stream.Documents[0].RootNode : null;
        }
        catch (YamlException)
        {
            return null;
        }
    }

    // YamlDotNet wraps the useful message ("Property 'x' not found") in an outer one; show the innermost.
    private static string Describe(YamlException e)
    {
        Exception inner = e;
        while (inner.InnerException is not null)
        {
            inner = inner.InnerException;
        }

        var message = inner.Message;
        var unknownProperty = System.Text.RegularExpressions.Regex.Match(message, "Property '([^']+)' not found");
        if (unknownProperty.Success)
        {
            return $"unknown field '{unknownProperty.Groups[1].Value}'";
        }

        // A plain text containing ": " reads as a field to YAML; staff need to be told how to fix it.
        return message.Contains("Uninitialized Strings cannot be created", StringComparison.Ordinal)
            || message.Contains("Expected 'Scalar'", StringComparison.Ordinal)
            ? "expected plain text here, found a list or fields; if the text contains ': ', put it in double quotes"
            : message;
    }
}
