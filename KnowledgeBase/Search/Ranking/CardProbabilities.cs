using System.Collections.Frozen;

namespace Asystent.KnowledgeBase.Search.Ranking;

/// <summary>
/// The card classifier's probabilities for one question, in the model's label order. Kept as the
/// model's own array and looked up through a label index shared by every prediction: a dictionary
/// per search was a fifth of everything a search allocated.
/// </summary>
public sealed class CardProbabilities
{
    private readonly string[] labels;
    private readonly float[] scores;
    private readonly FrozenDictionary<string, int> positions;

    internal CardProbabilities(string[] labels, float[] scores, FrozenDictionary<string, int> positions)
    {
        this.labels = labels;
        this.scores = scores;
        this.positions = positions;
    }

    /// <summary>The probability that no card answers the question.</summary>
    public float NoCard => Of(CardClassifier.NoCard);

    /// <summary>The probability of <paramref name="label"/> (a card id, or <see cref="CardClassifier.NoCard"/>); 0 for a label the model does not know.</summary>
    public float Of(string label) => positions.TryGetValue(label, out var i) ? scores[i] : 0f;

    /// <summary>The <paramref name="count"/> most probable cards (never <see cref="CardClassifier.NoCard"/>), most probable first; equal ones in the model's order.</summary>
    public IReadOnlyList<string> MostProbableCards(int count)
    {
        var best = new List<int>(count + 1);
        for (var i = 0; i < scores.Length; i++)
        {
            if (labels[i] == CardClassifier.NoCard)
            {
                continue;
            }

            var at = best.Count;
            while (at > 0 && scores[best[at - 1]] < scores[i])
            {
                at--;
            }

            if (at < count)
            {
                best.Insert(at, i);
                if (best.Count > count)
                {
                    best.RemoveAt(count);
                }
            }
        }

        return best.ConvertAll(i => labels[i]);
    }
}
