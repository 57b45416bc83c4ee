namespace Asystent.KnowledgeBase.Search;

/// <summary>
/// The assistant's judgement whether its first card answers the question, or whether it found a card
/// only because some word happened to appear in it ("jaka jutro pogoda", "przepis na sernik").
/// With the card classifier, three signals weigh together: how sure the classifier is of the first
/// card, how much it thinks no card answers, and how many of the question's words any card holds
/// (a question about laptops or a football match is mostly words no card has). Without the
/// classifier, a card answers when it holds enough of the question's meaningful words and scores
/// well enough. The weights and thresholds are calibrated on the development part of the real
/// questions, cross-validated (BENCHMARKS.md, "Real questions (issue 18)"); the held-out part is never used for that.
/// </summary>
public static class AnswerJudgement
{
    /// <summary>The least share of the question's meaningful words the card must hold (without the classifier).</summary>
    public const double MinCoverage = 0.2;

    /// <summary>The least score of the first card, below which a single shared word is chance (without the classifier).</summary>
    public const float MinScore = 5.0f;

    /// <summary>How much the probability that no card answers counts against the first card's (log) probability.</summary>
    public const double NoCardWeight = 2.0;

    /// <summary>How much the share of the question's words some card holds counts for it.</summary>
    public const double KnownWordsWeight = 4.0;

    /// <summary>The least evidence, ln(p + 0.001) − 2·no-card + 4·known share, at which the first card answers.</summary>
    public const double MinEvidence = -1.85;

    public static bool Answers(float score, double coverage, int contentWords, float? probability = null, float? noCard = null, int knownWords = 0) =>
        contentWords > 0
        && (probability is { } p && noCard is { } none
            ? Evidence(p, none, knownWords / (double)contentWords) >= MinEvidence
            : coverage >= MinCoverage && score >= MinScore);

    /// <summary>The least score of a first card that dominates (see <see cref="Dominates"/>).</summary>
    public const float DominantScore = 36f;

    /// <summary>The most the second card may score, as a share of the first, for the first to dominate.</summary>
    public const float DominantLead = 0.35f;

    /// <summary>The least share of the question's meaningful words a dominant first card holds.</summary>
    public const double DominantCoverage = 0.6;

    /// <summary>
    /// Whether the first card answers whatever the weighed evidence says: it holds most of the
    /// question's words, scores high and leaves every other card far behind, as when the question is
    /// in the card's own words (staff gave it to the card from the gap list) and the classifier, trained
    /// on many phrasings, has not learned the new one.
    /// </summary>
    public static bool Dominates(float first, float second, double coverage) =>
        first >= DominantScore && second < first * DominantLead && coverage >= DominantCoverage;

    /// <summary>The weighed evidence that the first card answers (see <see cref="MinEvidence"/>).</summary>
    public static double Evidence(float probability, float noCard, double knownShare) =>
        Math.Log(probability + 0.001) - NoCardWeight * noCard + KnownWordsWeight * Math.Min(1.0, knownShare);
}
