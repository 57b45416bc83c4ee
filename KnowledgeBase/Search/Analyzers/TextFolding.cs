using Lucene.Net.Analysis.Miscellaneous;

namespace Asystent.KnowledgeBase.Search.Analyzers;

/// <summary>Lower-cases and strips diacritics the same way the light analyzer does ("Zażółć" → "zazolc", "ё" → "е").</summary>
public static class TextFolding
{
    public static string Fold(string text)
    {
        var input = text.ToLowerInvariant().Replace('ё', 'е').Replace('ґ', 'г').ToCharArray();
        var output = new char[input.Length * 4];
        var length = ASCIIFoldingFilter.FoldToASCII(input, 0, output, 0, input.Length);
        return new string(output, 0, length);
    }
}
