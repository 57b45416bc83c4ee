using System.Globalization;
using Asystent.KnowledgeBase.Cases;

namespace Asystent.Bot.Channels.Voice;

/// <summary>
/// Menu 2 of the phone line: the case number said or keyed (its digits, parts separated by "*"), the
/// code keyed (letters as their keys), then the status, what comes next and the deadline. Failures
/// count per calling number (the phone line's address, shared with the chat and the API) and per case.
/// </summary>
internal static class VoiceCases
{
    public static async Task<TwiML> StepAsync(VoiceBranch branch, CaseRegistry registry, FailedAttempts failures, CancellationToken cancellationToken)
    {
        var call = branch.Call;
        var caller = KnowledgeBase.Cases.FailedAttempts.Address(Hosting.ClientAddress.OfCaller(branch.From));
        if (failures.RetryAfter(caller) is { } wait)
        {
            return call.Menu(TooMany(call, wait));
        }

        switch (branch.Step)
        {
            case "case_number":
                var number = branch.Speech.Length > 0 ? branch.Speech : branch.Digits;
                if (number.Trim().Length == 0)
                {
                    return call.AskCaseNumber(VoicePhrases.Get("not_understood", call.Language));
                }

                branch.Save(branch.State with { CaseNumber = number });
                return call.AskCaseCode();
            case "case_code" when branch.State.CaseNumber is { } said:
                var keys = $"case:{said}";
                if (failures.RetryAfter(keys) is { } caseWait)
                {
                    return call.Menu(TooMany(call, caseWait));
                }

                if (await registry.VerifyByPhoneAsync(said, branch.Digits, cancellationToken) is not { } found)
                {
                    failures.Fail(caller, keys);
                    return call.AskCaseNumber(VoicePhrases.Get("case_not_found", call.Language));
                }

                branch.Save(branch.State with { CaseNumber = null });
                return call.CaseAnswer(registry.Describe(found, call.Language));
            default:
                return call.AskCaseNumber();
        }
    }

    private static string TooMany(VoiceCall call, TimeSpan wait) =>
        string.Format(CultureInfo.InvariantCulture, VoicePhrases.Get("too_many_tries", call.Language), Math.Max(1, (int)Math.Ceiling(wait.TotalMinutes)));
}
