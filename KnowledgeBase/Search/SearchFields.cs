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

    public static string Title(Language language) => "title_" + language.Code();
    public static string Keywords(Language language) => "keywords_" + language.Code();
    public static string Summary(Language language) => "summary_" + language.Code();
    public static string Body(Language language) => "body_" + language.Code();

    public static Language? LanguageOf(string field) =>
        field.Length > 3 && field[^3] == '_' && Languages.Languages.TryParse(field[^2..], out var language) ? language : null;
}
