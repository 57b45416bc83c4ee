namespace Asystent.KnowledgeBase.Search;

/// <summary>
/// The assistant's judgement whether its first card answers the question, or whether it found a card
/// only because some word happened to appear in it ("jaka jutro pogoda", "przepis na sernik").
/// A card answers when it holds enough of the question's meaningful words and scores well enough.
/// The thresholds are calibrated on the development part of the real questions (see BENCHMARKS.md,
/// "Knowing when there is no answer"); the held-out part is never used for that.
/// </summary>
public static class AnswerJudgement
{
    /// <summary>The least share of the question's meaningful words the card must hold.</summary>
    public const double MinCoverage = 0.5;

    /// <summary>The least BM25 score of the first card, below which a single shared word is chance.</summary>
    public const float MinScore = 3.0f;

    public static bool Answers(float score, double coverage, int contentWords) =>
        contentWords > 0 && coverage >= MinCoverage && score >= MinScore;
}
