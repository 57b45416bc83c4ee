using Asystent.KnowledgeBase.Intents;
using Asystent.KnowledgeBase.Languages;

namespace Asystent.KnowledgeBase.Tests.Intents;

public sealed class IntentModelTests(IntentModelFixture intents)
{
    [Fact]
    public void The_training_data_has_enough_varied_utterances_per_intent_and_language()
    {
        foreach (var intent in IntentNames.All)
        {
            Assert.True(intents.Training.Count(e => e.Intent == intent && e.Language == Language.Pl) >= 60, $"{intent}: pl");
            foreach (var language in new[] { Language.En, Language.Uk, Language.Ru })
            {
                Assert.True(intents.Training.Count(e => e.Intent == intent && e.Language == language) >= 20, $"{intent}: {language}");
            }
        }

        // No utterance is repeated within a language, and none of the held-out ones is trained on.
        Assert.Equal(intents.Training.Count, intents.Training.DistinctBy(e => (e.Language, e.Text.ToLowerInvariant())).Count());
        var trained = intents.Training.Select(e => e.Text.ToLowerInvariant()).ToHashSet();
        Assert.DoesNotContain(intents.HeldOut, e => trained.Contains(e.Text.ToLowerInvariant()));
    }

    // One unseen message per intent and language (none of them is in the training files).
    [Theory]
    [InlineData("gdzie mam iść z rejestracją auta z Niemiec", "find_service")]
    [InlineData("zapisz mnie na wizytę w czwartek", "book_appointment")]
    [InlineData("odwołuję jutrzejszą wizytę", "cancel_appointment")]
    [InlineData("co z moją sprawą KT.5410.7.2026", "case_status")]
    [InlineData("chcę porozmawiać z człowiekiem", "human_handoff")]
    [InlineData("do której jesteście otwarci w piątek", "office_hours")]
    [InlineData("chcę złożyć skargę na urzędnika", "complaint")]
    [InlineData("dzień dobry", "greeting")]
    [InlineData("dziękuję bardzo", "thanks")]
    [InlineData("do widzenia", "goodbye")]
    [InlineData("co umiesz robić", "help")]
    [InlineData("jaka będzie jutro pogoda", "out_of_scope")]
    [InlineData("where do I register a car from Germany", "find_service")]
    [InlineData("book me an appointment for Thursday", "book_appointment")]
    [InlineData("please cancel my visit tomorrow", "cancel_appointment")]
    [InlineData("what is happening with my case KT.5410.7.2026", "case_status")]
    [InlineData("I want to talk to a human", "human_handoff")]
    [InlineData("when are you open on Friday", "office_hours")]
    [InlineData("I want to complain about an official", "complaint")]
    [InlineData("good morning", "greeting")]
    [InlineData("thank you very much", "thanks")]
    [InlineData("goodbye", "goodbye")]
    [InlineData("what can you do", "help")]
    [InlineData("what's the weather tomorrow", "out_of_scope")]
    [InlineData("де зареєструвати машину з Німеччини", "find_service")]
    [InlineData("запишіть мене на четвер", "book_appointment")]
    [InlineData("скасуйте мій візит", "cancel_appointment")]
    [InlineData("що з моєю справою KT.5410.7.2026", "case_status")]
    [InlineData("хочу поговорити з людиною", "human_handoff")]
    [InlineData("до котрої ви працюєте в п'ятницю", "office_hours")]
    [InlineData("хочу подати скаргу на чиновника", "complaint")]
    [InlineData("добрий день", "greeting")]
    [InlineData("дуже дякую", "thanks")]
    [InlineData("до побачення", "goodbye")]
    [InlineData("що ти вмієш", "help")]
    [InlineData("яка погода завтра", "out_of_scope")]
    [InlineData("где зарегистрировать машину из Германии", "find_service")]
    [InlineData("запишите меня на четверг", "book_appointment")]
    [InlineData("отмените мой визит", "cancel_appointment")]
    [InlineData("что с моим делом KT.5410.7.2026", "case_status")]
    [InlineData("хочу поговорить с человеком", "human_handoff")]
    [InlineData("до скольки вы работаете в пятницу", "office_hours")]
    [InlineData("хочу подать жалобу на чиновника", "complaint")]
    [InlineData("добрый день", "greeting")]
    [InlineData("большое спасибо", "thanks")]
    [InlineData("до свидания", "goodbye")]
    [InlineData("что ты умеешь", "help")]
    [InlineData("какая погода завтра", "out_of_scope")]
    public void Each_intent_is_recognised_in_each_language(string message, string expected) =>
        Assert.Equal(expected, intents.Model.Predict(message).Intent);

