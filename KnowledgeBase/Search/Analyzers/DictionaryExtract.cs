using System.Text;
using Lucene.Net.Index;

namespace Asystent.KnowledgeBase.Search.Analyzers;

/// <summary>
/// Writes, next to a built index, Hunspell dictionaries holding only the entries whose stems occur in
/// that index. Compiling the full Polish and Ukrainian dictionaries takes seconds of every start;
/// these extracts compile in a fraction of that and stem queries to the same index terms: a stem the
/// index does not contain cannot match anything, so leaving its dictionary entry out changes nothing.
/// The affix files keep only the rules that fit a kept entry (<see cref="AffixExtract"/>).
/// </summary>
internal static class DictionaryExtract
{
    public const string FolderName = "dictionaries";

    /// <param name="trimAffixes">Whether to leave out the affix rules no kept entry fits (<see cref="AffixExtract"/>); tests compare both.</param>
    public static void Write(IndexReader reader, string sourceRoot, string generationPath, bool trimAffixes = true)
    {
        var target = Path.Combine(generationPath, FolderName);
        Write(sourceRoot, target, "dictionary-pl", IndexStems(reader, Languages.Language.Pl), TextFolding.Fold, trimAffixes);
        Write(sourceRoot, target, "dictionary-uk", IndexStems(reader, Languages.Language.Uk), NormalizeCyrillic, trimAffixes);
    }

    private static void Write(string sourceRoot, string targetRoot, string package, HashSet<string> stems, Func<string, string> normalize, bool trimAffixes)
    {
        var source = Path.Combine(sourceRoot, package);
        var target = Path.Combine(targetRoot, package);
        Directory.CreateDirectory(target);
        var kept = new List<string>();
        foreach (var line in File.ReadLines(Path.Combine(source, "index.dic")).Skip(1))
        {
            var slash = line.IndexOf('/', StringComparison.Ordinal);
            var lemma = (slash < 0 ? line : line[..slash]).Trim();
            if (lemma.Length > 0 && stems.Contains(normalize(lemma)))
            {
                kept.Add(line);
            }
        }

        // Hunspell requires at least one entry; the first line is the (approximate) entry count.
        if (kept.Count == 0)
        {
            kept.Add("a");
        }

        File.WriteAllLines(Path.Combine(target, "index.dic"), kept.Prepend(kept.Count.ToString(System.Globalization.CultureInfo.InvariantCulture)), new UTF8Encoding(false));
        var affixes = File.ReadAllLines(Path.Combine(source, "index.aff"));
        File.WriteAllLines(Path.Combine(target, "index.aff"), trimAffixes ? AffixExtract.Lines(affixes, kept) : affixes, new UTF8Encoding(false));
    }

    internal static HashSet<string> IndexStems(IndexReader reader, Languages.Language language)
    {
        var stems = new HashSet<string>(StringComparer.Ordinal);
        foreach (var field in new[] { SearchFields.Title(language), SearchFields.Keywords(language), SearchFields.Summary(language), SearchFields.Body(language) })
        {
            var terms = MultiFields.GetTerms(reader, field);
            if (terms is null)
            {
                continue;
            }

            var iterator = terms.GetEnumerator();
            while (iterator.MoveNext())
            {
                stems.Add(iterator.Term.Utf8ToString());
            }
        }

        return stems;
    }

    private static string NormalizeCyrillic(string word) => word.ToLowerInvariant().Replace('ё', 'е').Replace('ґ', 'г');
}
