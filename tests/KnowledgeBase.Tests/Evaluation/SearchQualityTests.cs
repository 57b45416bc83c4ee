using Asystent.KnowledgeBase.Evaluation;
using Asystent.KnowledgeBase.Search;
using Microsoft.Extensions.Logging.Abstractions;

namespace Asystent.KnowledgeBase.Tests.Evaluation;

/// <summary>
/// A quality gate on the hand-written evaluation set: the search must stay well above the plain
/// StandardAnalyzer baseline. (The full figures by tag come from `Indexer eval`.)
/// </summary>
public sealed class SearchQualityTests(KnowledgeBaseFixture kb) : IDisposable
{
    private readonly TemporaryFolder folder = new();

    [Fact]
    public void The_evaluation_set_covers_every_card_in_every_language()
    {
        var queries = EvaluationSet.Load(Path.Combine(kb.Options.EvaluationPath, EvaluationSet.SearchQueriesFile));
        Assert.True(queries.Count >= 600);
        var covered = queries.SelectMany(q => q.Expected).ToHashSet();
        Assert.All(kb.Catalogue.Cards, c => Assert.Contains(c.Id, covered));
        foreach (var tag in new[] { "pl", "en", "uk", "ru", "no-diacritics", "typo", "colloquial" })
        {
            Assert.Contains(queries, q => q.Tags.Contains(tag));
        }

        Assert.All(queries.SelectMany(q => q.Expected), id => Assert.NotNull(kb.Catalogue.Find(id)));
    }

    [Fact]
    public void Search_beats_the_baseline_and_keeps_its_measured_quality()
    {
        var options = kb.TemporaryOptions(folder.Path);
        new CardIndexBuilder(kb.Dictionaries).Build(options);
        using var search = new CardSearchService(options, NullLogger<CardSearchService>.Instance);
        search.Refresh();

        var report = SearchEvaluator.Run(search, EvaluationSet.Load(Path.Combine(kb.Options.EvaluationPath, EvaluationSet.SearchQueriesFile)));

        // Thresholds sit a little under the figures recorded in BENCHMARKS.md, so a regression fails.
        Assert.True(report.Overall.Top1 >= 0.93, $"top-1 {report.Overall.Top1:P1}");
        Assert.True(report.Overall.Top3 >= 0.97, $"top-3 {report.Overall.Top3:P1}");
        Assert.True(report.Overall.Mrr > report.BaselineOverall.Mrr + 0.03, $"MRR {report.Overall.Mrr:F3} vs baseline {report.BaselineOverall.Mrr:F3}");
        Assert.True(report.ByTag["no-diacritics"].Assistant.Top1 >= 0.9);
        Assert.True(report.ByTag["typo"].Assistant.Top3 >= 0.9);
    }

    public void Dispose() => folder.Dispose();
}
