using Asystent.KnowledgeBase.Languages;
using Asystent.KnowledgeBase.Search;

namespace Asystent.Bot.Hosting;

/// <summary>The checks every question-taking endpoint makes, with the same wording everywhere.</summary>
internal static class QueryValidation
{
    /// <summary>Adds an error for an empty or over-long question.</summary>
    public static void Question(string? q, Dictionary<string, string[]> errors)
    {
        if (string.IsNullOrWhiteSpace(q))
        {
            errors["q"] = ["Ask a question: the 'q' parameter is empty."];
        }
        else if (q.Length > SearchRequest.MaxQueryLength)
        {
            errors["q"] = [$"The question is too long ({q.Length} characters); at most {SearchRequest.MaxQueryLength} are allowed."];
        }
    }

    /// <summary>Null for "auto" or no value; adds an error for an unknown language.</summary>
    public static Language? Language(string? lang, Dictionary<string, string[]> errors)
    {
        if (string.IsNullOrEmpty(lang) || lang == "auto")
        {
            return null;
        }

        if (Languages.TryParse(lang, out var parsed))
        {
            return parsed;
        }

        errors["lang"] = [$"Unknown language '{(lang.Length <= 20 ? lang : lang[..20] + "…")}'. Use auto, pl, en, uk or ru."];
        return null;
    }
}
