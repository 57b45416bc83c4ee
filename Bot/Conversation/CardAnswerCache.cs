using System.Collections.Concurrent;
using Asystent.Bot.Channels.Activities;
using Asystent.KnowledgeBase.Languages;
using Asystent.KnowledgeBase.ServiceCards;

namespace Asystent.Bot.Conversation;

/// <summary>
/// A card's answer depends only on the card, the language, the channel's kind and today's hours, so
/// it is written once per catalogue and office day and then reused: rendering the text and the
/// Adaptive Card was a good part of a turn's cost under load. Nothing here is changed after it is
/// made (replies get their own Activity around the shared text and attachment).
/// </summary>
internal sealed class CardAnswerCache
{
    private CacheDay current = new(null, default);

    public (string Text, Attachment? Card) Get(ServiceCard card, CardCatalogue catalogue, Language language, DateTimeOffset officeNow, bool rich)
    {
        var day = DateOnly.FromDateTime(officeNow.DateTime);
        var entries = Volatile.Read(ref current);
        if (!ReferenceEquals(entries.Catalogue, catalogue) || entries.Day != day)
        {
            // A new index generation or a new day: start afresh (the old answers name yesterday's hours).
            entries = new CacheDay(catalogue, day);
            Volatile.Write(ref current, entries);
        }

        return entries.Answers.GetOrAdd((card.Id, language, rich), _ => rich && card.Redirect is null
            ? (CardAnswer.Lead(card, catalogue, language, officeNow), AdaptiveCardAnswer.For(card, catalogue, language, officeNow))
            : (CardAnswer.Write(card, catalogue, language, officeNow), null));
    }

    private sealed record CacheDay(CardCatalogue? Catalogue, DateOnly Day)
    {
        public ConcurrentDictionary<(string Id, Language Language, bool Rich), (string, Attachment?)> Answers { get; } = new();
    }
}
