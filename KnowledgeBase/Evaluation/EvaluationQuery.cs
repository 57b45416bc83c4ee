namespace Asystent.KnowledgeBase.Evaluation;

/// <summary>
/// One question of an evaluation set, with the card ids that count as a right answer (none for a
/// question no card answers) and, for questions people wrote elsewhere, the page it came from.
/// </summary>
public sealed record EvaluationQuery(string Query, IReadOnlyList<string> Expected, IReadOnlyList<string> Tags, int Line, string? Source = null)
{
    /// <summary>A question that no card answers (weather, recipes, nonsense): the right outcome is "answerable: false".</summary>
    public bool Unanswerable => Expected.Count == 0;
}

/// <summary>One part of a named set: "all", or "development" and "held-out" for the real questions.</summary>
public sealed record EvaluationPart(string Name, IReadOnlyList<EvaluationQuery> Queries);

public static class EvaluationSet
{
    public const string SearchQueriesFile = "search-queries.tsv";

    /// <summary>The questions the card classifier learns from: the development part of the real questions, never the held-out part.</summary>
    public const string TrainingQuestionsFile = "real-dev.tsv";

    public static string TrainingQuestionsPath(KnowledgeBaseOptions options) => Path.Combine(options.EvaluationPath, TrainingQuestionsFile);

    /// <summary>
    /// What the card classifier learns from besides the cards: the training questions, and the intent
    /// model's small talk and out-of-scope utterances as messages no card answers.
    /// </summary>
    public static IReadOnlyList<Search.Ranking.CardExample> TrainingQuestions(KnowledgeBaseOptions options) =>
        [.. File.Exists(TrainingQuestionsPath(options)) ? Examples(Load(TrainingQuestionsPath(options))) : [], .. NoCardUtterances(options)];

    /// <summary>Questions as examples of their cards; a question no card answers as an example of <see cref="Search.Ranking.CardClassifier.NoCard"/>.</summary>
    public static IReadOnlyList<Search.Ranking.CardExample> Examples(IEnumerable<EvaluationQuery> queries) =>
        queries.SelectMany(q => q.Unanswerable
            ? [new Search.Ranking.CardExample(Search.Ranking.CardClassifier.NoCard, q.Query)]
            : q.Expected.Select(id => new Search.Ranking.CardExample(id, q.Query))).ToList();

    /// <summary>The team's generic messages no card answers, "language &lt;TAB&gt; text" lines, beside the intents' files.</summary>
    public const string NoCardFile = "no-card.tsv";

    /// <summary>
    /// Messages no card answers: the intent model's small talk and out-of-scope utterances, and the
    /// generic out-of-scope sentences of <see cref="NoCardFile"/> (news and opinion headings, shopping,
    /// homework, travel), which look more like the real questions no office handles.
    /// </summary>
    public static IEnumerable<Search.Ranking.CardExample> NoCardUtterances(KnowledgeBaseOptions options)
    {
        if (!Directory.Exists(options.IntentsPath))
        {
            return [];
        }

        var intents = Intents.IntentDataSet.LoadTraining(options.IntentsPath)
            .Where(u => u.Intent is Intents.IntentNames.OutOfScope or Intents.IntentNames.Greeting or Intents.IntentNames.Thanks or Intents.IntentNames.Goodbye)
            .Select(u => u.Text);
        var path = Path.Combine(options.IntentsPath, NoCardFile);
        var generic = File.Exists(path)
            ? File.ReadLines(path)
                .Where(l => !string.IsNullOrWhiteSpace(l) && !l.StartsWith('#'))
                .Select(l => l.Split('\t', 2) is [_, var text] ? text.Trim() : throw new InvalidDataException($"{path}: expected 'language<TAB>text': {l}"))
            : [];
        return intents.Concat(generic).Select(t => new Search.Ranking.CardExample(Search.Ranking.CardClassifier.NoCard, t)).ToList();
    }

    /// <summary>
    /// The named sets and their files: <c>own</c> (written by the team), <c>real</c> (written by people
    /// outside it on public pages; the held-out part is never used for tuning) and <c>office</c> (the
    /// office's own traffic, masked, from questions staff assigned to cards).
    /// </summary>
    public static readonly IReadOnlyDictionary<string, (string Part, string File)[]> Named = new Dictionary<string, (string, string)[]>
    {
        ["own"] = [("all", SearchQueriesFile)],
        ["real"] = [("development", "real-dev.tsv"), ("held-out", "real-heldout.tsv")],
        [OfficeSet] = [("all", OfficeFile)],
    };

    public const string OfficeSet = "office";
    public const string OfficeFile = "office.tsv";

    /// <summary>Where a named set's files are: the office's own set in the data folder, the others in content/evaluation.</summary>
    public static string FolderOf(KnowledgeBaseOptions options, string name) =>
        name == OfficeSet ? options.OfficeEvaluationPath : options.EvaluationPath;

    /// <summary>The parts of a named set that exist in <paramref name="folder"/>.</summary>
    public static IReadOnlyList<EvaluationPart> LoadNamed(string folder, string name) =>
        Named.TryGetValue(name, out var parts)
            ? parts.Where(p => File.Exists(Path.Combine(folder, p.File))).Select(p => new EvaluationPart(p.Part, Load(Path.Combine(folder, p.File)))).ToList()
            : throw new ArgumentException($"unknown evaluation set '{name}' (known: {string.Join(", ", Named.Keys)})", nameof(name));

    /// <summary>
    /// Reads a TSV file of "tags &lt;TAB&gt; expected ids &lt;TAB&gt; query [&lt;TAB&gt; source]" lines; tags and
    /// ids are comma-separated, "-" means no card answers; '#' starts a comment line.
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
            if (parts.Length is not (3 or 4))
            {
                throw new InvalidDataException($"{path}:{lineNumber}: expected 3 or 4 tab-separated columns (tags, expected ids, query, source)");
            }

            queries.Add(new EvaluationQuery(
                parts[2].Trim(),
                parts[1].Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Where(id => id != "-").ToList(),
                parts[0].Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
                lineNumber,
                parts.Length == 4 ? parts[3].Trim() : null));
        }

        return queries;
    }
}
