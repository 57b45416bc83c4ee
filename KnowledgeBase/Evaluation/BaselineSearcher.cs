using Asystent.KnowledgeBase.Languages;
using Asystent.KnowledgeBase.Search;
using Asystent.KnowledgeBase.ServiceCards;
using Lucene.Net.Analysis.Standard;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Store;
using Lucene.Net.Util;

namespace Asystent.KnowledgeBase.Evaluation;

/// <summary>
/// The yardstick: every card's text in every language in one field, analysed by Lucene's plain
/// StandardAnalyzer (no stemming, no folding, no synonyms, no field weights), searched with OR.
/// </summary>
public sealed class BaselineSearcher : IDisposable
{
    private const string AllText = "all";
    private readonly RAMDirectory directory = new();
    private readonly StandardAnalyzer analyzer = new(LuceneVersion.LUCENE_48);
    private readonly DirectoryReader reader;
    private readonly IndexSearcher searcher;

    public BaselineSearcher(CardCatalogue catalogue)
    {
        using (var writer = new IndexWriter(directory, new IndexWriterConfig(LuceneVersion.LUCENE_48, analyzer)))
        {
            foreach (var card in catalogue.Cards)
            {
                var text = string.Join(" ; ", Languages.Languages.All.SelectMany(language => new[]
                {
                    card.Title.In(language), card.Summary.In(language),
                    string.Join(" ; ", card.Keywords.In(language) ?? []),
                    CardDocumentMapper.Body(card, catalogue.Office, language),
                }).Where(t => !string.IsNullOrWhiteSpace(t)));
                writer.AddDocument(new Document
                {
                    new StringField(SearchFields.Id, card.Id, Field.Store.YES),
                    new TextField(AllText, text, Field.Store.NO),
                });
            }
        }

        reader = DirectoryReader.Open(directory);
        searcher = new IndexSearcher(reader);
    }

    public IReadOnlyList<string> Search(string query, int top)
    {
        var boolean = new BooleanQuery();
        foreach (var term in KnowledgeBase.Search.Analyzers.AnalyzerSet.Terms(analyzer, query))
        {
            boolean.Add(new TermQuery(new Term(AllText, term)), Occur.SHOULD);
        }

        return searcher.Search(boolean, top).ScoreDocs.Select(d => searcher.Doc(d.Doc).Get(SearchFields.Id)).ToList();
    }

    public void Dispose()
    {
        reader.Dispose();
        analyzer.Dispose();
        directory.Dispose();
    }
}
