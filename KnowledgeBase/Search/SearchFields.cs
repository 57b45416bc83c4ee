using Asystent.KnowledgeBase.Languages;

namespace Asystent.KnowledgeBase.Search;

/// <summary>The Lucene field names of the card index, in one place.</summary>
public static class SearchFields
{
    public const string Id = "id";
    public const string Kind = "kind";
    public const string Unit = "unit";

    /// <summary>Titles and keywords of every language, folded and lightly stemmed (recall for typed-without-diacritics and typos).</summary>
    public const string LightHead = "light_head";

    /// <summary>Summaries and bodies of every language, folded and lightly stemmed.</summary>
    public const string LightText = "light_text";

    public static string Title(Language language) => Titles[(int)language];
    public static string Keywords(Language language) => KeywordFields[(int)language];
    public static string Summary(Language language) => Summaries[(int)language];
    public static string Body(Language language) => Bodies[(int)language];

    // Built once: every search names these fields for each word of the question.
    private static readonly string[] Titles = PerLanguage("title_");
    private static readonly string[] KeywordFields = PerLanguage("keywords_");
    private static readonly string[] Summaries = PerLanguage("summary_");
    private static readonly string[] Bodies = PerLanguage("body_");

    private static string[] PerLanguage(string prefix) =>
        Enum.GetValues<Language>().OrderBy(l => (int)l).Select(l => prefix + l.Code()).ToArray();

    public static Language? LanguageOf(string field) =>
        field.Length > 3 && field[^3] == '_' && Languages.Languages.TryParse(field[^2..], out var language) ? language : null;
}
