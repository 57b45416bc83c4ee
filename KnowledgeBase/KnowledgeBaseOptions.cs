using System.ComponentModel.DataAnnotations;

namespace Asystent.KnowledgeBase;

/// <summary>
/// Where the knowledge base keeps its files. Relative paths are resolved against the folder of the
/// shared appsettings.json (the repository root), so the Bot, the Indexer and the tests agree.
/// </summary>
public sealed class KnowledgeBaseOptions
{
    public const string SectionName = "KnowledgeBase";

    [Required] public string CardsPath { get; set; } = "KnowledgeBase/cards";
    [Required] public string VocabularyPath { get; set; } = "KnowledgeBase/vocabulary";
    [Required] public string DictionariesPath { get; set; } = "KnowledgeBase/Dictionaries/node_modules";
    [Required] public string IndexPath { get; set; } = "data/index";
    [Required] public string EvaluationPath { get; set; } = "KnowledgeBase/evaluation";

    /// <summary>How often the searcher checks for a newly built index generation.</summary>
    [Range(1, 3600)] public int IndexPollSeconds { get; set; } = 2;

    /// <summary>Makes every relative path absolute against <paramref name="root"/>.</summary>
    public KnowledgeBaseOptions ResolvedAgainst(string root) => new()
    {
        CardsPath = Path.GetFullPath(CardsPath, root),
        VocabularyPath = Path.GetFullPath(VocabularyPath, root),
        DictionariesPath = Path.GetFullPath(DictionariesPath, root),
        IndexPath = Path.GetFullPath(IndexPath, root),
        EvaluationPath = Path.GetFullPath(EvaluationPath, root),
        IndexPollSeconds = IndexPollSeconds,
    };
}
