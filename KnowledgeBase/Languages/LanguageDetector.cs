namespace Asystent.KnowledgeBase.Languages;

/// <summary>
/// Tells Polish, English, Ukrainian and Russian apart in short, messy queries. The script splits
/// Latin from Cyrillic; letters that exist in only one language decide at once (ą ę ł ń ś ź ż ó ć are
/// Polish; і ї є ґ Ukrainian; ы э ъ ё Russian); otherwise a character-trigram model trained on the
/// cards' own texts, plus short lists of very common words, chooses within the script.
/// </summary>
public sealed class LanguageDetector
{
    private const string PolishLetters = "ąćęłńóśźż";
    private const string UkrainianLetters = "іїєґ";
    private const string RussianLetters = "ыэъё";

    private static readonly Dictionary<Language, HashSet<string>> CommonWords = new()
    {
        [Language.Pl] = ["i", "w", "z", "na", "do", "jak", "gdzie", "co", "czy", "nie", "jest", "sie", "się", "mam", "chce", "chcę", "moge", "mogę", "prosze", "proszę", "dla", "od", "po", "o", "ile", "kiedy", "mi", "moj", "mój", "moja", "jaki", "jakie", "trzeba", "zeby", "żeby", "urzad", "urząd", "dzien", "dobry", "potrzebuje", "potrzebuję", "musze", "muszę", "zalatwic", "załatwić", "ktory", "który", "auto", "auta", "sprawa", "sprawe"],
        [Language.En] = ["the", "a", "an", "i", "my", "is", "are", "to", "do", "how", "where", "what", "can", "need", "want", "of", "for", "in", "get", "and", "with", "from", "when", "much", "does", "it", "me", "have", "car", "please", "hello", "hi", "office", "new", "lost", "which", "who", "should", "would", "like"],
        [Language.Uk] = ["що", "як", "де", "мені", "потрібно", "треба", "й", "та", "це", "чи", "хочу", "можна", "для", "на", "у", "в", "з", "із", "зі", "мій", "моя", "скільки", "коли", "отримати", "дякую", "будь", "ласка", "є", "або", "його", "її", "вони", "ви", "ми", "машину", "оформити"],
        [Language.Ru] = ["что", "как", "где", "мне", "нужно", "надо", "и", "это", "ли", "хочу", "можно", "для", "на", "у", "в", "с", "со", "мой", "моя", "сколько", "когда", "получить", "спасибо", "пожалуйста", "или", "его", "ее", "они", "вы", "мы", "машину", "оформить", "какие", "документы"],
    };

    private readonly Dictionary<Language, Dictionary<string, double>> trigramLogProbabilities;
    private readonly Dictionary<Language, double> unseenLogProbability;

    private LanguageDetector(Dictionary<Language, Dictionary<string, double>> model, Dictionary<Language, double> unseen)
    {
        trigramLogProbabilities = model;
        unseenLogProbability = unseen;
    }

    /// <summary>Builds the trigram model from sample texts of each language (the cards themselves).</summary>
    public static LanguageDetector Train(IEnumerable<(Language Language, string Text)> samples)
    {
        var counts = Languages.All.ToDictionary(l => l, _ => new Dictionary<string, int>(StringComparer.Ordinal));
        foreach (var (language, text) in samples)
        {
            foreach (var trigram in Trigrams(text))
            {
                var bucket = counts[language];
                bucket[trigram] = bucket.GetValueOrDefault(trigram) + 1;
            }
        }

        var model = new Dictionary<Language, Dictionary<string, double>>();
        var unseen = new Dictionary<Language, double>();
        foreach (var (language, bucket) in counts)
        {
            // Add-one smoothing over an assumed vocabulary of trigrams, so an unseen trigram costs
            // more than a rare one but never rules a language out.
            double total = bucket.Values.Sum() + bucket.Count + 1;
            model[language] = bucket.ToDictionary(kv => kv.Key, kv => Math.Log((kv.Value + 1) / total), StringComparer.Ordinal);
            unseen[language] = Math.Log(1 / total);
        }

        return new LanguageDetector(model, unseen);
    }

    public Language Detect(string text, Language fallback = Language.Pl)
    {
        var lower = text.ToLowerInvariant();
        int latin = 0, cyrillic = 0;
        foreach (var c in lower)
        {
            if (c is >= 'a' and <= 'z' || PolishLetters.Contains(c))
            {
                latin++;
            }
            else if (c is >= '\u0400' and <= '\u04FF')
            {
                cyrillic++;
            }
        }

        if (latin == 0 && cyrillic == 0)
        {
            return fallback;
        }

        Language[] candidates;
        if (cyrillic > latin)
        {
            var uk = lower.Count(c => UkrainianLetters.Contains(c));
            var ru = lower.Count(c => RussianLetters.Contains(c));
            if (uk != ru)
            {
                return uk > ru ? Language.Uk : Language.Ru;
            }

            candidates = [Language.Uk, Language.Ru];
        }
        else
        {
            if (lower.Any(c => PolishLetters.Contains(c)))
            {
                return Language.Pl;
            }

            candidates = [Language.Pl, Language.En];
        }

        var words = lower.Split(Separators, StringSplitOptions.RemoveEmptyEntries);
        var grams = Trigrams(lower).ToList();
        return candidates.MaxBy(language =>
        {
            var model = trigramLogProbabilities[language];
            var score = grams.Sum(g => model.TryGetValue(g, out var p) ? p : unseenLogProbability[language]);
            // A common function word is strong evidence in a short query; worth about three trigrams.
            score += 3 * words.Count(w => CommonWords[language].Contains(w));
            return score;
        });
    }

    private static readonly char[] Separators = [' ', ',', '.', '?', '!', ';', ':', '"', '\'', '(', ')', '-', '/', '\n', '\t'];

    private static IEnumerable<string> Trigrams(string text)
    {
        foreach (var word in text.ToLowerInvariant().Split(Separators, StringSplitOptions.RemoveEmptyEntries))
        {
            if (!word.Any(char.IsLetter))
            {
                continue;
            }

            var padded = $" {word} ";
            for (var i = 0; i + 3 <= padded.Length; i++)
            {
                yield return padded.Substring(i, 3);
            }
        }
    }
}
