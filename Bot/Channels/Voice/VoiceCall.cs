using System.Globalization;
using Asystent.KnowledgeBase.Appointments;
using Asystent.KnowledgeBase.Languages;
using Asystent.KnowledgeBase.ServiceCards;

namespace Asystent.Bot.Channels.Voice;

/// <summary>One answer of the phone line, in the caller's language: the TwiML for each point of the call.</summary>
internal sealed class VoiceCall(CardCatalogue catalogue, Language language, DateTimeOffset now)
{
    private const string Action = "/api/voice";

    public const string InformationDesk = "BOM";

    public Language Language => language;

    private string Tag => VoicePhrases.Tag(language);

    public TwiML Greeting() => new TwiML()
        .Gather($"{Action}?step=language", "pl-PL",
        [
            ($"Dzień dobry, tu automatyczny asystent: {catalogue.Office.Name.Best(Language.Pl)}. Po polsku naciśnij 1.", "pl-PL"),
            ("For English, press 2.", "en-US"),
            ("Українською – натисніть 3.", "uk-UA"),
            ("По-русски – нажмите 4.", "ru-RU"),
        ])
        .Redirect($"{Action}?step=menu&lang=pl");

    /// <summary>The main menu; <paramref name="misses"/> counts the silences and wrong keys in a row before it.</summary>
    public TwiML Menu(string? lead = null, Language? language = null, int misses = 0)
    {
        var call = language is { } other ? new VoiceCall(catalogue, other, now) : this;
        return call.MenuTwiML(lead, misses);
    }

    public TwiML AskQuestion(string? lead = null) => new TwiML()
        .Gather($"{Action}?step=question&lang={language.Code()}", Tag, Prompts(lead, VoicePhrases.Get("ask_question", language)), speech: true, digits: null, hints: Hints(), timeoutSeconds: 5)
        .Redirect($"{Action}?step=menu&lang={language.Code()}");

    public TwiML Confirm(ServiceCard card) => new TwiML()
        .Gather($"{Action}?step=confirm&lang={language.Code()}&card={card.Id}", Tag,
            [string.Format(CultureInfo.InvariantCulture, VoicePhrases.Get("confirm", language), card.Title.Best(language))])
        .Redirect($"{Action}?step=menu&lang={language.Code()}");

    public TwiML Answer(ServiceCard card) => AnswerAbout(card, Spoken(card));

    /// <summary>Something about a card read out, then its keys (SMS, another question, a person) or a question about it in words.</summary>
    public TwiML AnswerAbout(ServiceCard card, string spoken) => new TwiML()
        .Say(spoken, Tag)
        .Gather($"{Action}?step=after&lang={language.Code()}&card={card.Id}", Tag, [VoicePhrases.Get("after", language)], speech: true, hints: Hints())
        .Redirect($"{Action}?step=menu&lang={language.Code()}");

    /// <summary>An answer read out, then the line listens for the caller's next words (or a key for a numbered option).</summary>
    public TwiML Listen(string spoken) => new TwiML()
        .Say(spoken, Tag)
        .Gather($"{Action}?step=question&lang={language.Code()}", Tag, [VoicePhrases.Get("go_on", language)], speech: true, hints: Hints(), timeoutSeconds: 5)
        .Redirect($"{Action}?step=menu&lang={language.Code()}");

    public TwiML SayAndHangUp(string spoken) => new TwiML().Say(spoken, Tag).Hangup();

    /// <summary>
    /// A person: during the unit's hours (the unit of the card under discussion, else the information
    /// desk) a transfer to its number; otherwise the offer to be called back on the calling number.
    /// </summary>
    public TwiML Person(ServiceCard? card)
    {
        var unit = (card is null ? null : catalogue.Office.FindUnit(card.Unit)) ?? catalogue.Office.FindUnit(InformationDesk);
        var phone = unit?.Phone ?? catalogue.Office.Phone ?? "";
        if (unit is not null && OpeningHours.IsOpenAt(unit.Hours, now))
        {
            var connecting = unit.Code == InformationDesk ? VoicePhrases.Get("connecting", language)
                : string.Format(CultureInfo.InvariantCulture, VoicePhrases.Get("connecting_unit", language), unit.Name.Best(language));
            return new TwiML().Say(connecting, Tag).Dial(phone);
        }

        return new TwiML()
            .Gather($"{Action}?step=callback&lang={language.Code()}&unit={unit?.Code ?? InformationDesk}{(card is null ? "" : $"&card={card.Id}")}", Tag,
                [string.Format(CultureInfo.InvariantCulture, VoicePhrases.Get("closed_callback", language), Spell(phone))])
            .Say(VoicePhrases.Get("goodbye", language), Tag)
            .Hangup();
    }

