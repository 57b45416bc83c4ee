using System.Globalization;
using System.Text.RegularExpressions;
using Asystent.Bot.Handoff;
using Asystent.KnowledgeBase;
using Asystent.KnowledgeBase.Appointments;
using Asystent.KnowledgeBase.Handoff;
using Asystent.KnowledgeBase.Languages;
using Asystent.KnowledgeBase.Notifications;
using Asystent.KnowledgeBase.Search;
using Asystent.KnowledgeBase.ServiceCards;
using Asystent.KnowledgeBase.Storage;
using Asystent.KnowledgeBase.Understanding;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

namespace Asystent.Bot.Channels.Voice;

/// <summary>
/// The phone line: Twilio-compatible voice webhooks answered with TwiML. Every request's
/// X-Twilio-Signature is checked over the public URL and the form before anything else. The caller
/// picks a language by key, then "where do I go" (said in their own words, recognised in that
/// language with the card titles as hints, and answered by the same turn pipeline as every channel,
/// see <see cref="VoiceTurns"/>; an unsure recognition is confirmed by key) or a person
/// (a transfer during the unit's hours, else a callback request on the calling number), the status
/// of a case (2) and booking, moving or cancelling a visit (3). Answers are written for the ear, and the details can
/// follow by SMS to the calling number.
/// </summary>
public static partial class VoiceEndpoints
{
    private const double SureConfidence = 0.6;

    // Silences and wrong keys in a row at the menu before the call ends with a goodbye.
    private const int MaxMisses = 3;

    public static IEndpointRouteBuilder MapVoice(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/voice", Call).WithTags("Voice").WithName("VoiceWebhook")
            .WithSummary("Twilio-compatible voice webhook (new calls and the answers to each question), answering TwiML.");
        return app;
    }

    private static async Task<IResult> Call(HttpRequest request, IOptions<VoiceOptions> options, CardSearchService search, IServiceScopeFactory scopes,
        OutboxSignal outbox, HandoffQueues queues, IMemoryCache cache, KnowledgeBaseOptions knowledgeBase, TimeProvider clock, ILoggerFactory loggers, Conversation.TurnRunner turns)
    {
        var settings = options.Value;
        if (!settings.IsConfigured)
        {
            return Results.Problem(title: "The phone line is not configured", detail: "Set Voice:AuthToken and Voice:PublicBaseUrl.", statusCode: StatusCodes.Status503ServiceUnavailable);
        }

        var (form, refusal) = await VoiceForm.ReadAsync(request, request.HttpContext.RequestAborted);
        if (refusal is not null)
        {
            return refusal;
        }

        var url = settings.PublicBaseUrl!.TrimEnd('/') + request.PathBase + request.Path + request.QueryString;
        if (!TwilioSignature.Matches(request.Headers["X-Twilio-Signature"], settings.AuthToken!, url, form.Select(f => KeyValuePair.Create(f.Key, f.Value.ToString()))))
        {
            loggers.CreateLogger(typeof(VoiceEndpoints)).LogWarning("A voice request with a missing or wrong X-Twilio-Signature was refused");
            return Results.Problem(title: "Forbidden", detail: "The X-Twilio-Signature does not match.", statusCode: StatusCodes.Status403Forbidden);
        }

        var language = Languages.TryParse(request.Query["lang"], out var chosen) ? chosen : Language.Pl;
        var now = TimeZoneInfo.ConvertTime(clock.GetUtcNow(), TimeZoneInfo.FindSystemTimeZoneById(knowledgeBase.TimeZone));
        var call = new VoiceCall(search.Catalogue, language, now);
        var digits = form["Digits"].ToString();
        var speech = form["SpeechResult"].ToString();
        var step = request.Query["step"].ToString();
        var branch = new VoiceBranch(call, step, digits, speech, form["From"].ToString(), form["CallSid"].ToString(), cache, search, clock);
        var twiml = step switch
        {
            "language" => call.Menu(language: digits switch { "2" => Language.En, "3" => Language.Uk, "4" => Language.Ru, _ => Language.Pl }),
            "menu" when Misses(request) >= MaxMisses => call.Goodbye(),
            "menu" => call.Menu(Misses(request) > 0 ? VoicePhrases.Get("no_choice", language) : null, misses: Misses(request)),
            "choice" when digits == "1" => call.AskQuestion(),
            "choice" when digits == "2" => call.AskCaseNumber(),
            "choice" when digits == "3" => call.VisitMenu(),
            "choice" when digits == "0" => call.Person(null),
            // Said rather than pressed: "stan sprawy" is about a case's status, not a new matter.
            "choice" when StatusWords().IsMatch(speech) => call.AskCaseNumber(),
            "choice" when VisitWords().IsMatch(speech) => call.VisitMenu(),
            "choice" when PersonWords().IsMatch(speech) => call.Person(null),
            "choice" when MatterWords().IsMatch(speech) => call.AskQuestion(),
            "case_number" or "case_code" => await WithScopeAsync(scopes, services => VoiceCases.StepAsync(branch,
                services.GetRequiredService<KnowledgeBase.Cases.CaseRegistry>(), services.GetRequiredService<KnowledgeBase.Cases.FailedAttempts>(), request.HttpContext.RequestAborted)),
            _ when step.StartsWith("visit_", StringComparison.Ordinal) => await WithScopeAsync(scopes, services => VoiceVisits.StepAsync(branch,
                services.GetRequiredService<AppointmentBook>(), services.GetRequiredService<KnowledgeBase.Cases.FailedAttempts>(), request.HttpContext.RequestAborted)),
            "choice" when Misses(request) + 1 >= MaxMisses => call.Goodbye(),
            "choice" => call.Menu(VoicePhrases.Get("no_choice", language), misses: Misses(request) + 1),
            // The caller's own words (or a key for a numbered option) go through the same assistant as every channel.
            "question" => await VoiceTurns.AnswerAsync(call, turns, search, speech.Length > 0 ? speech : digits, Sure(speech, form["Confidence"].ToString()), form["CallSid"].ToString(), request.HttpContext.RequestAborted),
            "after" when digits.Length == 0 && speech.Length > 0 =>
                await VoiceTurns.AnswerAsync(call, turns, search, speech, sure: true, form["CallSid"].ToString(), request.HttpContext.RequestAborted),
            "confirm" when digits == "1" && search.Catalogue.Find(request.Query["card"].ToString()) is { } card => call.Answer(card),
            "confirm" => call.AskQuestion(),
            "after" when digits == "1" && search.Catalogue.Find(request.Query["card"].ToString()) is { } card =>
                call.Menu(await TextDetailsAsync(scopes, outbox, card, call, form["From"].ToString(), form["CallSid"].ToString(), clock)),
            "after" when digits == "2" => call.AskQuestion(),
            "after" when digits == "0" => call.Person(search.Catalogue.Find(request.Query["card"].ToString())),
            "callback" when digits == "1" => call.CallbackAnswer(await RequestCallbackAsync(queues, search, request.Query["unit"].ToString(),
                search.Catalogue.Find(request.Query["card"].ToString()), language, form["From"].ToString(), form["CallSid"].ToString())),
            "callback" => call.Goodbye(),
            "after" => call.Menu(),
            _ => call.Greeting(),
        };
        return Results.Content(twiml.ToString(), "application/xml");
    }