    [Fact]
    public void Held_out_accuracy_stays_near_its_measured_level_in_every_language()
    {
        // The targets are 95 % (pl) and 90 % (others); BENCHMARKS.md has the measured figures.
        // The gate sits a little lower so that a regression fails without every data edit doing so.
        foreach (var (language, floor) in new[] { (Language.Pl, 0.93), (Language.En, 0.88), (Language.Uk, 0.87), (Language.Ru, 0.88) })
        {
            var examples = intents.HeldOut.Where(e => e.Language == language).ToList();
            var accuracy = examples.Count(e => intents.Model.Predict(e.Text).Intent == e.Intent) / (double)examples.Count;
            Assert.True(accuracy >= floor, $"{language}: held-out accuracy {accuracy:P1} is below {floor:P0}");
        }
    }

    [Fact]
    public void Confidences_are_probabilities_and_alternatives_are_ranked()
    {
        var prediction = intents.Model.Predict("chcę się umówić na wizytę");
        Assert.InRange(prediction.Confidence, 0f, 1f);
        Assert.Equal(2, prediction.Alternatives.Count);
        Assert.True(prediction.Confidence >= prediction.Alternatives[0].Confidence);
        Assert.True(prediction.Alternatives[0].Confidence >= prediction.Alternatives[1].Confidence);
    }

    [Fact]
    public void Gibberish_is_either_out_of_scope_or_not_confident()
    {
        var prediction = intents.Model.Predict("qwe rty uio");
        Assert.True(prediction.Intent == IntentNames.OutOfScope || !prediction.IsConfident, $"{prediction.Intent} {prediction.Confidence:F2}");
    }

    [Fact]
    public void Training_is_reproducible()
    {
        var again = IntentModel.Train(intents.Training);
        foreach (var example in intents.HeldOut.Take(40))
        {
            Assert.Equal(intents.Model.Predict(example.Text), again.Predict(example.Text), PredictionComparer.Instance);
        }
    }

    [Fact]
    public void The_model_predicts_safely_from_many_threads()
    {
        var messages = intents.HeldOut.Select(e => e.Text).ToList();
        var expected = messages.Select(m => intents.Model.Predict(m).Intent).ToList();
        var results = new string[messages.Count];
        Parallel.For(0, messages.Count * 4, new ParallelOptions { MaxDegreeOfParallelism = 8 }, i =>
            results[i % messages.Count] = intents.Model.Predict(messages[i % messages.Count]).Intent);
        Assert.Equal(expected, results);
    }

    [Fact]
    public void A_saved_model_loads_and_predicts_the_same()
    {
        var path = Path.Combine(Path.GetTempPath(), $"intents-{Guid.NewGuid():N}.zip");
        try
        {
            intents.Model.Save(path);
            var loaded = IntentModel.Load(path);
            Assert.Equal(intents.Model.Predict("odwołaj moją wizytę"), loaded.Predict("odwołaj moją wizytę"), PredictionComparer.Instance);
        }
        finally
        {
            File.Delete(path);
        }
    }

    private sealed class PredictionComparer : IEqualityComparer<IntentPrediction>
    {
        public static readonly PredictionComparer Instance = new();

        public bool Equals(IntentPrediction? x, IntentPrediction? y) =>
            x is not null && y is not null && x.Intent == y.Intent && Math.Abs(x.Confidence - y.Confidence) < 1e-6;

        public int GetHashCode(IntentPrediction obj) => obj.Intent.GetHashCode(StringComparison.Ordinal);
    }
}
