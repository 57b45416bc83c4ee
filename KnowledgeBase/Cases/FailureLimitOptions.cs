namespace Asystent.KnowledgeBase.Cases;

/// <summary>
/// How many wrong codes (case status, visit look-up, cancel and move) and wrong staff passwords are
/// tolerated in the window before the next attempt is refused. Section "FailureLimits"; the defaults
/// are the documented ones (docs/privacy.md).
/// </summary>
public sealed class FailureLimitOptions
{
    public const string SectionName = "FailureLimits";

    /// <summary>Per conversation, per case number, per visit code: a person mistypes a few times, a guesser many.</summary>
    public int PerKey { get; set; } = 5;

    /// <summary>
    /// Per address (client IP, caller number, Messenger PSID), shared by chat, phone and API: higher
    /// than per key because an office network or a mobile operator puts many people behind one address.
    /// </summary>
    public int PerAddress { get; set; } = 20;

    /// <summary>Wrong staff sign-ins per address before that address must wait (before any account is locked).</summary>
    public int SignInPerAddress { get; set; } = 5;

    /// <summary>Wrong passwords for one account, from any addresses, before the account is locked.</summary>
    public int SignInPerAccount { get; set; } = 20;

    public int WindowMinutes { get; set; } = 15;
}
