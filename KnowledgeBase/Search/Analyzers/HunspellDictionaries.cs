using System.Diagnostics;
using Lucene.Net.Analysis.Hunspell;

namespace Asystent.KnowledgeBase.Search.Analyzers;

/// <summary>
/// The Polish and Ukrainian Hunspell dictionaries from npm (dictionary-pl, dictionary-uk, UTF-8).
/// Each takes 2-3 s to compile into Lucene's FST form, so both load in parallel, once per process;
/// a Lucene Hunspell Dictionary is read-only after construction and safe to share between threads.
/// </summary>
public sealed class HunspellDictionaries
{
    private HunspellDictionaries(Dictionary polish, Dictionary ukrainian, TimeSpan loadTime)
    {
        Polish = polish;
        Ukrainian = ukrainian;
        PolishStems = new HunspellStemCache(polish);
        UkrainianStems = new HunspellStemCache(ukrainian);
        LoadTime = loadTime;
    }

    public Dictionary Polish { get; }
    public Dictionary Ukrainian { get; }

    /// <summary>Stems remembered across index builds and queries for the life of the process.</summary>
    public HunspellStemCache PolishStems { get; }
    public HunspellStemCache UkrainianStems { get; }
    public TimeSpan LoadTime { get; }

    public static HunspellDictionaries Load(string dictionariesPath)
    {
        var watch = Stopwatch.StartNew();
        var polish = Task.Run(() => LoadOne(dictionariesPath, "dictionary-pl"));
        var ukrainian = Task.Run(() => LoadOne(dictionariesPath, "dictionary-uk"));
        Task.WaitAll(polish, ukrainian);
        return new HunspellDictionaries(polish.Result, ukrainian.Result, watch.Elapsed);
    }

    private static Dictionary LoadOne(string root, string package)
    {
        var folder = Path.Combine(root, package);
        var aff = Path.Combine(folder, "index.aff");
        var dic = Path.Combine(folder, "index.dic");
        if (!File.Exists(aff) || !File.Exists(dic))
        {
            throw new FileNotFoundException(
                $"Hunspell dictionary '{package}' is missing in '{root}'. Build the solution (it runs npm ci in KnowledgeBase/Dictionaries) or run ./run.sh.");
        }

        using var affix = File.OpenRead(aff);
        using var words = File.OpenRead(dic);
        return new Dictionary(affix, words);
    }
}
