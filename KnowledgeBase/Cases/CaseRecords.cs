namespace Asystent.KnowledgeBase.Cases;

/// <summary>
/// A case as the office's systems reported it last: its reference number, unit, matter (a card id),
/// current status and the statutory deadline. The verification code is kept only as a salted hash.
/// </summary>
public sealed class CaseRecord
{
    public long Id { get; set; }

    /// <summary>The reference number in its normal form: "KT.5410.123.2026".</summary>
    public required string Number { get; set; }
    public required string Unit { get; set; }
    public required string Service { get; set; }
    public required string Status { get; set; }
    public required DateTimeOffset StatusDate { get; set; }
    public required DateOnly FiledDate { get; set; }

    /// <summary>One month from filing, two for complex matters (Code of Administrative Procedure, art. 35).</summary>
    public required DateOnly Deadline { get; set; }

    /// <summary>What the applicant must still bring, while the case waits for documents.</summary>
    public string? Missing { get; set; }
    public required string CodeHash { get; set; }
    public required string CodeSalt { get; set; }

    /// <summary>The code as typed on a phone keypad, hashed with the same salt (cases imported before it existed have none).</summary>
    public string? KeypadHash { get; set; }

    /// <summary>The last digits of the applicant's phone, when the office gave them (never the whole number).</summary>
    public string? PhoneLastDigits { get; set; }
    public required DateTimeOffset UpdatedAt { get; set; }
    public List<CaseEventRecord> History { get; set; } = [];
}

/// <summary>One reported status of a case; imports only ever add to this history.</summary>
public sealed class CaseEventRecord
{
    public long Id { get; set; }
    public long CaseId { get; set; }
    public required string Status { get; set; }
    public required DateTimeOffset StatusDate { get; set; }
    public string? Missing { get; set; }
    public required DateTimeOffset ImportedAt { get; set; }

    /// <summary>Where the record came from: "api", "file:cases.csv".</summary>
    public required string Source { get; set; }
}

/// <summary>
/// A person's request to be told when the case is ready for pickup, with the consent they gave
/// (when, through what). Notified once, then kept as the record of delivery.
/// </summary>
public sealed class CaseWatchRecord
{
    public long Id { get; set; }
    public long CaseId { get; set; }
    public string? Phone { get; set; }
    public string? Email { get; set; }
    public required string Language { get; set; }
    public required DateTimeOffset ConsentAt { get; set; }
    public required string ConsentVia { get; set; }
    public DateTimeOffset? NotifiedAt { get; set; }
}

/// <summary>The statuses a case goes through, as the import names them.</summary>
public static class CaseStatus
{
    public const string Received = "received";
    public const string InProgress = "in_progress";
    public const string WaitingForDocuments = "waiting_for_documents";
    public const string DecisionIssued = "decision_issued";
    public const string ReadyForPickup = "ready_for_pickup";
    public const string Closed = "closed";

    public static readonly IReadOnlyList<string> All = [Received, InProgress, WaitingForDocuments, DecisionIssued, ReadyForPickup, Closed];
}
