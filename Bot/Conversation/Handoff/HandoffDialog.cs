namespace Asystent.Bot.Conversation.Handoff;

/// <summary>The steps of handing a conversation to a person.</summary>
public static class HandoffSteps
{
    /// <summary>Asked whether the person agrees to be passed to a clerk.</summary>
    public const string Consent = "consent";

    /// <summary>In a unit's queue.</summary>
    public const string Waiting = "waiting";

    /// <summary>A clerk has the conversation; the assistant only passes messages on.</summary>
    public const string WithClerk = "with_clerk";

    public const string CallbackContact = "callback_contact";
    public const string CallbackTime = "callback_time";
    public const string CallbackTopic = "callback_topic";

    /// <summary>Contact, time and matter read back; saved only when the person confirms.</summary>
    public const string CallbackConfirm = "callback_confirm";
}

/// <summary>
/// A handoff under way: the step, why it began (request, complaint, misunderstood), the unit, the
/// queue entry, and for a callback request what the person has given so far.
/// </summary>
public sealed record HandoffDialog(
    string Step,
    string Reason,
    string Unit,
    long? HandoffId = null,
    string? Contact = null,
    string? PreferredTime = null,
    int Tries = 0,
    string? Topic = null);

/// <summary>Why a person was offered.</summary>
public static class HandoffReasons
{
    public const string Request = "request";
    public const string Complaint = "complaint";
    public const string Misunderstood = "misunderstood";
}
