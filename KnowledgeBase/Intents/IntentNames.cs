namespace Asystent.KnowledgeBase.Intents;

/// <summary>The intents of contracts.md, exactly as they appear on the wire and in the training files.</summary>
public static class IntentNames
{
    public const string FindService = "find_service";
    public const string BookAppointment = "book_appointment";
    public const string CancelAppointment = "cancel_appointment";
    public const string CaseStatus = "case_status";
    public const string HumanHandoff = "human_handoff";
    public const string OfficeHours = "office_hours";
    public const string Complaint = "complaint";
    public const string Greeting = "greeting";
    public const string Thanks = "thanks";
    public const string Goodbye = "goodbye";
    public const string Help = "help";
    public const string OutOfScope = "out_of_scope";

    public static readonly IReadOnlyList<string> All =
    [
        FindService, BookAppointment, CancelAppointment, CaseStatus, HumanHandoff, OfficeHours,
        Complaint, Greeting, Thanks, Goodbye, Help, OutOfScope,
    ];
}
