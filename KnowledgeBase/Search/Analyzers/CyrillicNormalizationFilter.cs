using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;

namespace Asystent.KnowledgeBase.Search.Analyzers;

/// <summary>
/// Folds the Cyrillic letters people often type interchangeably: ё→е, and the Ukrainian ґ→г.
/// (ASCIIFoldingFilter leaves Cyrillic alone, so this is the Cyrillic counterpart of folding ą→a.)
/// </summary>
internal sealed class CyrillicNormalizationFilter : TokenFilter
{
    private readonly ICharTermAttribute term;

    public CyrillicNormalizationFilter(TokenStream input) : base(input) => term = AddAttribute<ICharTermAttribute>();

    public override bool IncrementToken()
    {
        if (!m_input.IncrementToken())
        {
            return false;
        }

        var buffer = term.Buffer;
        for (var i = 0; i < term.Length; i++)
        {
            buffer[i] = buffer[i] switch
            {
                'ё' => 'е',
                'ґ' => 'г',
                _ => buffer[i],
            };
        }

        return true;
    }
}
