namespace Asystent.Bot.Conversation.Cases;

/// <summary>
/// Where a case-status conversation stands: waiting for the number, for the code, or shown (verified,
/// so "let me know when it is ready" may follow), or waiting for the contact to notify.
/// </summary>
public sealed record CaseDialog(string Step, string? Number = null, int Retries = 0);

internal static class CaseSteps
{
    public const string Number = "number";
    public const string Code = "code";
    public const string Shown = "shown";
    public const string Contact = "contact";
}