    public TwiML AskCaseNumber(string? lead = null) => new TwiML()
        .GatherUntilHash($"{Action}?step=case_number&lang={language.Code()}", Tag, Prompts(lead, VoicePhrases.Get("case_number", language)), speech: true)
        .Redirect(MenuUrl);

    public TwiML AskCaseCode() => new TwiML()
        .GatherUntilHash($"{Action}?step=case_code&lang={language.Code()}", Tag, [VoicePhrases.Get("case_code", language)])
        .Redirect(MenuUrl);

    /// <summary>The case's status, what comes next and the deadline, then the menu.</summary>
    public TwiML CaseAnswer(KnowledgeBase.Cases.CaseStatusView view) => new TwiML()
        .Say($"{view.StatusText}. {ForTheEar(view.NextStep)} {view.DeadlineText}", Tag)
        .Concat(MenuTwiML(null, 0));

    public TwiML VisitMenu() => new TwiML()
        .Gather($"{Action}?step=visit_menu&lang={language.Code()}", Tag, [VoicePhrases.Get("visit_menu", language)])
        .Redirect(MenuUrl);

    public TwiML AskVisitService(string? lead = null) => new TwiML()
        .Gather($"{Action}?step=visit_service&lang={language.Code()}", Tag, Prompts(lead, VoicePhrases.Get("visit_service", language)), speech: true, digits: null, hints: Hints(), timeoutSeconds: 5)
        .Redirect(MenuUrl);

    /// <summary>Up to three times, each with its key.</summary>
    public TwiML OfferSlots(string title, IReadOnlyList<DateTimeOffset> slots, string? lead = null) => new TwiML()
        .Gather($"{Action}?step=visit_slot&lang={language.Code()}", Tag,
            Prompts(lead, string.Format(CultureInfo.InvariantCulture, VoicePhrases.Get("slots", language), title))
                .Concat(slots.Select((slot, i) => string.Format(CultureInfo.InvariantCulture, VoicePhrases.Get("slot_key", language), i + 1, When(slot)))))
        .Redirect(MenuUrl);

    public TwiML AskName() => new TwiML()
        .Gather($"{Action}?step=visit_name&lang={language.Code()}", Tag, [VoicePhrases.Get("visit_name", language)], speech: true, digits: null, timeoutSeconds: 5)
        .Redirect(MenuUrl);

    public TwiML ConfirmVisit(string title, DateTimeOffset start, string name) => new TwiML()
        .Gather($"{Action}?step=visit_confirm&lang={language.Code()}", Tag,
            [string.Format(CultureInfo.InvariantCulture, VoicePhrases.Get("visit_confirm", language), title, When(start), name)])
        .Redirect(MenuUrl);

    public TwiML Booked(DateTimeOffset start, string code) =>
        Menu(string.Format(CultureInfo.InvariantCulture, VoicePhrases.Get("visit_booked", language), When(start), SpellCode(code)));

    public TwiML PickVisit(IReadOnlyList<(string Title, DateTimeOffset Start)> visits) => new TwiML()
        .Gather($"{Action}?step=visit_pick&lang={language.Code()}", Tag,
            new[] { VoicePhrases.Get("visit_pick", language) }
                .Concat(visits.Select((v, i) => string.Format(CultureInfo.InvariantCulture, VoicePhrases.Get("slot_key", language), i + 1, $"{v.Title}, {When(v.Start)}"))))
        .Redirect(MenuUrl);

    public TwiML AskVisitCode(string? lead = null) => new TwiML()
        .GatherUntilHash($"{Action}?step=visit_code&lang={language.Code()}", Tag, Prompts(lead, VoicePhrases.Get("visit_code", language)))
        .Redirect(MenuUrl);

    public TwiML VisitAction() => new TwiML()
        .Gather($"{Action}?step=visit_action&lang={language.Code()}", Tag, [VoicePhrases.Get("visit_action", language)])
        .Redirect(MenuUrl);

    /// <summary>"wtorek, 24 listopada, 9:15": a visit time as said aloud.</summary>
    public string When(DateTimeOffset start) => $"{start.ToString("dddd, d MMMM", language.Culture())}, {Clock(TimeOnly.FromDateTime(start.DateTime))}";

