using System.Globalization;
using System.Text;
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
    private static readonly string[] Days = ["sun", "mon", "tue", "wed", "thu", "fri", "sat"];

    /// <summary>One part of the card, for a follow-up question about the card already under discussion.</summary>
    public static string Aspect(ServiceCard card, CardCatalogue catalogue, Language language, DateTimeOffset officeNow, CardAspect aspect)
    {
        var view = LocalizedCard.From(card, catalogue, language);
        var title = $"**{view.Title}**\n\n";
        switch (aspect)
        {
            case CardAspect.Fees:
                if (view.FeesTotal == 0)
                {
                    return title + Phrases.Get("fees", language) + ": " + Phrases.Get("free", language) + ".";
                }

                var lines = view.Fees.Where(f => f.Amount > 0).Select(f => $"- {Money(f.Amount)} – {f.For}");
                return title + Phrases.Get("fees", language) + ":\n\n" + string.Join("\n", lines) + $"\n\n= {Money(view.FeesTotal)}" + (view.Payment is { } pay ? "\n\n" + pay : "");
            case CardAspect.Documents:
                return title + Phrases.Get("bring", language) + ":\n\n" + string.Join("\n", view.Documents.Select(d => "- " + d));
            case CardAspect.Time:
                return title + Phrases.Get("time", language) + ": " + (view.Deadline ?? "–");
            default:
                return title + Place(view, language, officeNow);
        }
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

        text.Append(Phrases.Get("fees", language)).Append(": ")
            .Append(view.FeesTotal == 0 ? Phrases.Get("free", language) : Money(view.FeesTotal))
            .Append(".\n\n");
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

    private static string Place(LocalizedCard view, Language language, DateTimeOffset officeNow)
    {
        var floor = view.Where.Floor == 0 ? Phrases.Get("ground_floor", language) : string.Format(CultureInfo.InvariantCulture, Phrases.Get("floor", language), view.Where.Floor);
        var text = new StringBuilder();
        text.Append(Phrases.Get("where", language)).Append(": ").Append(view.Unit.Name).Append(", ").Append(view.Where.Building)
            .Append(" (").Append(view.Where.Address).Append("), ").Append(floor);
        if (view.Where.Room is { } room)
        {
            text.Append(", ").Append(string.Format(CultureInfo.InvariantCulture, Phrases.Get("room", language), room));
        }

        text.Append(".\n\n");
        var today = Days[(int)officeNow.DayOfWeek];
        var hours = view.Unit.Hours.FirstOrDefault(h => h.Day == today);
        text.Append(hours is null ? Phrases.Get("closed_today", language) : $"{Phrases.Get("today", language)}: {hours.Hours.Replace("-", "–", StringComparison.Ordinal)}");
        if (view.Unit.Phone is { } phone)
        {
            text.Append(", tel. ").Append(phone);
        }

        return text.Append('.').ToString();
    }

    private static readonly CultureInfo PolishCulture = CultureInfo.GetCultureInfo("pl-PL");

    private static string Money(decimal amount) => amount.ToString("0.00", PolishCulture).Replace(",00", "", StringComparison.Ordinal) + " zł";
}
