namespace Asystent.KnowledgeBase.Search.Morphology;

/// <summary>One source of Polish word stems.</summary>
public enum PolishStemmer
{
    /// <summary>Hunspell with the dictionary-pl affix rules: dictionary stems, every reading kept.</summary>
    Hunspell,

    /// <summary>Stempel: an algorithmic stemmer trained on a corpus; knows every word, stems are not always words.</summary>
    Stempel,

    /// <summary>Morfologik (PoliMorf): a dictionary of inflected forms and their lemmas, plus the forms typed without Polish letters.</summary>
    Morfologik,
}

/// <summary>
/// Which stemmers the Polish analyzer uses (configuration <c>KnowledgeBase:PolishMorphology</c>):
/// one name ("morfologik"), names joined by '+' for the union of their stems ("hunspell+morfologik"),
/// or by '&gt;' for the first one that knows the word ("morfologik&gt;hunspell&gt;stempel").
/// </summary>
public sealed record PolishMorphologySetting(IReadOnlyList<PolishStemmer> Stemmers, bool FirstThatKnows)
{
    public static PolishMorphologySetting HunspellOnly { get; } = new([PolishStemmer.Hunspell], false);

    public bool Uses(PolishStemmer stemmer) => Stemmers.Contains(stemmer);

    public static PolishMorphologySetting Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var firstThatKnows = text.Contains('>', StringComparison.Ordinal);
        if (firstThatKnows && text.Contains('+', StringComparison.Ordinal))
        {
            throw new FormatException($"PolishMorphology '{text}' mixes '+' and '>'; use one of them.");
        }

        var stemmers = new List<PolishStemmer>();
        foreach (var name in text.Split(firstThatKnows ? '>' : '+', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            if (!Enum.TryParse<PolishStemmer>(name, ignoreCase: true, out var stemmer) || !Enum.IsDefined(stemmer))
            {
                throw new FormatException($"PolishMorphology '{text}': unknown stemmer '{name}' (use hunspell, stempel, morfologik).");
            }

            if (!stemmers.Contains(stemmer))
            {
                stemmers.Add(stemmer);
            }
        }

        return stemmers.Count == 0
            ? throw new FormatException("PolishMorphology names no stemmer (use hunspell, stempel, morfologik).")
            : new PolishMorphologySetting(stemmers, firstThatKnows && stemmers.Count > 1);
    }

    public static bool TryParse(string text, out PolishMorphologySetting? setting)
    {
        try
        {
            setting = Parse(text);
            return true;
        }
        catch (FormatException)
        {
            setting = null;
            return false;
        }
    }

    /// <summary>The canonical text ("hunspell+morfologik"), which is also what a generation records.</summary>
    public override string ToString() =>
        string.Join(FirstThatKnows ? ">" : "+", Stemmers.Select(s => s.ToString().ToLowerInvariant()));

    public bool Equals(PolishMorphologySetting? other) => other is not null && ToString() == other.ToString();

    public override int GetHashCode() => ToString().GetHashCode(StringComparison.Ordinal);
}
