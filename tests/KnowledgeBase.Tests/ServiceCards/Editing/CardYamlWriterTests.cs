using System.Text.Json;
using Asystent.KnowledgeBase.ServiceCards;
using Asystent.KnowledgeBase.ServiceCards.Editing;

namespace Asystent.KnowledgeBase.Tests.ServiceCards.Editing;

/// <summary>The editor writes cards that read back as the same card, in the format staff know from the existing files.</summary>
public sealed class CardYamlWriterTests
{
    private static readonly string CardsPath = Path.Combine(AssistantRoot.Locate(), "content", "cards");

    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true };

    public static TheoryData<string> CardIds() =>
        new(Directory.EnumerateFiles(CardsPath, "*.yaml").Select(Path.GetFileNameWithoutExtension).Where(n => !n!.StartsWith('_')).Order(StringComparer.Ordinal)!);

    private static string Comparable(ServiceCard card)
    {
        card.SourceFile = "";
        return JsonSerializer.Serialize(card, Json);
    }

    [Theory]
    [MemberData(nameof(CardIds))]
    public void Every_existing_card_written_and_read_back_equals_the_original(string id)
    {
        var path = Path.Combine(CardsPath, id + ".yaml");
        var original = CardFileReader.ReadCard(path);
        Assert.Empty(original.ParseProblems);

        var written = CardYamlWriter.Write(original.Card!);
        var reread = CardFileReader.ReadCard(path, written);

        Assert.Empty(reread.ParseProblems);
        Assert.Equal(Comparable(original.Card!), Comparable(reread.Card!));
    }

    [Fact]
    public void Every_card_folder_written_by_the_writer_validates_as_the_original_does()
    {
        using var folder = new TemporaryFolder();
        foreach (var file in Directory.EnumerateFiles(CardsPath))
        {
            var name = Path.GetFileName(file);
            File.WriteAllText(Path.Combine(folder.Path, name), name.StartsWith('_') ? File.ReadAllText(file) : CardYamlWriter.Write(CardFileReader.ReadCard(file).Card!));
        }

        var original = CardLoader.Load(CardsPath);
        var rewritten = CardLoader.Load(folder.Path);
        Assert.Equal(original.Catalogue.Cards.Count, rewritten.Catalogue.Cards.Count);
        Assert.Equal(original.Problems.Count(p => p.Severity == ProblemSeverity.Error), rewritten.Problems.Count(p => p.Severity == ProblemSeverity.Error));
    }

    [Fact]
    public void Texts_with_colons_quotes_backslashes_and_line_breaks_survive_and_are_quoted()
    {
        var card = CardFileReader.ReadCard(Path.Combine(CardsPath, "dowod-osobisty.yaml")).Card!;
        card.Summary["pl"] = "Uwaga: \"cudzysłów\", ukośnik \\ i\nnowa linia\tz tabulatorem – zażółć gęślą jaźń";
        card.Title["en"] = "yes";
        card.Related.Add("true");

        var written = CardYamlWriter.Write(card);
        var reread = CardFileReader.ReadCard("dowod-osobisty.yaml", written).Card!;

        Assert.Equal(card.Summary["pl"], reread.Summary["pl"]);
        Assert.Equal("yes", reread.Title["en"]);
        Assert.Equal("true", reread.Related[^1]);
        Assert.Contains("  pl: \"Uwaga: \\\"cudzysłów\\\"", written, StringComparison.Ordinal);
    }

    [Fact]
    public void A_written_card_keeps_the_key_order_of_the_existing_files()
    {
        var card = CardFileReader.ReadCard(Path.Combine(CardsPath, "rejestracja-pojazdu-uzywanego.yaml")).Card!;
        var keys = CardYamlWriter.Write(card).Split('\n').Where(l => l.Length > 0 && char.IsAsciiLetterLower(l[0])).Select(l => l[..l.IndexOf(':', StringComparison.Ordinal)]).ToList();

        string[] order = ["id", "kind", "unit", "booking_queue", "where", "title", "summary", "steps", "documents", "fees", "fines", "payment", "deadline", "redirect", "legal_basis", "online", "keywords", "related", "verified"];
        Assert.Equal(order.Where(keys.Contains), keys);
        Assert.Contains("    for: { pl: \"", CardYamlWriter.Write(card), StringComparison.Ordinal);
    }
}
