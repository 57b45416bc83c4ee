using System.Collections.Frozen;
using System.Collections.Concurrent;
using Asystent.KnowledgeBase.Intents;
using Asystent.KnowledgeBase.Search.Analyzers;
using Asystent.KnowledgeBase.ServiceCards;
using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers;
using Microsoft.ML.Transforms.Text;

namespace Asystent.KnowledgeBase.Search.Ranking;

/// <summary>One text that says what a card is about: a card's own text, or a question people asked about it.</summary>
public sealed record CardExample(string CardId, string Text);

/// <summary>
/// The learned signal beside BM25: a maximum-entropy classifier over the cards, trained on the cards'
/// own texts (title, summary, steps, documents, keywords, in every language) and on questions people
/// asked (the development part of the real questions). It knows which words go with which card even
/// when the card does not contain them ("kupiłem auto w Niemczech" → the imported car), which BM25
/// cannot. Features are those of the intent model (words, character trigrams, folded light stems),
/// plus Cyrillic words spelled the Polish way, so "мельдунек" shares a feature with "meldunek".
/// </summary>
public sealed class CardClassifier
{
    /// <summary>Beyond this many cards a classifier over all of them is too large; search stays lexical.</summary>
    public const int MaxCards = 2_000;

    public const string FileName = "card-classifier.zip";

    /// <summary>
    /// How much the classifier's probability counts against BM25's score relative to the best card
    /// (cross-validated on the development questions: BENCHMARKS.md, "A learned signal beside BM25").
    /// </summary>
    public const float Weight = 0.8f;

    private const int Seed = 20261202;
    private readonly MLContext ml;
    private readonly ITransformer transformer;
    private readonly ConcurrentBag<PredictionEngine<CardInput, CardOutput>> engines = [];
    private readonly string[] labels;
    private readonly FrozenDictionary<string, int> positions;

    private CardClassifier(MLContext ml, ITransformer transformer)
    {
        this.ml = ml;
        this.transformer = transformer;
        var engine = ml.Model.CreatePredictionEngine<CardInput, CardOutput>(transformer);
        var names = default(VBuffer<ReadOnlyMemory<char>>);
        engine.OutputSchema[nameof(CardOutput.Score)].GetSlotNames(ref names);
        labels = names.DenseValues().Select(n => n.ToString()).ToArray();
        positions = labels.Select((label, i) => (label, i)).ToFrozenDictionary(p => p.label, p => p.i, StringComparer.Ordinal);
        engines.Add(engine);
    }

    /// <summary>
    /// The label of messages no card answers (small talk, weather, recipes): learned from the intent
    /// model's conversational and out-of-scope utterances and from questions labelled "-", its
    /// probability tells the answerable judgement that a card found by a shared word is no answer.
    /// </summary>
    public const string NoCard = "-";

    /// <summary>Trains on the cards' texts, questions about cards (<see cref="CardExample.CardId"/> a card id) and texts no card answers (<see cref="NoCard"/>).</summary>
    public static CardClassifier Train(CardCatalogue catalogue, IEnumerable<CardExample> questions)
    {
        var ml = new MLContext(seed: Seed);
        var known = catalogue.Cards.Select(c => c.Id).Append(NoCard).ToHashSet(StringComparer.Ordinal);
        var examples = CardTexts(catalogue).Concat(questions.Where(q => known.Contains(q.CardId)))
            .Select(e => new CardInput { Text = Features(e.Text), Label = e.CardId });
        var data = ml.Data.LoadFromEnumerable(examples);
        return new CardClassifier(ml, Pipeline(ml).Fit(data));
    }

    public static CardClassifier Load(string path)
    {
        var ml = new MLContext(seed: Seed);
        using var stream = File.OpenRead(path);
        return new CardClassifier(ml, ml.Model.Load(stream, out _));
    }

    public void Save(string path)
    {
        using var stream = File.Create(path);
        ml.Model.Save(transformer, null, stream);
    }

