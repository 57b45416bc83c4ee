using System.Text.Json;
using Asystent.KnowledgeBase.Search;
using Asystent.KnowledgeBase.ServiceCards;
using Microsoft.Extensions.Logging.Abstractions;

namespace Asystent.KnowledgeBase.Tests.Search;

/// <summary>Builds go to a new folder and switch atomically; the searcher swaps without restart.</summary>
public sealed class IndexGenerationTests(KnowledgeBaseFixture kb) : IDisposable
{
    private readonly TemporaryFolder folder = new();

    [Fact]
    public void A_build_publishes_a_generation_that_is_up_to_date_with_its_sources()
    {
        var options = kb.TemporaryOptions(folder.Path);
        var result = new CardIndexBuilder(kb.Dictionaries).Build(options);
        Assert.True(result.Succeeded);
        var store = new CardIndexStore(options.IndexPath);
        Assert.Equal(result.Manifest!.Generation, Path.GetFileName(store.CurrentGenerationPath()));
        Assert.True(store.IsUpToDate(CardIndexStore.HashSources(options)));
        Assert.Equal(kb.Catalogue.Cards.Count, result.Manifest.CardCount);
    }

    [Fact]
    public void A_failed_build_leaves_the_index_in_service_untouched()
    {
        var cards = Path.Combine(folder.Path, "cards");
        Directory.CreateDirectory(cards);
        foreach (var file in Directory.EnumerateFiles(kb.Options.CardsPath))
        {
            File.Copy(file, Path.Combine(cards, Path.GetFileName(file)));
        }

        var options = kb.TemporaryOptions(folder.Path, cards);
        var builder = new CardIndexBuilder(kb.Dictionaries);
        var first = builder.Build(options).Manifest!;

        File.WriteAllText(Path.Combine(cards, "karta-wedkarska.yaml"), "id: karta-wedkarska\nkind: nonsense\n");
        var second = builder.Build(options);

        Assert.False(second.Succeeded);
        Assert.NotEmpty(second.Problems);
        var store = new CardIndexStore(options.IndexPath);
        Assert.Equal(first.Generation, Path.GetFileName(store.CurrentGenerationPath()));
        Assert.Single(Directory.EnumerateDirectories(options.IndexPath, "gen-*"));
    }

    [Fact]
    public void The_search_service_swaps_to_a_new_generation_without_restart()
    {
        var options = kb.TemporaryOptions(folder.Path);
        var builder = new CardIndexBuilder(kb.Dictionaries);
        builder.Build(options);
        using var service = new CardSearchService(options, NullLogger<CardSearchService>.Instance);
        Assert.False(service.IsReady);
        Assert.True(service.Refresh());
        var firstGeneration = service.Generation;
        Assert.False(service.Refresh()); // nothing new

        var manifest = builder.Build(options).Manifest!;
        Assert.True(service.Refresh());
        Assert.Equal(manifest.Generation, service.Generation);
        Assert.NotEqual(firstGeneration, service.Generation);
        Assert.Equal("rejestracja-pojazdu-sprowadzonego", service.Search(new SearchRequest("auto z niemiec")).Results[0].Id);
    }

    [Fact]
    public void A_generation_opened_with_its_dictionary_extracts_answers_like_the_full_dictionaries()
    {
        var options = kb.TemporaryOptions(folder.Path);
        new CardIndexBuilder(kb.Dictionaries).Build(options);
        using var service = new CardSearchService(options, NullLogger<CardSearchService>.Instance);
        service.Refresh();
        var queries = Asystent.KnowledgeBase.Evaluation.EvaluationSet.Load(Path.Combine(kb.Options.EvaluationPath, Asystent.KnowledgeBase.Evaluation.EvaluationSet.SearchQueriesFile));
        // A word neither dictionary extract knows passes through unstemmed where the full dictionary
        // would have replaced it by stems absent from the index, which can reorder the tail of a
        // result list; the first answers must not change.
        foreach (var query in queries)
        {
            var full = kb.Search(query.Query, top: 3).Results.Select(r => r.Id).ToList();
            var extract = service.Search(new SearchRequest(query.Query, Top: 3)).Results.Select(r => r.Id).ToList();
            Assert.True(full.Count == 0 || full[0] == extract[0], $"'{query.Query}': {string.Join(",", full)} vs {string.Join(",", extract)}");
            Assert.Equal(full.ToHashSet(), extract.ToHashSet());
        }
    }

    [Fact]
    public void A_generation_reads_its_validated_cards_into_the_catalogue_the_validating_loader_gives()
    {
        var options = kb.TemporaryOptions(folder.Path);
        new CardIndexBuilder(kb.Dictionaries).Build(options);
        var cards = Path.Combine(new CardIndexStore(options.IndexPath).CurrentGenerationPath()!, "cards");

        var validated = CardLoader.Load(cards);
        var read = CardLoader.LoadValidated(cards);

        Assert.DoesNotContain(validated.Problems, p => p.Severity == ProblemSeverity.Error);
        Assert.Equal(validated.Catalogue.Cards.Count, read.Cards.Count);
        // Every field of every card, the office and the booking schedule, compared as JSON.
        Assert.Equal(JsonSerializer.Serialize(validated.Catalogue.Cards), JsonSerializer.Serialize(read.Cards));
        Assert.Equal(JsonSerializer.Serialize(validated.Catalogue.Office), JsonSerializer.Serialize(read.Office));
        Assert.Equal(JsonSerializer.Serialize(validated.Catalogue.Booking), JsonSerializer.Serialize(read.Booking));
    }

    [Fact]
    public void Searching_before_any_index_exists_says_so()
    {
        using var service = new CardSearchService(kb.TemporaryOptions(folder.Path), NullLogger<CardSearchService>.Instance);
        Assert.Throws<SearchNotReadyException>(() => service.Search(new SearchRequest("paszport")));
    }

    public void Dispose() => folder.Dispose();
}
