namespace Asystent.KnowledgeBase.Evaluation;

/// <summary>One question of the evaluation set, with the card ids that count as a right answer.</summary>
public sealed record EvaluationQuery(string Query, IReadOnlyList<string> Expected, IReadOnlyList<string> Tags, int Line);

public static class EvaluationSet
{
    public const string SearchQueriesFile = "search-queries.tsv";

    /// <summary>
    /// Reads a TSV file of "tags &lt;TAB&gt; expected ids &lt;TAB&gt; query" lines; tags and ids are
    /// comma-separated; '#' starts a comment line.
    /// </summary>
    public static IReadOnlyList<EvaluationQuery> Load(string path)
    {
        var queries = new List<EvaluationQuery>();
        var lineNumber = 0;
        foreach (var line in File.ReadLines(path))
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line) || line.StartsWith('#'))
            {
                continue;
            }

            var parts = line.Split('\t');
            if (parts.Length != 3)
            {
                throw new InvalidDataException($"{path}:{lineNumber}: expected 3 tab-separated columns (tags, expected ids, query)");
            }

            queries.Add(new EvaluationQuery(
                parts[2].Trim(),
                parts[1].Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
                parts[0].Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
                lineNumber));
        }

        return queries;
    }
}
