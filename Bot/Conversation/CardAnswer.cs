using System.Globalization;
using System.Text;
using Asystent.KnowledgeBase.Appointments;
using Asystent.KnowledgeBase.Languages;
using Asystent.KnowledgeBase.ServiceCards;

namespace Asystent.Bot.Conversation;

/// <summary>
/// A card told briefly, as a clerk at the information desk would: where to go, today's hours, what
/// to bring, what it costs, how long it takes and the online alternative. Plain text, readable on
/// every channel and by a screen reader.
/// </summary>
internal static class CardAnswer
{
    // In the order of DayOfWeek, so today is Days[(int)date.DayOfWeek].
    private static readonly string[] Days = ["sun", "mon", "tue", "wed", "thu", "fri", "sat"];

    /// <summary>One part of the card, for a follow-up question about the card already under discussion.</summary>
    public static string Aspect(ServiceCard card, CardCatalogue catalogue, Language language, DateTimeOffset officeNow, CardAspect aspect)
    {
        var view = LocalizedCard.From(card, catalogue, language);
        var title = $"**{view.Title}**\n\n";
        switch (aspect)
        {
            case CardAspect.Fees:
                if (view.Fees.All(f => f.Amount == 0))
                {
                    return title + Phrases.Get("fees", language) + ": " + Phrases.Get("free", language) + ".";
                }

                return title + Phrases.Get("fees", language) + ":\n\n" + string.Join("\n", FeeLines(view, language).Select(l => "- " + l))
                    + Fines(view, language) + (view.Payment is { } pay ? "\n\n" + pay : "");
            case CardAspect.Documents:
                return title + Phrases.Get("bring", language) + ":\n\n" + string.Join("\n", view.Documents.Select(d => "- " + d));
            case CardAspect.Time:
                return title + Phrases.Get("time", language) + ": " + (view.Deadline ?? "–");
            case CardAspect.Hours:
                return title + $"{view.Unit.Name}: {WeekHours(view.Unit, language)}.\n\n{Today(view, language, officeNow)}.";
            case CardAspect.Online:
                return title + Phrases.Get("online", language) + ": "
                    + (view.Online is { } online ? string.Join(" ", new[] { online.Text, online.Url }.OfType<string>()) : Phrases.Get("online_none", language));
            case CardAspect.Payment:
                return title + Phrases.Get("fees", language) + ": " + FeeSummary(view, language) + ".\n\n"
                    + (view.Payment ?? catalogue.Office.Payment.Best(language));
            case CardAspect.Parking or CardAspect.Access:
                return title + Phrases.Get("where", language) + ": " + Sentence(Location(view, language)) + "\n\n" + (view.Where.Access ?? Phrases.Get("access_ask", language));
            default:
                return title + Place(view, language, officeNow);
        }
    }

    /// <summary>A matter in one line, for an answer to several at once: the title, where, and what it costs (or who handles it).</summary>
    public static string Brief(ServiceCard card, CardCatalogue catalogue, Language language)
    {
        var view = LocalizedCard.From(card, catalogue, language);
        return view.Redirect is { } redirect
            ? $"**{view.Title}** – {Phrases.Get("redirect", language)}: {redirect.Office}."
            : $"**{view.Title}** – {Location(view, language)}; {Phrases.Get("fees", language).ToLower(language.Culture())}: {FeeSummary(view, language)}.";
    }

    public static string Write(ServiceCard card, CardCatalogue catalogue, Language language, DateTimeOffset officeNow)
    {
        var view = LocalizedCard.From(card, catalogue, language);
        var text = new StringBuilder();
        // Blank lines between parts: Web Chat renders Markdown, where a single line break is not one.
        text.Append("**").Append(view.Title).Append("**\n\n").Append(view.Summary).Append("\n\n");

        if (view.Redirect is { } redirect)
        {
            text.Append(Phrases.Get("redirect", language)).Append(": ").Append(redirect.Office).Append('.');
            if (redirect.Url is { } redirectUrl)
            {
                text.Append(' ').Append(redirectUrl);
            }

            return text.ToString();
        }

        text.Append(Place(view, language, officeNow)).Append("\n\n");
        if (view.Documents.Count > 0)
        {
            text.Append(Phrases.Get("bring", language)).Append(": ").Append(string.Join("; ", view.Documents)).Append(".\n\n");
        }

        text.Append(Phrases.Get("fees", language)).Append(": ").Append(FeeSummary(view, language)).Append(".\n\n");
        if (view.Fines.Count > 0)
        {
            text.Append(Fines(view, language).TrimStart()).Append("\n\n");
        }

        if (view.Deadline is { } deadline)
        {
            text.Append(Phrases.Get("time", language)).Append(": ").Append(deadline).Append("\n\n");
        }

        if (view.Online?.Text is { } online)
        {
            text.Append(Phrases.Get("online", language)).Append(": ").Append(online);
            if (view.Online.Url is { } url)
            {
                text.Append(' ').Append(url);
            }
        }

        return text.ToString().TrimEnd();
    }

