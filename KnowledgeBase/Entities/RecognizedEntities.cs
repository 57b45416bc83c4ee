namespace Asystent.KnowledgeBase.Entities;

/// <summary>
/// What was recognised in a message, by the names of contracts.md (case_number, date, time, service,
/// unit, phone, email) plus time_after / time_before for "po 14" / "przed 12". PESEL numbers are
/// only flagged (<see cref="ContainsPesel"/>) so the message can be masked; the number is never kept.
/// </summary>
public sealed record RecognizedEntities(IReadOnlyDictionary<string, string> Values, bool ContainsPesel)
{
    public const string CaseNumber = "case_number";
    public const string Date = "date";
    public const string Time = "time";
    public const string TimeAfter = "time_after";
    public const string TimeBefore = "time_before";
    public const string Service = "service";
    public const string Unit = "unit";
    public const string Phone = "phone";
    public const string Email = "email";

    public string? this[string name] => Values.GetValueOrDefault(name);
}
