using System.Net;
using System.Xml.Linq;
using Asystent.Bot.Channels.Voice;
using Asystent.KnowledgeBase.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Asystent.Bot.IntegrationTests;

/// <summary>The phone line as a Twilio-compatible provider drives it: signed form posts, TwiML back.</summary>
public sealed class VoiceTests(AssistantFactory factory)
{
    private readonly HttpClient client = factory.CreateClient();
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    // The examples from Twilio's documentation of webhook security, with their published signatures.
    [Theory]
    [InlineData("+14158675309", "RSOYDt4T1cUTdK1PDd93/VVr8B8=")]
    [InlineData("+12349013030", "0/KCTR6DLpKmkAf8muzZqo1nDgQ=")]
    public void Signatures_match_the_published_examples(string caller, string expected)
    {
        var parameters = new Dictionary<string, string>
        {
            ["CallSid"] = "CA1234567890ABCDE", ["Caller"] = caller, ["Digits"] = "1234", ["From"] = caller, ["To"] = "+18005551212",
        };
        Assert.Equal(expected, TwilioSignature.Compute("12345", "https://mycompany.com/myapp.php?foo=1&bar=2", parameters));
    }

    private async Task<(HttpResponseMessage Response, XElement? TwiML)> PostAsync(string pathAndQuery, Dictionary<string, string> form, string? signature = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, pathAndQuery) { Content = new FormUrlEncodedContent(form) };
        request.Headers.Add("X-Twilio-Signature", signature ?? TwilioSignature.Compute(AssistantFactory.VoiceAuthToken, AssistantFactory.VoicePublicBaseUrl + pathAndQuery, form));
        var response = await client.SendAsync(request, Token);
        return (response, response.IsSuccessStatusCode ? XElement.Parse(await response.Content.ReadAsStringAsync(Token)) : null);
    }

    private static Dictionary<string, string> Form(string callSid, params (string Key, string Value)[] extra)
    {
        var form = new Dictionary<string, string> { ["CallSid"] = callSid, ["From"] = "+48600700900", ["To"] = "+48338001000" };
        foreach (var (key, value) in extra)
        {
            form[key] = value;
        }

        return form;
    }

    [Fact]
    public async Task A_forged_request_is_refused()
    {
        var (response, _) = await PostAsync("/api/voice", Form("CA-forged"), signature: "bm90IGEgc2lnbmF0dXJl");
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        var (tampered, _) = await PostAsync("/api/voice?step=menu&lang=en", Form("CA-forged"), signature: TwilioSignature.Compute(AssistantFactory.VoiceAuthToken, AssistantFactory.VoicePublicBaseUrl + "/api/voice", Form("CA-forged")));
        Assert.Equal(HttpStatusCode.Forbidden, tampered.StatusCode);
    }

    [Fact]
    public async Task A_caller_picks_english_asks_in_words_gets_an_answer_for_the_ear_and_the_details_by_sms()
    {
        var call = $"CA{Guid.NewGuid():N}";
        var (greeting, twiml) = await PostAsync("/api/voice", Form(call));
        Assert.Equal("application/xml", greeting.Content.Headers.ContentType?.MediaType);
        var says = twiml!.Descendants("Say").ToList();
        Assert.Equal(["pl-PL", "en-US", "uk-UA", "ru-RU"], says.Select(s => s.Attribute("language")!.Value));

        var (_, menu) = await PostAsync("/api/voice?step=language", Form(call, ("Digits", "2")));
        var gather = menu!.Element("Gather")!;
        Assert.Equal("en-US", gather.Attribute("language")!.Value);
        Assert.Contains("press 1", gather.Element("Say")!.Value, StringComparison.Ordinal);

        var (_, question) = await PostAsync("/api/voice?step=choice&lang=en", Form(call, ("Digits", "1")));
        var speech = question!.Element("Gather")!;
        Assert.Equal("speech", speech.Attribute("input")!.Value);
        Assert.Contains("Passport", speech.Attribute("hints")!.Value, StringComparison.Ordinal);

        var (_, answer) = await PostAsync("/api/voice?step=question&lang=en", Form(call, ("SpeechResult", "register a car imported from Germany"), ("Confidence", "0.92")));
        var spoken = answer!.Element("Say")!.Value;
        Assert.Contains("Transport and Vehicles Department", spoken, StringComparison.Ordinal);
        Assert.DoesNotContain("http", spoken, StringComparison.Ordinal);
        Assert.DoesNotContain("**", spoken, StringComparison.Ordinal);
        var after = answer.Element("Gather")!.Attribute("action")!.Value;

        var (_, sent) = await PostAsync(after, Form(call, ("Digits", "1")));
        Assert.Contains("sent you a text", sent!.Element("Gather")!.Element("Say")!.Value, StringComparison.Ordinal);
        var sms = await factory.Sms.WaitForAsync(s => s.To == "48600700900" && s.Message.Contains("Transport and Vehicles Department", StringComparison.Ordinal));
        Assert.StartsWith("County office:", sms.Message, StringComparison.Ordinal);

        // Pressing 1 again in the same call does not send the same text twice.
        await PostAsync(after, Form(call, ("Digits", "1")));
        await using var scope = factory.Services.CreateAsyncScope();
        Assert.Equal(1, await scope.ServiceProvider.GetRequiredService<AssistantDbContext>().Outbox.CountAsync(m => m.DedupKey.StartsWith($"voice:{call}:"), Token));
    }

    [Fact]
    public async Task On_the_phone_a_follow_up_in_words_is_answered_from_the_card_and_close_matters_are_told_apart_by_key()
    {
        var call = $"CA{Guid.NewGuid():N}";
        var (_, answer) = await PostAsync("/api/voice?step=question&lang=pl", Form(call, ("SpeechResult", "karta wędkarska"), ("Confidence", "0.9")));
        var after = answer!.Element("Gather")!;
        Assert.Equal("dtmf speech", after.Attribute("input")!.Value);

        // The same conversation goes on: "ile to kosztuje?" is about the fishing card.
        var (_, fees) = await PostAsync(after.Attribute("action")!.Value, Form(call, ("SpeechResult", "a ile to kosztuje"), ("Confidence", "0.9")));
        var spoken = fees!.Element("Say")!.Value;
        Assert.Contains("10 zł", spoken, StringComparison.Ordinal);
        Assert.DoesNotContain("**", spoken, StringComparison.Ordinal);

        // Close cards are read as numbered options; a key picks one.
        var (_, options) = await PostAsync("/api/voice?step=question&lang=pl", Form(call, ("SpeechResult", "rejestracja samochodu"), ("Confidence", "0.9")));
        Assert.Contains("1. ", options!.Element("Say")!.Value, StringComparison.Ordinal);
        var (_, picked) = await PostAsync(options.Element("Gather")!.Attribute("action")!.Value, Form(call, ("Digits", "1")));
        Assert.Contains("Wydział Komunikacji", picked!.Element("Say")!.Value, StringComparison.Ordinal);

        // A goodbye ends the call.
        var (_, bye) = await PostAsync("/api/voice?step=question&lang=pl", Form(call, ("SpeechResult", "dziękuję, do widzenia"), ("Confidence", "0.9")));
        Assert.NotNull(bye!.Element("Hangup"));
    }

    [Fact]
    public async Task An_unsure_recognition_is_confirmed_by_key_in_polish()
    {
        var (_, confirm) = await PostAsync("/api/voice?step=question&lang=pl", Form("CA-unsure", ("SpeechResult", "karta wędkarska"), ("Confidence", "0.31")));
        var gather = confirm!.Element("Gather")!;
        Assert.Equal("pl-PL", gather.Attribute("language")!.Value);
        Assert.Contains("Czy chodzi o: Karta wędkarska", gather.Element("Say")!.Value, StringComparison.Ordinal);

        var (_, answer) = await PostAsync(gather.Attribute("action")!.Value, Form("CA-unsure", ("Digits", "1")));
        Assert.Contains("Karta wędkarska (i karta łowiectwa podwodnego).", answer!.Element("Say")!.Value, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Nothing_heard_or_nothing_understood_gets_the_question_again()
    {
        var (_, silence) = await PostAsync("/api/voice?step=question&lang=uk", Form("CA-silent"));
        Assert.Contains("не зрозумів", silence!.Element("Gather")!.Element("Say")!.Value, StringComparison.Ordinal);

        var (_, noChoice) = await PostAsync("/api/voice?step=choice&lang=ru", Form("CA-silent", ("Digits", "7")));
        Assert.Contains("не расслышал", noChoice!.Element("Gather")!.Element("Say")!.Value, StringComparison.Ordinal);
        Assert.Equal("/api/voice?step=choice&lang=ru&misses=1", noChoice.Element("Gather")!.Attribute("action")!.Value);
        Assert.Equal("/api/voice?step=menu&lang=ru&misses=2", noChoice.Element("Redirect")!.Value);

        // After a few silences or wrong keys in a row the call ends politely instead of looping.
        var (_, silentEnd) = await PostAsync("/api/voice?step=menu&lang=ru&misses=3", Form("CA-silent"));
        Assert.Contains("До свидания", silentEnd!.Element("Say")!.Value, StringComparison.Ordinal);
        Assert.NotNull(silentEnd.Element("Hangup"));
        var (_, wrongEnd) = await PostAsync("/api/voice?step=choice&lang=en&misses=2", Form("CA-silent", ("Digits", "9")));
        Assert.Contains("Goodbye", wrongEnd!.Element("Say")!.Value, StringComparison.Ordinal);
        Assert.NotNull(wrongEnd.Element("Hangup"));
    }

    [Fact]
    public async Task Asking_for_a_person_is_a_transfer_during_desk_hours_or_an_offer_to_call_back()
    {
        var (_, person) = await PostAsync("/api/voice?step=choice&lang=pl", Form("CA-person", ("SpeechResult", "chcę rozmawiać z pracownikiem"), ("Confidence", "0.8")));
        // Which of the two depends on the hour the test runs; both are checked for what they must say.
        var desk = factory.Services.GetRequiredService<Asystent.KnowledgeBase.Search.CardSearchService>().Catalogue.Office.FindUnit("BOM")!;
        if (person!.Element("Dial") is { } dial)
        {
            Assert.Equal(desk.Phone, dial.Value);
            Assert.Contains("Łączę z punktem informacyjnym", person.Element("Say")!.Value, StringComparison.Ordinal);
        }
        else
        {
            var gather = person.Element("Gather")!;
            Assert.Contains("oddzwonili na ten numer", gather.Element("Say")!.Value, StringComparison.Ordinal);
            Assert.StartsWith("/api/voice?step=callback&lang=pl&unit=BOM", gather.Attribute("action")!.Value, StringComparison.Ordinal);
            Assert.NotNull(person.Element("Hangup"));
        }
    }

    [Fact]
    public async Task Out_of_hours_the_caller_leaves_a_callback_request_once_per_call()
    {
        const string path = "/api/voice?step=callback&lang=en&unit=KT&card=rejestracja-pojazdu-uzywanego";
        var (_, saved) = await PostAsync(path, Form("CA-callback-1", ("Digits", "1")));
        Assert.Contains("call you back", saved!.Element("Say")!.Value, StringComparison.Ordinal);
        Assert.NotNull(saved.Element("Hangup"));
        await PostAsync(path, Form("CA-callback-1", ("Digits", "1")));

        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<Asystent.KnowledgeBase.Storage.AssistantDbContext>();
        var requests = await db.CallbackRequests.Where(c => c.ConversationId == "CA-callback-1").ToListAsync(TestContext.Current.CancellationToken);
        var request = Assert.Single(requests);
        Assert.Equal(("KT", "+48600700900", "voice", "en"), (request.Unit, request.Contact, request.Channel, request.Language));

        // A hidden number cannot be called back: the caller is told to call in office hours.
        var hidden = Form("CA-callback-2", ("Digits", "1"));
        hidden["From"] = "anonymous";
        var (_, refused) = await PostAsync(path, hidden);
        Assert.Contains("cannot call back", refused!.Element("Say")!.Value, StringComparison.Ordinal);
        var (_, declined) = await PostAsync(path, Form("CA-callback-3"));
        Assert.Contains("Goodbye", declined!.Element("Say")!.Value, StringComparison.Ordinal);
    }

    /// <summary>Everything the caller hears in a TwiML answer, prompts of a Gather included.</summary>
    private static string Heard(XElement twiml) => string.Join(" ", twiml.Descendants("Say").Select(say => say.Value));

    [Fact]
    public async Task A_caller_checks_a_case_keying_the_number_and_a_code_with_letters()
    {
        using var import = new HttpRequestMessage(HttpMethod.Post, "/api/cases/import")
        {
            Content = new StringContent("""
                [{ "caseNumber": "KT.5410.9077.2026", "unit": "KT", "service": "prawo-jazdy-wydanie", "status": "in_progress",
                   "statusDate": "2026-11-10", "filedDate": "2026-11-02", "code": "7KQ2MX" }]
                """, System.Text.Encoding.UTF8, "application/json"),
        };
        import.Headers.Add("X-Api-Key", AssistantFactory.CasesImportKey);
        using var imported = await client.SendAsync(import, Token);
        Assert.Equal(HttpStatusCode.OK, imported.StatusCode);

        var (_, ask) = await PostAsync("/api/voice?step=choice&lang=pl", Form("CA-case", ("Digits", "2")));
        var gather = ask!.Element("Gather")!;
        Assert.Equal(("dtmf speech", "#"), (gather.Attribute("input")!.Value, gather.Attribute("finishOnKey")!.Value));
        Assert.Contains("znak sprawy", Heard(ask), StringComparison.Ordinal);

        // The unit symbol cannot be keyed: the digits, parts separated by star, name the case.
        var (_, code) = await PostAsync("/api/voice?step=case_number&lang=pl", Form("CA-case", ("Digits", "5410*9077*2026")));
        Assert.Contains("wpisz kod", Heard(code!), StringComparison.Ordinal);
        var (_, wrong) = await PostAsync("/api/voice?step=case_code&lang=pl", Form("CA-case", ("Digits", "123456")));
        Assert.Contains("Nie znalazłem sprawy", Heard(wrong!), StringComparison.Ordinal);

        // Said this time; the code 7KQ2MX keyed as 7-5-7-2-6-9 (K on 5, Q on 7, M on 6, X on 9).
        await PostAsync("/api/voice?step=case_number&lang=pl", Form("CA-case", ("SpeechResult", "KT 5410 9077 2026")));
        var (_, status) = await PostAsync("/api/voice?step=case_code&lang=pl", Form("CA-case", ("Digits", "757269")));
        var heard = Heard(status!);
        Assert.Contains("2 grudnia 2026", heard, StringComparison.Ordinal);
        Assert.DoesNotContain("**", heard, StringComparison.Ordinal);
        Assert.NotNull(status!.Element("Gather"));
    }

    [Fact]
    public async Task A_caller_books_a_visit_then_moves_and_cancels_it_with_the_code_on_the_keypad()
    {
        const string caller = "+48600700911";
        Dictionary<string, string> Call(params (string Key, string Value)[] extra)
        {
            var form = Form("CA-visit", extra);
            form["From"] = caller;
            return form;
        }

        Assert.Contains("umówić wizytę", Heard((await PostAsync("/api/voice?step=choice&lang=pl", Call(("Digits", "3")))).TwiML!), StringComparison.Ordinal);
        Assert.Contains("w jakiej sprawie", Heard((await PostAsync("/api/voice?step=visit_menu&lang=pl", Call(("Digits", "1")))).TwiML!), StringComparison.Ordinal);
        var (_, offer) = await PostAsync("/api/voice?step=visit_service&lang=pl", Call(("SpeechResult", "rejestracja samochodu używanego"), ("Confidence", "0.9")));
        Assert.Contains("Naciśnij 1:", Heard(offer!), StringComparison.Ordinal);
        Assert.Contains("Naciśnij 3:", Heard(offer!), StringComparison.Ordinal);
        Assert.Contains("imię i nazwisko", Heard((await PostAsync("/api/voice?step=visit_slot&lang=pl", Call(("Digits", "1")))).TwiML!), StringComparison.Ordinal);
        Assert.Contains("na nazwisko Jan Nowak", Heard((await PostAsync("/api/voice?step=visit_name&lang=pl", Call(("SpeechResult", "Jan Nowak")))).TwiML!), StringComparison.Ordinal);
        Assert.Contains("Kod wizyty", Heard((await PostAsync("/api/voice?step=visit_confirm&lang=pl", Call(("Digits", "1")))).TwiML!), StringComparison.Ordinal);

        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AssistantDbContext>();
        var visit = await db.Appointments.AsNoTracking().SingleAsync(a => a.Phone == caller, Token);
        Assert.Equal(("Jan Nowak", "booked"), (visit.Name, visit.Status));

        // Moving: the caller's visits by the calling number, one chosen, its code keyed (a wrong one refused).
        Assert.Contains("Naciśnij 1:", Heard((await PostAsync("/api/voice?step=visit_menu&lang=pl", Call(("Digits", "2")))).TwiML!), StringComparison.Ordinal);
        Assert.Contains("kod wizyty", Heard((await PostAsync("/api/voice?step=visit_pick&lang=pl", Call(("Digits", "1")))).TwiML!), StringComparison.Ordinal);
        Assert.Contains("To nie jest kod", Heard((await PostAsync("/api/voice?step=visit_code&lang=pl", Call(("Digits", "22222222")))).TwiML!), StringComparison.Ordinal);
        var keyed = Asystent.KnowledgeBase.Entities.Keypad.Digits(visit.Code);
        Assert.Contains("przełożyć", Heard((await PostAsync("/api/voice?step=visit_code&lang=pl", Call(("Digits", keyed)))).TwiML!), StringComparison.Ordinal);
        await PostAsync("/api/voice?step=visit_action&lang=pl", Call(("Digits", "2")));
        Assert.Contains("przełożona", Heard((await PostAsync("/api/voice?step=visit_slot&lang=pl", Call(("Digits", "2")))).TwiML!), StringComparison.Ordinal);
        var moved = await db.Appointments.AsNoTracking().SingleAsync(a => a.Code == visit.Code, Token);
        Assert.NotEqual(visit.StartsAt, moved.StartsAt);

        await PostAsync("/api/voice?step=visit_menu&lang=pl", Call(("Digits", "2")));
        await PostAsync("/api/voice?step=visit_pick&lang=pl", Call(("Digits", "1")));
        await PostAsync("/api/voice?step=visit_code&lang=pl", Call(("Digits", keyed)));
        Assert.Contains("odwołana", Heard((await PostAsync("/api/voice?step=visit_action&lang=pl", Call(("Digits", "1")))).TwiML!), StringComparison.Ordinal);
        Assert.Equal("cancelled", (await db.Appointments.AsNoTracking().SingleAsync(a => a.Code == visit.Code, Token)).Status);

        // A hidden number cannot book: the caller is sent to the chat or a person.
        var hidden = Form("CA-visit-hidden", ("Digits", "1"));
        hidden["From"] = "anonymous";
        Assert.Contains("Nie widzimy numeru", Heard((await PostAsync("/api/voice?step=visit_menu&lang=pl", hidden)).TwiML!), StringComparison.Ordinal);
    }
}
