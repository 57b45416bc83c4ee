namespace Asystent.Bot.Conversation;

/// <summary>What a dialogue under way did with a turn's message.</summary>
public enum DialogueOutcome
{
    /// <summary>The message was an answer: the dialogue replied and goes on (or finished).</summary>
    Handled,

    /// <summary>The message was not for the dialogue: it has ended, and the message is understood anew.</summary>
    Ended,

    /// <summary>A question in between ("ile to kosztuje?" while booking): it is answered, then the dialogue asks its question again.</summary>
    Interrupted,
}

/// <summary>
/// A dialogue that holds a conversation while it waits for answers (booking, case status, handoff,
/// survey). The assistant offers each message to the dialogues under way, in the order they were
/// registered, before understanding it as a new question; each dialogue decides itself whether the
/// message is its answer, a question in between, or a new subject.
/// </summary>
public interface IDialogue
{
    /// <summary>Whether this dialogue holds the conversation for this message.</summary>
    bool IsActive(Turn turn);

    Task<DialogueOutcome> ContinueAsync(Turn turn);

    /// <summary>Asks the dialogue's question again after a question in between was answered.</summary>
    void Resume(Turn turn)
    {
    }
}