    /// <summary>The short message above the Adaptive Card on channels that show one: what it is and where to go today.</summary>
    public static string Lead(ServiceCard card, CardCatalogue catalogue, Language language, DateTimeOffset officeNow)
    {
        var view = LocalizedCard.From(card, catalogue, language);
        return view.Redirect is null ? $"**{view.Title}**\n\n{Place(view, language, officeNow)}" : Write(card, catalogue, language, officeNow);
    }

    /// <summary>"Details": the procedure step by step, every document, and the fees one by one.</summary>
    public static string Details(ServiceCard card, CardCatalogue catalogue, Language language)
    {
        var view = LocalizedCard.From(card, catalogue, language);
        var text = new StringBuilder().Append("**").Append(view.Title).Append("**\n\n");
        if (view.Steps.Count > 0)
        {
            text.Append(Phrases.Get("steps", language)).Append(":\n\n");
            text.AppendJoin('\n', view.Steps.Select((step, i) => $"{i + 1}. {step}")).Append("\n\n");
        }

        if (view.Documents.Count > 0)
        {
            text.Append(Phrases.Get("bring", language)).Append(":\n\n").AppendJoin('\n', view.Documents.Select(d => "- " + d)).Append("\n\n");
        }

        text.Append(Phrases.Get("fees", language)).Append(": ").Append(FeeList(view, language)).Append(Fines(view, language));
        if (view.Payment is { } payment)
        {
            text.Append("\n\n").Append(payment);
        }

        return text.ToString();
    }

    /// <summary>How a line of the list to keep starts: a Markdown list item with a tick box.</summary>
    public const string ChecklistItem = "- ☐ ";

    /// <summary>
    /// "Write it down": everything needed on the day as one plain message with tick boxes, which the
    /// person keeps, copies or photographs (the office's standard: offer to write the list down).
    /// The things to bring are a Markdown list ("- ☐ …"), so Web Chat shows one per line and text
    /// channels show the same lines as they are.
    /// </summary>
    public static string Checklist(ServiceCard card, CardCatalogue catalogue, Language language)
    {
        var view = LocalizedCard.From(card, catalogue, language);
        var text = new StringBuilder().Append(Phrases.Get("checklist_intro", language)).Append("\n\n**").Append(view.Title).Append("**\n\n");
        text.Append(Phrases.Get("where", language)).Append(": ").Append(Location(view, language));
        text.Append("\n\n").Append(Phrases.Get("hours", language)).Append(": ").Append(WeekHours(view.Unit, language));
        if (view.Unit.Phone is { } phone)
        {
            text.Append(", tel. ").Append(phone);
        }

        text.Append("\n\n").AppendJoin('\n', view.Documents.Select(d => ChecklistItem + d));
        if (view.Fees.Any(f => f.Amount > 0))
        {
            text.Append('\n').Append(ChecklistItem).Append(Phrases.Get("fees", language)).Append(": ").Append(FeeSummary(view, language)).Append(view.Payment is { } pay ? $" ({pay})" : "");
        }

        if (view.Deadline is { } deadline)
        {
            text.Append("\n\n").Append(Phrases.Get("time", language)).Append(": ").Append(deadline);
        }

        if (view.Online?.Url is { } url)
        {
            text.Append("\n\n").Append(Phrases.Get("online", language)).Append(": ").Append(url);
        }

        return text.ToString();
    }

    /// <summary>How to book a visit for this matter (by phone, with the unit's hours).</summary>
    public static string Booking(ServiceCard card, CardCatalogue catalogue, Language language)
    {
        var view = LocalizedCard.From(card, catalogue, language);
        return $"**{view.Title}**\n\n" + string.Format(CultureInfo.InvariantCulture, Phrases.Get("book_by_phone", language),
            view.Unit.Phone ?? catalogue.Office.Phone, WeekHours(view.Unit, language));
    }

    /// <summary>The unit's week as "pn 7:30–15:30, wt …" in the person's language.</summary>
    public static string WeekHours(CardUnitView unit, Language language) =>
        WeekHours(unit.Hours.Select(h => (h.Day, h.Hours)), language);

    public static string WeekHours(IEnumerable<(string Day, string Hours)> week, Language language) =>
        string.Join(", ", week.Select(h => $"{DayName(h.Day, language)} {h.Hours.Replace("-", "–", StringComparison.Ordinal)}"));

    private static string DayName(string code, Language language)
    {
        var index = Array.IndexOf(Days, code);
        var names = language switch
        {
            Language.En => new[] { "Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat" },
            Language.Uk => ["нд", "пн", "вт", "ср", "чт", "пт", "сб"],
            Language.Ru => ["вс", "пн", "вт", "ср", "чт", "пт", "сб"],
            _ => ["niedz", "pn", "wt", "śr", "czw", "pt", "sob"],
        };
        return index < 0 ? code : names[index];
    }

