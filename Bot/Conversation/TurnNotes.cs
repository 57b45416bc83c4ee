namespace Asystent.Bot.Conversation;

/// <summary>
/// What a turn did, in words the office's figures and the conversation tests share: the kind of
/// reply (<see cref="TurnKinds"/>), the card it answered from, the cards it offered, any side notes
/// (a PESEL typed without need) and, for a question with no answer, the question as a gap.
/// </summary>
public sealed class TurnNotes
{
    private readonly List<string> extra = [];

    public string? Kind { get; private set; }

    /// <summary>The card the reply answers from (a card, a follow-up about it, a redirect).</summary>
    public string? CardId { get; private set; }

    /// <summary>Cards offered to choose from, or answered together.</summary>
    public IReadOnlyList<string> Cards { get; private set; } = [];

    public IReadOnlyList<string> Extra => extra;

    /// <summary>The question that found no card (a gap in the knowledge base).</summary>
    public string? Gap { get; private set; }

    public void Note(string kind) => Kind ??= kind;

    /// <summary>A note beside the main kind (e.g. <see cref="TurnKinds.PersonalData"/>).</summary>
    public void Add(string note) => extra.Add(note);

    public void Answered(string cardId, string kind)
    {
        (CardId, Kind, Gap) = (cardId, kind, null);
    }

    public void Offered(IReadOnlyList<string> cards, string kind)
    {
        (Cards, Kind) = (cards, kind);
    }

    public void NoAnswer(string question, string kind = TurnKinds.NoAnswer)
    {
        (CardId, Gap, Kind) = (null, question, kind);
    }
}

/// <summary>The kinds of reply a turn gives.</summary>
public static class TurnKinds
{
    public const string Card = "card";
    public const string OtherOffice = "other_office";
    public const string Choices = "choices";
    public const string Clarify = "clarify";
    public const string Matters = "matters";
    public const string NoAnswer = "no_answer";
    public const string NotUnderstood = "not_understood";
    public const string Greeting = "greeting";
    public const string Goodbye = "goodbye";
    public const string Thanks = "thanks";
    public const string Help = "help";
    public const string Robot = "robot";
    public const string Rudeness = "rudeness";
    public const string Complaint = "complaint";
    public const string PersonalData = "personal_data";
    public const string HandoffOffer = "handoff_offer";
    public const string Language = "language";
    public const string Welcome = "welcome";
}
