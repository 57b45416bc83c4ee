namespace Asystent.Bot.Clerk;

/// <summary>A conversation in a queue or with a clerk, as the console lists it.</summary>
public sealed record QueueItem(long Id, string Unit, string Channel, string Language, string? Card, string Reason, DateTimeOffset RequestedAt, string State, string? AcceptedBy);

/// <summary>A callback request as the console lists it (the contact in full: the clerk needs it to call back).</summary>
public sealed record CallbackItem(long Id, string Unit, string Contact, string PreferredTime, string Topic, string Language, DateTimeOffset CreatedAt);

/// <summary>What one clerk's console shows: the queues of their units, the conversations they took, open callbacks.</summary>
public sealed record ClerkSnapshot(string UserName, IReadOnlyList<string> Units, IReadOnlyList<QueueItem> Waiting, IReadOnlyList<QueueItem> Mine, IReadOnlyList<CallbackItem> Callbacks);

/// <summary>One line of a transcript for the clerk: who (resident, assistant, clerk), what (personal data masked), when.</summary>
public sealed record TranscriptLine(string From, string Text, DateTimeOffset At);

/// <summary>A ready answer from the card under discussion, in the resident's language.</summary>
public sealed record CannedAnswer(string Label, string Text);

/// <summary>An opened conversation: what it is about, what was said, and ready answers.</summary>
public sealed record HandoffView(QueueItem Item, string? CardTitle, IReadOnlyList<TranscriptLine> Transcript, IReadOnlyList<CannedAnswer> Canned);