    /// <summary>The probability of each card for <paramref name="text"/> (and of <see cref="NoCard"/>).</summary>
    public CardProbabilities Predict(string text)
    {
        if (!engines.TryTake(out var engine))
        {
            engine = ml.Model.CreatePredictionEngine<CardInput, CardOutput>(transformer);
        }

        try
        {
            return new CardProbabilities(labels, engine.Predict(new CardInput { Text = Features(text) }).Score, positions);
        }
        finally
        {
            engines.Add(engine);
        }
    }

    /// <summary>Each card's texts as separate examples, so that a short question resembles the short texts (title, keywords).</summary>
    internal static IEnumerable<CardExample> CardTexts(CardCatalogue catalogue)
    {
        foreach (var card in catalogue.Cards)
        {
            foreach (var language in Languages.Languages.All)
            {
                foreach (var text in new[] { card.Title.In(language), card.Summary.In(language), card.Redirect?.Office.In(language) })
                {
                    if (text is not null)
                    {
                        yield return new CardExample(card.Id, text);
                    }
                }

                foreach (var list in new[] { card.Steps, card.Documents })
                {
                    if (list.In(language) is { } items)
                    {
                        yield return new CardExample(card.Id, string.Join(". ", items));
                    }
                }

                // Keywords in small groups: one group reads like a short question, all of them like none.
                if (card.Keywords.In(language) is { } keywords)
                {
                    foreach (var chunk in keywords.Chunk(3))
                    {
                        yield return new CardExample(card.Id, card.Title.Best(language) + " " + string.Join(", ", chunk));
                    }
                }
            }
        }
    }

    /// <summary>The intent model's normalised text, plus each Cyrillic word's Polish spelling as a folded stem.</summary>
    internal static string Features(string text)
    {
        var normalized = IntentTextNormalizer.Normalize(text);
        if (!CyrillicToPolish.HasCyrillic(text))
        {
            return normalized;
        }

        var transliterated = string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)
            .Where(CyrillicToPolish.HasCyrillic)
            .Select(w => CyrillicToPolish.Transliterate(w, Languages.Language.Uk)));
        return normalized + " " + IntentTextNormalizer.Normalize(transliterated);
    }

    private static EstimatorChain<MulticlassPredictionTransformer<MaximumEntropyModelParameters>> Pipeline(MLContext ml) =>
        ml.Transforms.Conversion.MapValueToKey("Label", "Label")
            .Append(ml.Transforms.Text.FeaturizeText("Features", new TextFeaturizingEstimator.Options
            {
                CaseMode = TextNormalizingEstimator.CaseMode.Lower,
                KeepDiacritics = false,
                KeepPunctuations = false,
                KeepNumbers = true,
                StopWordsRemoverOptions = null,
                WordFeatureExtractor = new WordBagEstimator.Options { NgramLength = 1, Weighting = NgramExtractingEstimator.WeightingCriteria.TfIdf },
                // No character n-grams: the folded light stems carry the inflections, and n-grams of
                // long card texts made training a hundred times slower for no better ranking.
                CharFeatureExtractor = null,
                Norm = TextFeaturizingEstimator.NormFunction.L2,
            }, nameof(CardInput.Text)))
            .Append(ml.MulticlassClassification.Trainers.SdcaMaximumEntropy(new SdcaMaximumEntropyMulticlassTrainer.Options
            {
                LabelColumnName = "Label",
                FeatureColumnName = "Features",
                NumberOfThreads = 1,
                MaximumNumberOfIterations = 20,
                // Cross-validated on the development questions 1e-5 gave 78.0 % top-1 against 76.1 % here, but
                // the own set fell to 92.0 % (94.5 % here): it learns the development questions too closely.
                L2Regularization = 1e-4f,
            }));

    private sealed class CardInput
    {
        public string Text { get; set; } = "";
        public string Label { get; set; } = "";
    }

    private sealed class CardOutput
    {
        public float[] Score { get; set; } = [];
    }
}