    // Keys are sure; words are sure when the recogniser says so.
    private static bool Sure(string speech, string confidence) =>
        speech.Length == 0 || double.TryParse(confidence, NumberStyles.Float, CultureInfo.InvariantCulture, out var c) && c >= SureConfidence;

    /// <summary>Queues the details as an SMS to the calling number (once per call and card); says whether it could.</summary>
    private static async Task<string> TextDetailsAsync(IServiceScopeFactory scopes, OutboxSignal outbox, ServiceCard card, VoiceCall call, string from, string callSid, TimeProvider clock)
    {
        if (ContactDetails.NormalizePhone(from) is not { } phone)
        {
            return VoicePhrases.Get("sms_impossible", call.Language);
        }

        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AssistantDbContext>();
        var key = $"voice:{(callSid.Length is > 0 and <= 64 ? callSid : phone)}:{card.Id}";
        if (!await db.Outbox.AnyAsync(m => m.DedupKey == key))
        {
            var now = clock.GetUtcNow();
            db.Outbox.Add(new OutboxMessageRecord
            {
                DedupKey = key, Channel = OutboxChannels.Sms, Recipient = phone, Body = call.SmsText(card),
                NotBefore = now.UtcDateTime, NextAttemptAt = now.UtcDateTime, Status = OutboxStatus.Pending, CreatedAt = now,
            });
            await db.SaveChangesAsync();
            outbox.Pulse();
        }

        return VoicePhrases.Get("sms_sent", call.Language);
    }

    /// <summary>Records a request to call the caller back (once per call), for the clerks of the unit; false without a usable calling number.</summary>
    private static async Task<bool> RequestCallbackAsync(HandoffQueues queues, CardSearchService search, string unit, ServiceCard? card, Language language, string from, string callSid)
    {
        if (ContactDetails.NormalizePhone(from) is not { } phone)
        {
            return false;
        }

        var known = search.Catalogue.Office.FindUnit(unit)?.Code ?? VoiceCall.InformationDesk;
        await queues.RequestCallbackOnceAsync(new CallbackRequestRecord
        {
            Unit = known, Contact = phone, PreferredTime = "najbliższy dzień pracy", Topic = card?.Title.Best(Language.Pl) ?? "Rozmowa telefoniczna (bez tematu)",
            Language = language.Code(), Channel = "voice", ConversationId = callSid.Length is > 0 and <= 64 ? callSid : null, CreatedAt = default,
        }, CancellationToken.None);
        return true;
    }

    private static int Misses(HttpRequest request) =>
        int.TryParse(request.Query["misses"], NumberStyles.None, CultureInfo.InvariantCulture, out var misses) ? Math.Min(misses, MaxMisses) : 0;

    private static async Task<TwiML> WithScopeAsync(IServiceScopeFactory scopes, Func<IServiceProvider, Task<TwiML>> step)
    {
        await using var scope = scopes.CreateAsyncScope();
        return await step(scope.ServiceProvider);
    }

    [GeneratedRegex(@"status|stan|etap|стан|состояни|статус", RegexOptions.IgnoreCase)]
    private static partial Regex StatusWords();

    [GeneratedRegex(@"wizyt|termin|visit|appointment|візит|прийом|запис|визит|при[её]м|запис", RegexOptions.IgnoreCase)]
    private static partial Regex VisitWords();

    [GeneratedRegex(@"spraw|matter|question|справ|дел", RegexOptions.IgnoreCase)]
    private static partial Regex MatterWords();

    [GeneratedRegex(@"pracownik|człowiek|czlowiek|konsultant|person|human|agent|працівник|людин|оператор|сотрудник|человек", RegexOptions.IgnoreCase)]
    private static partial Regex PersonWords();
}
