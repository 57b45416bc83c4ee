using System.Threading.Channels;
using Asystent.KnowledgeBase;
using Asystent.KnowledgeBase.Analytics;
using Asystent.KnowledgeBase.Privacy;
using Asystent.KnowledgeBase.Storage;

namespace Asystent.Bot.Analytics;

/// <summary>
/// Records what the office counts (<see cref="AnalyticsEventRecord"/>): turns only enqueue, a
/// background writer stores in batches, and under a flood the newest events are dropped rather than
/// slowing anyone down. A message turn is recorded when it ends, from its notes: whether it answered
/// with a card or found nothing.
/// </summary>
public sealed class AnalyticsLog(KnowledgeBaseOptions options, TimeProvider clock)
{
    private const int MaxTextLength = 200;

    private readonly Channel<AnalyticsEventRecord> queue = Channel.CreateBounded<AnalyticsEventRecord>(
        new BoundedChannelOptions(20_000) { FullMode = BoundedChannelFullMode.DropWrite, SingleReader = true });

    private readonly TimeZoneInfo zone = TimeZoneInfo.FindSystemTimeZoneById(options.TimeZone);

    internal ChannelReader<AnalyticsEventRecord> Reader => queue.Reader;

    /// <summary>
    /// Records a message turn with what it was answered with: a card, cards to choose from (unsure), a
    /// gap in the knowledge base, or something else. The question is kept, masked, for the first three:
    /// /admin/gaps lists gaps, unsure answers and the questions of conversations rated low.
    /// </summary>
    public void RecordMessage(string conversationId, string channel, string language, Conversation.TurnNotes notes, string question)
    {
        var (outcome, cardId, text) = notes.CardId is not null
                ? (MessageOutcomes.Answered, notes.CardId, notes.Kind is Conversation.TurnKinds.Card or Conversation.TurnKinds.OtherOffice ? GapText(question) : null)
            : notes.Gap is { } gap ? (MessageOutcomes.Gap, null, GapText(gap))
            : notes.Kind is Conversation.TurnKinds.Choices or Conversation.TurnKinds.Clarify && notes.Cards.Count > 0 ? (MessageOutcomes.Unsure, notes.Cards[0], GapText(question))
            : (MessageOutcomes.Other, (string?)null, (string?)null);
        Write(AnalyticsKinds.Message, channel, language, conversationId, cardId, outcome, null, text is { Length: > 0 } ? text : null);
    }

    public void Record(string kind, string channel, string language, string? conversationId = null, string? cardId = null, int? value = null, string? text = null) =>
        Write(kind, channel, language, conversationId, cardId, null, value, text is null ? null : Shorten(PersonalDataMasker.Mask(text.Trim())));

    private void Write(string kind, string channel, string language, string? conversationId, string? cardId, string? outcome, int? value, string? text)
    {
        var now = clock.GetUtcNow();
        queue.Writer.TryWrite(new AnalyticsEventRecord
        {
            Kind = kind, At = now.UtcDateTime, Day = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, zone).DateTime),
            Channel = channel, Language = language, ConversationId = conversationId, CardId = cardId, Outcome = outcome, Value = value, Text = text,
        });
    }

    // Gaps are grouped by their text: the same question typed with other capitals or spaces is one gap.
    private static string GapText(string question) =>
        Shorten(string.Join(' ', PersonalDataMasker.Mask(question).ToLowerInvariant().Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)).TrimEnd('?', '!', '.', ' '));

    private static string Shorten(string text) => text.Length <= MaxTextLength ? text : text[..MaxTextLength];
}

internal sealed class AnalyticsLogWriter(AnalyticsLog log, IServiceScopeFactory scopes, Hosting.StorageThread storage, ILogger<AnalyticsLogWriter> logger)
    : Hosting.BatchWriter<AnalyticsEventRecord>(log.Reader, scopes, storage, logger, 1000)
{
    protected override string Table => "analytics_events";

    protected override IReadOnlyList<Column> Columns { get; } =
    [
        new("Kind", e => e.Kind),
        new("At", e => e.At),
        new("Day", e => e.Day),
        new("Channel", e => e.Channel),
        new("Language", e => e.Language),
        new("ConversationId", e => e.ConversationId),
        new("CardId", e => e.CardId),
        new("Outcome", e => e.Outcome),
        new("Value", e => e.Value),
        new("Text", e => e.Text),
    ];
}
