using Asystent.KnowledgeBase.Analytics;
using Asystent.KnowledgeBase.Languages;
using Asystent.KnowledgeBase.Privacy;
using Asystent.KnowledgeBase.Search;
using Asystent.KnowledgeBase.Storage;
using Microsoft.EntityFrameworkCore;

namespace Asystent.KnowledgeBase.Gaps;

/// <summary>Why a question is on the gap list.</summary>
public static class GapReasons
{
    /// <summary>No card answered it.</summary>
    public const string NoCard = "no_card";

    /// <summary>The assistant offered cards to choose from: it was not sure which one answers.</summary>
    public const string Unsure = "unsure";

    /// <summary>A card answered it, and the person rated the conversation low.</summary>
    public const string LowRating = "low_rating";
}

/// <summary>One question as asked (masked), how often, and why it is listed.</summary>
public sealed record GapQuestion(string Text, int Count, IReadOnlyList<string> Reasons, string? CardId);

/// <summary>
/// Questions that mean the same, in one language: the unit staff decide about. <see cref="Key"/> names
/// the group in forms (a hash of its language and most asked question, so it stays while the list
/// is open); <see cref="SuggestedCard"/> is the card the assistant or the search leaned to, if any.
/// </summary>
public sealed record GapGroup(string Key, string Language, int Count, IReadOnlyList<GapQuestion> Questions, IReadOnlyList<string> Reasons, string? SuggestedCard);

/// <summary>
/// The questions without a good answer in a period, grouped by meaning, for /admin/gaps: those no
/// card answered, those the assistant was not sure of (it offered cards to choose from), and those
/// of conversations rated <see cref="LowRating"/> or lower, less the questions staff already decided
/// about. The texts were masked when recorded and are masked again here, so a masking rule added
/// since also covers older records.
/// </summary>
public sealed class GapList(AssistantDbContext db, CardSearchService search)
{
    /// <summary>Ratings are 1 to 5; 1 and 2 are the unhappy ones.</summary>
    public const int LowRating = 2;

    /// <summary>The most asked distinct questions considered: grouping compares each with each.</summary>
    public const int MaxQuestions = 1000;

    public async Task<IReadOnlyList<GapGroup>> ListAsync(DateOnly from, DateOnly to, CancellationToken cancellationToken)
    {
        var messages = db.AnalyticsEvents.AsNoTracking().Where(e => e.Kind == AnalyticsKinds.Message && e.Day >= from && e.Day <= to && e.Text != null);
        var gaps = await messages.Where(e => e.Outcome == MessageOutcomes.Gap || e.Outcome == MessageOutcomes.Unsure)
            .GroupBy(e => new { e.Text, e.Language, e.Outcome, e.CardId })
            .Select(g => new Asked(g.Key.Text!, g.Key.Language, g.Key.Outcome == MessageOutcomes.Gap ? GapReasons.NoCard : GapReasons.Unsure, g.Key.CardId, g.Count()))
            .ToListAsync(cancellationToken);
        var unhappy = db.AnalyticsEvents.Where(e => e.Kind == AnalyticsKinds.Rating && e.Value <= LowRating && e.Day >= from && e.Day <= to && e.ConversationId != null)
            .Select(e => e.ConversationId);
        var rated = await messages.Where(e => e.Outcome == MessageOutcomes.Answered && unhappy.Contains(e.ConversationId))
            .GroupBy(e => new { e.Text, e.Language, e.CardId })
            .Select(g => new Asked(g.Key.Text!, g.Key.Language, GapReasons.LowRating, g.Key.CardId, g.Count()))
            .ToListAsync(cancellationToken);

        var decided = (await db.GapDecisions.AsNoTracking().Select(d => new { d.Language, d.Text }).ToListAsync(cancellationToken))
            .Select(d => (d.Language, d.Text)).ToHashSet();
        var questions = gaps.Concat(rated)
            .Select(a => a with { Text = PersonalDataMasker.Mask(a.Text) })
            .Where(a => !decided.Contains((a.Language, a.Text)))
            .GroupBy(a => (a.Language, a.Text))
            .Select(g => new Pending(g.Key.Language, g.Key.Text, g.Sum(a => a.Count),
                g.Select(a => a.Reason).Distinct().Order(StringComparer.Ordinal).ToList(),
                g.Where(a => a.CardId is not null).OrderByDescending(a => a.Count).Select(a => a.CardId).FirstOrDefault()))
            .OrderByDescending(q => q.Count).ThenBy(q => q.Text, StringComparer.Ordinal)
            .Take(MaxQuestions)
            .ToList();
        return GapGrouping.Group(questions.Select(Analysed).ToList());
    }

    /// <summary>The question with the search's view of it: its analysed terms and the card the search puts first.</summary>
    private GapGrouping.Item Analysed(Pending question)
    {
        var text = question.Text;
        var terms = (IReadOnlySet<string>)new HashSet<string>(StringComparer.Ordinal);
        var card = question.CardId;
        if (search.IsReady && Languages.Languages.TryParse(question.Language, out var language))
        {
            terms = search.Terms(text, language);
            card ??= search.Search(new SearchRequest(text, language, Top: 1)).Results is [var top, ..] ? top.Id : null;
        }

        return new GapGrouping.Item(new GapQuestion(text, question.Count, question.Reasons, question.CardId), question.Language, terms, card);
    }

    private sealed record Asked(string Text, string Language, string Reason, string? CardId, int Count);

    private sealed record Pending(string Language, string Text, int Count, IReadOnlyList<string> Reasons, string? CardId);
}
