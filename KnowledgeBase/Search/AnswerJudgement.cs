namespace Asystent.KnowledgeBase.Search;

/// <summary>
/// The assistant's judgement whether its first card answers the question, or whether it found a card
/// only because some word happened to appear in it ("jaka jutro pogoda", "przepis na sernik").
/// A card answers when the card classifier is sure of it, or when it holds enough of the question's
/// meaningful words and scores well enough. The thresholds are calibrated on the development part
/// of the real questions, cross-validated (BENCHMARKS.md, "Knowing when there is no answer"); the
/// held-out part is never used for that.
/// </summary>
public static class AnswerJudgement
{
    /// <summary>The least share of the question's meaningful words the card must hold.</summary>
    public const double MinCoverage = 0.2;

    /// <summary>The least score of the first card, below which a single shared word is chance.</summary>
    public const float MinScore = 5.0f;

    /// <summary>A classifier probability at which the card answers whatever the words' coverage.</summary>
    public const float SureProbability = 0.1f;

    /// <summary>A probability of "no card" above which the message is small talk or outside every office's matters.</summary>
    public const float MaxNoCardProbability = 0.65f;

    public static bool Answers(float score, double coverage, int contentWords, float? probability = null, float? noCard = null) =>
        contentWords > 0
        && !(noCard > MaxNoCardProbability)
        && (probability >= SureProbability || (coverage >= MinCoverage && score >= MinScore));
}
