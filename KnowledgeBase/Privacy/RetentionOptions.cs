namespace Asystent.KnowledgeBase.Privacy;

/// <summary>
/// How long personal data is kept (section "Retention", days; 0 keeps that kind for ever). The
/// defaults are documented in docs/privacy.md and follow what each record is for: a transcript serves
/// staff for a quarter, a visit's contact details only until shortly after the visit.
/// </summary>
public sealed class RetentionOptions
{
    public const string SectionName = "Retention";

    /// <summary>Conversations with their transcripts, counted from the last activity.</summary>
    public int TranscriptDays { get; set; } = 90;

    /// <summary>A conversation's dialogue state (it may hold a name or a phone mid-booking), counted from the last activity.</summary>
    public int DialogueStateDays { get; set; } = 7;

    /// <summary>Search records (masked questions) for the gaps list.</summary>
    public int SearchRecordDays { get; set; } = 180;

    /// <summary>Callback requests, counted from when they were made.</summary>
    public int CallbackRequestDays { get; set; } = 90;

    /// <summary>The name, phone and e-mail of a visit, counted from its start; the visit itself stays for the figures.</summary>
    public int PastVisitDays { get; set; } = 30;

    /// <summary>Notifications (SMS and e-mail with their recipient) that were sent or gave up, counted from when they were due.</summary>
    public int NotificationDays { get; set; } = 30;

    /// <summary>Requests to be told when a case is ready: after the message went, or after this long without one.</summary>
    public int CaseWatchDays { get; set; } = 365;

    /// <summary>Analytics events (masked question texts, comments); the daily figures stay.</summary>
    public int AnalyticsEventDays { get; set; } = 365;

    /// <summary>How often the background worker sweeps.</summary>
    public int SweepMinutes { get; set; } = 60;
}
