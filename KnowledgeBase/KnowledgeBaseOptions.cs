using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Configuration;

namespace Asystent.KnowledgeBase;

/// <summary>
/// Where the knowledge base keeps its files. Relative paths are resolved against the folder of the
/// shared appsettings.json (the repository root), so the Bot, the Indexer and the tests agree.
/// </summary>
public sealed class KnowledgeBaseOptions
{
    public const string SectionName = "KnowledgeBase";

    [Required] public string CardsPath { get; set; } = "content/cards";
    [Required] public string VocabularyPath { get; set; } = "content/vocabulary";
    [Required] public string DictionariesPath { get; set; } = "KnowledgeBase/Dictionaries/node_modules";

    /// <summary>The Stempel table and the Morfologik dictionary, fetched by the build from Debian's packages.</summary>
    [Required] public string MorphologyPath { get; set; } = "KnowledgeBase/Dictionaries/morphology";

    /// <summary>
    /// The Polish stemmers: "hunspell", "stempel", "morfologik", or several joined by '+' (union of their
    /// stems) or '&gt;' (the first that knows the word). See Search/Morphology/PolishMorphologySetting.
    /// </summary>
    [Required, RegularExpression(@"^\s*[A-Za-z]+\s*([+>]\s*[A-Za-z]+\s*)*$")]
    public string PolishMorphology { get; set; } = "hunspell";
    [Required] public string IndexPath { get; set; } = "data/index";
    [Required] public string EvaluationPath { get; set; } = "content/evaluation";
    [Required] public string IntentsPath { get; set; } = "content/intents";
    [Required] public string ModelPath { get; set; } = "data/model";

    /// <summary>
    /// The office's own evaluation set (<c>office.tsv</c>, <c>Indexer eval --set office</c>): questions of
    /// the office's traffic, masked, that staff assigned to cards at /admin/gaps. It is the office's data,
    /// so it lives in the data folder beside the database, not in the repository's content/evaluation.
    /// </summary>
    [Required] public string OfficeEvaluationPath { get; set; } = "data/evaluation";

    /// <summary>The office's time zone: "today", "jutro" and office hours are counted in it.</summary>
    [Required] public string TimeZone { get; set; } = "Europe/Warsaw";

    /// <summary>How often the searcher checks for a newly built index generation.</summary>
    [Range(1, 3600)] public int IndexPollSeconds { get; set; } = 2;

    /// <summary>Reads the section (defaults for what is missing), resolves its paths against the root and validates it.</summary>
    public static KnowledgeBaseOptions FromConfiguration(IConfiguration configuration, string root)
    {
        var options = (configuration.GetSection(SectionName).Get<KnowledgeBaseOptions>() ?? new KnowledgeBaseOptions()).ResolvedAgainst(root);
        Validator.ValidateObject(options, new ValidationContext(options), validateAllProperties: true);
        return options;
    }

    /// <summary>Makes every relative path absolute against <paramref name="root"/>.</summary>
    public KnowledgeBaseOptions ResolvedAgainst(string root) => new()
    {
        CardsPath = Path.GetFullPath(CardsPath, root),
        VocabularyPath = Path.GetFullPath(VocabularyPath, root),
        DictionariesPath = Path.GetFullPath(DictionariesPath, root),
        MorphologyPath = Path.GetFullPath(MorphologyPath, root),
        PolishMorphology = PolishMorphology,
        IndexPath = Path.GetFullPath(IndexPath, root),
        EvaluationPath = Path.GetFullPath(EvaluationPath, root),
        IntentsPath = Path.GetFullPath(IntentsPath, root),
        ModelPath = Path.GetFullPath(ModelPath, root),
        OfficeEvaluationPath = Path.GetFullPath(OfficeEvaluationPath, root),
        IndexPollSeconds = IndexPollSeconds,
        TimeZone = TimeZone,
    };
}
