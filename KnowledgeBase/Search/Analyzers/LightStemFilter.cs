using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;

namespace Asystent.KnowledgeBase.Search.Analyzers;

/// <summary>Applies <see cref="LightStemmer"/> to every token not marked as a keyword.</summary>
internal sealed class LightStemFilter : TokenFilter
{
    private readonly ICharTermAttribute term;
    private readonly IKeywordAttribute keyword;

    public LightStemFilter(TokenStream input) : base(input)
    {
        term = AddAttribute<ICharTermAttribute>();
        keyword = AddAttribute<IKeywordAttribute>();
    }

    public override bool IncrementToken()
    {
        if (!m_input.IncrementToken())
        {
            return false;
        }

        if (!keyword.IsKeyword)
        {
            term.Length = LightStemmer.Stem(term.Buffer, term.Length);
        }

        return true;
    }
}
