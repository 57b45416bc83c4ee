namespace Asystent.KnowledgeBase.Analytics;

/// <summary>The kinds of things the office counts.</summary>
public static class AnalyticsKinds
{
    /// <summary>A conversation's first message: conversations are counted by these, not by distinct ids.</summary>
    public const string Conversation = "conversation";

    /// <summary>A resident's message and how it was answered (a card, a gap, a conversational reply).</summary>
    public const string Message = "message";
    public const string Handoff = "handoff";
    public const string Callback = "callback";
    public const string Booking = "booking";
    public const string Cancellation = "cancellation";
    public const string Rating = "rating";

    /// <summary>A comment added to a rating (the rating in its value).</summary>
    public const string Comment = "comment";
}

/// <summary>How a message was answered.</summary>
public static class MessageOutcomes
{
    /// <summary>With a service card.</summary>
    public const string Answered = "answered";

    /// <summary>Not understood or out of scope: a gap in the knowledge base.</summary>
    public const string Gap = "gap";

    /// <summary>
    /// Cards offered to choose from (the assistant was not sure which one answers): the question is
    /// kept, masked, for the gap list at /admin/gaps, with the first card offered.
    /// </summary>
    public const string Unsure = "unsure";

    /// <summary>Greeting, thanks, a dialogue step: nothing to count for or against the cards.</summary>
    public const string Other = "other";
}

/// <summary>
/// One countable event, written when it happens, so the figures for any period are a count over one
/// indexed table: a message and its outcome, a handoff, a callback request, a booking or
/// cancellation, a rating. Texts (questions, comments) are masked before they are stored: a message's
/// question is kept when it found no card, when cards were offered to choose from, and when a card
/// answered it (so a low rating of the conversation can bring it to /admin/gaps).
/// </summary>
public sealed class AnalyticsEventRecord
{
    public long Id { get; set; }
    public required string Kind { get; set; }
    public required DateTime At { get; set; }

    /// <summary>The office-local day, for periods and daily series.</summary>
    public required DateOnly Day { get; set; }
    public required string Channel { get; set; }
    public required string Language { get; set; }
    public string? ConversationId { get; set; }
    public string? CardId { get; set; }
    public string? Outcome { get; set; }
    public int? Value { get; set; }
    public string? Text { get; set; }
}

/// <summary>
/// The events counted per office day, channel, language, kind, outcome and card, kept by a
/// database trigger on every insert into
/// <c>analytics_events</c>: a report over any period sums a few thousand of these rows, however
/// many messages were stored.
/// </summary>
public sealed class AnalyticsDailyRecord
{
    public required DateOnly Day { get; set; }
    public required string Kind { get; set; }
    public required string Channel { get; set; }
    public required string Language { get; set; }
    public required string Outcome { get; set; }
    public required string Key { get; set; }
    public int Count { get; set; }

    /// <summary>The sum of the events' values (ratings), for averages.</summary>
    public long ValueSum { get; set; }
}
