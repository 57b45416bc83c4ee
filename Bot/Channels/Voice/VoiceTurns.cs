using System.Globalization;
using System.Text.RegularExpressions;
using Asystent.Bot.Channels.Activities;
using Asystent.Bot.Conversation;
using Asystent.KnowledgeBase.Languages;
using Asystent.KnowledgeBase.Search;

namespace Asystent.Bot.Channels.Voice;

/// <summary>
/// The phone line's adapter to the turn pipeline: what the caller says (or presses) after "where do I
/// go" is a message of the call's conversation, answered by the same assistant as every other
/// channel (follow-ups, several matters, choices, small talk, callbacks), then rendered for the ear.
/// A card is read as a card (with the SMS, another question and a person on keys); a follow-up about
/// it is read out; an unsure recognition of a new matter is confirmed by key; a goodbye ends the call;
/// anything else is read out and the line listens again.
/// </summary>
internal static partial class VoiceTurns
{
    public const string Channel = "voice";

    private const int MaxSpokenLength = 900;

    private static readonly HashSet<string> CardKinds = [TurnKinds.Card, TurnKinds.OtherOffice];

    public static async Task<TwiML> AnswerAsync(VoiceCall call, TurnRunner turns, CardSearchService search, string said, bool sure, string callSid, CancellationToken cancellationToken)
    {
        var language = call.Language;
        if (string.IsNullOrWhiteSpace(said))
        {
            return call.AskQuestion(VoicePhrases.Get("not_understood", language));
        }

        var incoming = new Activity
        {
            Type = ActivityTypes.Message,
            Id = Guid.NewGuid().ToString("N"),
            Text = said,
            Locale = language.Code(),
            ChannelId = Channel,
            From = new ChannelAccount { Id = callSid, Role = "user" },
            Recipient = new ChannelAccount { Id = "asystent", Role = "bot" },
            Timestamp = DateTimeOffset.UtcNow,
        };
        var key = $"{Channel}:{(callSid.Length is > 0 and <= 64 ? callSid : Guid.NewGuid().ToString("N"))}";
        var turn = await turns.RunTurnAsync(key, incoming, _ => Task.CompletedTask, cancellationToken);
        return Render(call, turn, search, sure);
    }

    private static TwiML Render(VoiceCall call, Turn turn, CardSearchService search, bool sure)
    {
        var notes = turn.Notes;
        var card = notes.CardId is { } id ? search.Catalogue.Find(id) : null;
        if (card is not null && notes.Kind is { } kind && CardKinds.Contains(kind))
        {
            return sure ? call.Answer(card) : call.Confirm(card);
        }

        var spoken = ForTheEar(string.Join(" ", turn.Replies.Select(r => r.Text).OfType<string>()));
        return notes.Kind switch
        {
            TurnKinds.Goodbye => call.SayAndHangUp(spoken),
            TurnKinds.HandoffOffer => call.Person(card ?? (turn.State.CardId is { } discussed ? search.Catalogue.Find(discussed) : null)),
            _ when card is not null => call.AnswerAbout(card, spoken),
            _ when spoken.Length == 0 => call.AskQuestion(VoicePhrases.Get("not_understood", call.Language)),
            _ => call.Listen(spoken),
        };
    }

    /// <summary>Written answers for the ear: no markdown, links, boxes or line lists; numbered options read as sentences.</summary>
    public static string ForTheEar(string text)
    {
        var plain = Link().Replace(text, "");
        plain = plain.Replace("**", "", StringComparison.Ordinal).Replace(CardAnswer.ChecklistItem, "", StringComparison.Ordinal).Replace("☐", "", StringComparison.Ordinal).Replace("–", " - ", StringComparison.Ordinal);
        plain = LineBreaks().Replace(plain, m => m.Value.Contains('\n', StringComparison.Ordinal) ? ". " : " ");
        plain = Repeated().Replace(plain, "$1 ").Trim();
        return plain.Length <= MaxSpokenLength ? plain : plain[..plain.LastIndexOf(' ', MaxSpokenLength)] + " …";
    }

    [GeneratedRegex(@"https?://\S+|www\.\S+")]
    private static partial Regex Link();

    [GeneratedRegex(@"\s*\n[\s\-]*|\s{2,}")]
    private static partial Regex LineBreaks();

    [GeneratedRegex(@"([.:!?])\s*\.\s*")]
    private static partial Regex Repeated();
}
