using Asystent.KnowledgeBase.Evaluation;
using Asystent.KnowledgeBase.Search;
using BenchmarkDotNet.Attributes;

namespace Asystent.Benchmarks;

/// <summary>
/// Query analysis + search, one resident question per operation, cycling through the whole
/// evaluation set (all languages, typos, no Polish letters), on the demo and a 25,000-card catalogue.
/// </summary>
[MemoryDiagnoser]
public class SearchBenchmarks
{
    private CardIndex index = null!;
    private IReadOnlyList<EvaluationQuery> queries = null!;
    private int next;

    [Params(67, 25_000)]
    public int Cards { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var data = BenchmarkData.Instance;
        var catalogue = Cards <= data.Demo.Cards.Count ? data.Demo : SyntheticCatalogue.Create(data.Demo, Cards);
        index = InMemoryCardIndex.Build(catalogue, data.Vocabulary, data.Dictionaries, data.Morphology);
        queries = data.Queries;
    }

    [Benchmark(Description = "analyse + search one question")]
    public int Search()
    {
        var query = queries[next++ % queries.Count];
        return CardSearcher.Search(index, new SearchRequest(query.Query, null, 5)).Results.Count;
    }

    [GlobalCleanup]
    public void Cleanup() => index.Dispose();
}
