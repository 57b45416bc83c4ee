using Asystent.Bot.Channels.Activities;
using Asystent.KnowledgeBase.Languages;

namespace Asystent.Bot.Conversation;

/// <summary>
/// One turn of a conversation as the assistant handles it: the incoming activity, the conversation it
/// belongs to, the state carried between turns (changed as the turn goes), the replies said so far and
/// the notes on what the turn did (for the office's figures and for tests). Channels create a turn,
/// the assistant fills it, and the channel delivers its replies.
/// </summary>
public sealed class Turn(Activity incoming, string conversationKey, DialogState state, CancellationToken cancellationToken)
{
    // Channels whose clients render Adaptive Cards; the others get the same answer as plain text.
    private static readonly HashSet<string> RichChannels = new(["directline", "webchat", "emulator", "msteams"], StringComparer.OrdinalIgnoreCase);

    private readonly List<Activity> replies = [];

    public Activity Incoming { get; } = incoming;

    public string ConversationKey { get; } = conversationKey;

    public string Channel { get; } = incoming.ChannelId ?? ConversationStore.DefaultChannel;

    /// <summary>Whether the channel shows Adaptive Cards (else answers are plain text).</summary>
    public bool Rich => RichChannels.Contains(Channel);

    public CancellationToken CancellationToken { get; } = cancellationToken;

    /// <summary>Whether the language was chosen on the channel itself (a key pressed at the start of a phone call), so the text never switches it.</summary>
    public bool LanguageFixed => Channel == "voice";

    /// <summary>The message's text (or a button's value), trimmed; empty for other activities.</summary>
    public string Text { get; set; } = (incoming.Text ?? (incoming.Value is { ValueKind: System.Text.Json.JsonValueKind.String } v ? v.GetString() : null))?.Trim() ?? "";

    public DialogState State { get; set; } = state;

    public Language Language => State.Language;

    public TurnNotes Notes { get; } = new();

    public IReadOnlyList<Activity> Replies => replies;

    public void Send(IEnumerable<Activity> activities) => replies.AddRange(activities);

    /// <summary>Sends what a dialogue answered and takes the state it left.</summary>
    public void Send((IReadOnlyList<Activity> Replies, DialogState State) answer)
    {
        replies.AddRange(answer.Replies);
        State = answer.State;
    }

    public void Say(string text, SuggestedActions? actions = null) => replies.Add(Conversation.Replies.Message(text, Language, actions));
}