    /// <summary>Each fee in force ("54 zł – dowód rejestracyjny"), the optional ones last, and the total of the others.</summary>
    internal static IReadOnlyList<string> FeeLines(LocalizedCard view, Language language)
    {
        // Alternatives stay next to the fee they replace; optional extras come last.
        var alternatives = view.Fees.Any(f => f.Instead);
        var paid = view.Fees.Where(f => f.Amount > 0 || alternatives && !f.Optional).OrderBy(f => f.Optional).ToList();
        // "+" says "on top of the fee above"; an optional fee alone has nothing to add to.
        var onTop = paid.Any(f => f.Counted);
        var lines = paid.Select(f => $"{(f.Optional && onTop ? "+ " : f.Instead ? Phrases.Get("or", language) + " " : "")}{(f.Amount == 0 ? Phrases.Get("free", language) : Money(f.Amount))} – {f.For}").ToList();
        if (paid.Count(f => f.Counted) > 1)
        {
            lines.Add($"{Phrases.Get("total", language)}: {Money(view.FeesTotal)}");
        }

        return lines;
    }

    /// <summary>What it costs in one phrase: "bezpłatnie", "81 zł", "81 zł (+ opłaty w niektórych przypadkach)", "od 40 zł".</summary>
    internal static string FeeSummary(LocalizedCard view, Language language)
    {
        var optional = view.Fees.Where(f => f.Optional && f.Amount > 0).ToList();
        return view.Fees.All(f => f.Amount == 0) ? Phrases.Get("free", language)
            : view.FeesTotal == 0 && optional.Count > 0 && !view.Fees.Any(f => f.Counted) ? string.Format(CultureInfo.InvariantCulture, Phrases.Get("fees_from", language), Money(optional.Min(f => f.Amount)))
            : view.Fees.Any(f => f.Instead) ? $"{(view.FeesTotal == 0 ? Phrases.Get("free", language) : Money(view.FeesTotal))} ({Phrases.Get("fees_differ", language)})"
            : optional.Count > 0 ? $"{Money(view.FeesTotal)} ({Phrases.Get("fees_more_sometimes", language)})"
            : Money(view.FeesTotal);
    }

    internal static string FeeList(LocalizedCard view, Language language) => view.Fees.All(f => f.Amount == 0)
        ? Phrases.Get("free", language)
        : string.Join("; ", FeeLines(view, language));

    /// <summary>The fines the law sets for missing the matter's deadline, as a paragraph of its own (empty when none).</summary>
    internal static string Fines(LocalizedCard view, Language language) => view.Fines.Count == 0
        ? ""
        : $"\n\n{Phrases.Get("fines", language)}: " + string.Join("; ", view.Fines.Select(f => $"{Money(f.Amount)} – {f.For}"));

    internal static string Place(LocalizedCard view, Language language, DateTimeOffset officeNow) =>
        $"{Phrases.Get("where", language)}: {Sentence(Location(view, language))}\n\n{Today(view, language, officeNow)}.";

    // A place note written as a sentence ("…bez biletu z biletomatu.") keeps its own full stop.
    private static string Sentence(string text) => text.EndsWith('.') || text.EndsWith('!') || text.EndsWith('?') ? text : text + ".";

    /// <summary>"Wydział…, Budynek A (ul. …), parter, stanowiska 4–12, sala obsługi".</summary>
    internal static string Location(LocalizedCard view, Language language) => $"{view.Unit.Name}, {view.Where.Describe(language)}";

    /// <summary>Today's hours in the office's time zone (or "closed today"), with the unit's phone.</summary>
    internal static string Today(LocalizedCard view, Language language, DateTimeOffset officeNow)
    {
        var today = Days[(int)officeNow.DayOfWeek];
        var hours = view.Unit.Hours.FirstOrDefault(h => h.Day == today);
        var text = hours is null ? Phrases.Get("closed_today", language) : $"{Phrases.Get("today", language)}: {hours.Hours.Replace("-", "–", StringComparison.Ordinal)}{NowOpen(hours.Hours, language, officeNow)}";
        return view.Unit.Phone is { } phone ? $"{text}, tel. {phone}" : text;
    }

    // At 18:20 "open today 7:30–15:30" alone misleads: say whether the door is open now.
    private static string NowOpen(string hours, Language language, DateTimeOffset officeNow)
    {
        if (!OpeningHours.TryParse(hours, out var opens, out var closes))
        {
            return "";
        }

        var now = TimeOnly.FromDateTime(officeNow.DateTime);
        return now < opens ? " (" + string.Format(CultureInfo.InvariantCulture, Phrases.Get("opens_at", language), opens.ToString("H:mm", CultureInfo.InvariantCulture)) + ")"
            : now >= closes ? " (" + Phrases.Get("closed_now", language) + ")"
            : " (" + Phrases.Get("open_now", language) + ")";
    }

    private static readonly CultureInfo PolishCulture = Language.Pl.Culture();

    internal static string Money(decimal amount) => amount.ToString("0.00", PolishCulture).Replace(",00", "", StringComparison.Ordinal) + " zł";
}