    /// <summary>A code read character by character in two groups: "K 7 M 4, X Q 3 H".</summary>
    private static string SpellCode(string code)
    {
        var plain = new string(code.Where(char.IsLetterOrDigit).ToArray());
        return string.Join(", ", plain.Chunk(4).Select(group => string.Join(" ", group)));
    }

    // Written answers may carry markdown marks and dashes that speech synthesis reads badly.
    private static string ForTheEar(string text) => text.Replace("**", "", StringComparison.Ordinal).Replace("–", " - ", StringComparison.Ordinal);

    private string MenuUrl => $"{Action}?step=menu&lang={language.Code()}";

    /// <summary>The end of a call after a callback request: saved, or impossible without the caller's number.</summary>
    public TwiML CallbackAnswer(bool saved)
    {
        var phone = catalogue.Office.FindUnit(InformationDesk)?.Phone ?? catalogue.Office.Phone ?? "";
        var text = saved ? VoicePhrases.Get("callback_saved", language) : string.Format(CultureInfo.InvariantCulture, VoicePhrases.Get("callback_no_number", language), Spell(phone));
        return new TwiML().Say(text, Tag).Hangup();
    }

    public TwiML Goodbye() => new TwiML().Say(VoicePhrases.Get("goodbye", language), Tag).Hangup();

    /// <summary>The card for the ear: what, where (unit, building, floor, room), today's hours, the fee. No links, no lists.</summary>
    public string Spoken(ServiceCard card)
    {
        var view = LocalizedCard.From(card, catalogue, language);
        var sentences = new List<string>
        {
            view.Title + ".",
            string.Format(CultureInfo.InvariantCulture, VoicePhrases.Get("where", language), Where(view)),
            Today(view),
            view.Fees.All(f => f.Amount == 0) ? VoicePhrases.Get("free", language)
                : string.Format(CultureInfo.InvariantCulture, VoicePhrases.Get("fee", language),
                    (view.FeesTotal > 0 ? view.FeesTotal : view.Fees.Where(f => f.Amount > 0).Min(f => f.Amount)).ToString("0.##", language.Culture())),
        };
        return string.Join(" ", sentences);
    }

    /// <summary>The details by SMS: title, place, today's hours and the online alternative (links are fine in writing).</summary>
    public string SmsText(ServiceCard card)
    {
        var view = LocalizedCard.From(card, catalogue, language);
        var text = string.Format(CultureInfo.InvariantCulture, VoicePhrases.Get("sms_intro", language), $"{view.Title}. {Where(view)}. {Today(view)}");
        return view.Online?.Url is { } url ? $"{text} {url}" : text;
    }

    // A silence or a wrong key is counted in the next request's address, so the call ends politely after a few.
    private TwiML MenuTwiML(string? lead, int misses) => new TwiML()
        .Gather($"{Action}?step=choice&lang={language.Code()}&misses={misses}", Tag, Prompts(lead, VoicePhrases.Get("menu", language)), speech: true, hints: Hints())
        .Redirect($"{Action}?step=menu&lang={language.Code()}&misses={misses + 1}");

    private static IEnumerable<string> Prompts(string? lead, string prompt) => lead is null ? [prompt] : [lead, prompt];

    // Dashes and slashes are read out badly by speech synthesis.
    private string Where(LocalizedCard view) =>
        $"{view.Unit.Name}, {view.Where.Describe(language)}".Replace("–", " - ", StringComparison.Ordinal).Replace("/", " ", StringComparison.Ordinal);

    private string Today(LocalizedCard view)
    {
        var today = OpeningHours.KeyOf(now.DayOfWeek);
        return view.Unit.Hours.FirstOrDefault(h => h.Day == today) is { } hours && OpeningHours.TryParse(hours.Hours, out var opens, out var closes)
            ? string.Format(CultureInfo.InvariantCulture, VoicePhrases.Get("open_today", language), Clock(opens), Clock(closes))
            : VoicePhrases.Get("closed_today", language);
    }

    // "7:30", not "07:30": read as a time of day in every language.
    private static string Clock(TimeOnly time) => time.Minute == 0 ? time.Hour.ToString(CultureInfo.InvariantCulture) : $"{time.Hour}:{time.Minute:D2}";

    // A phone number read digit group by digit group, not as one big number.
    private static string Spell(string phone) => string.Join(", ", phone.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(group => string.Join(" ", group.ToCharArray())));

    private string Hints() => string.Join(", ", catalogue.Cards.Select(c => c.Title.Best(language)).Where(t => t.Length <= 100).Take(100));
}
