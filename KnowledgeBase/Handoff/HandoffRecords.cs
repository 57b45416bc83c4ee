namespace Asystent.KnowledgeBase.Handoff;

/// <summary>Where a conversation handed to a person stands.</summary>
public static class HandoffStates
{
    /// <summary>In the unit's queue, waiting for a clerk.</summary>
    public const string Waiting = "waiting";

    /// <summary>A clerk took it over; the assistant is silent until it is handed back.</summary>
    public const string Active = "active";

    /// <summary>The clerk handed it back to the assistant or closed it.</summary>
    public const string Completed = "completed";

    /// <summary>The resident left the queue before a clerk came.</summary>
    public const string Left = "left";
}

/// <summary>
/// A conversation handed to a person: which conversation and channel, the unit whose queue it joined
/// (from the service under discussion, else the information desk), the card and language, and who
/// took it over when.
/// </summary>
public sealed class HandoffRecord
{
    public long Id { get; set; }
    public required string ConversationId { get; set; }
    public required string Channel { get; set; }
    public required string Unit { get; set; }
    public string? CardId { get; set; }
    public required string Language { get; set; }

    /// <summary>Why: request, complaint, misunderstood.</summary>
    public required string Reason { get; set; }
    public required string State { get; set; }
    public required DateTimeOffset RequestedAt { get; set; }
    public DateTimeOffset? AcceptedAt { get; set; }
    public string? AcceptedBy { get; set; }
    public DateTimeOffset? EndedAt { get; set; }
}

/// <summary>
/// A request to be called (or written) back when nobody could answer at once: the contact the person
/// gave for this purpose, when they would like it, and about what. Clerks of the unit mark it done.
/// </summary>
public sealed class CallbackRequestRecord
{
    public long Id { get; set; }
    public required string Unit { get; set; }

    /// <summary>A phone number in E.164 form, or an e-mail address.</summary>
    public required string Contact { get; set; }
    public required string PreferredTime { get; set; }
    public required string Topic { get; set; }
    public required string Language { get; set; }
    public required string Channel { get; set; }
    public string? ConversationId { get; set; }
    public required DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? DoneAt { get; set; }
    public string? DoneBy { get; set; }
}
