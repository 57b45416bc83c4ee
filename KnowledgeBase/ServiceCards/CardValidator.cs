using System.Text.RegularExpressions;
using Asystent.KnowledgeBase.Appointments;
using Asystent.KnowledgeBase.Languages;

namespace Asystent.KnowledgeBase.ServiceCards;

/// <summary>
/// Checks each card against the schema the assistant relies on: every text in all four languages
/// (nothing falls back to Polish), known unit, fees and fines with their legal basis and dates, the
/// record of the fact check, and links. Text slips have their own rules in <see cref="CardTextRules"/>.
/// </summary>
internal static partial class CardValidator
{
    private static readonly Language[] Translations = [Language.En, Language.Uk, Language.Ru];

    public static IEnumerable<CardProblem> Validate(CardFile file, OfficeDirectory office, BookingSchedule booking)
    {
        if (file.Card is not { } card)
        {
            yield break;
        }

        var problems = new List<CardProblem>();
        void Error(string field, string message) =>
            problems.Add(new CardProblem(file.Path, file.Locator.LineOf(field), field, message));

        var expectedId = Path.GetFileNameWithoutExtension(file.Path);
        if (string.IsNullOrWhiteSpace(card.Id))
        {
            Error("id", "is required");
        }
        else if (!Slug().IsMatch(card.Id))
        {
            Error("id", $"'{card.Id}' must be a slug: lower-case letters, digits and single hyphens");
        }
        else if (card.Id != expectedId)
        {
            Error("id", $"'{card.Id}' must match the file name '{expectedId}.yaml'");
        }

        if (office.FindUnit(card.Unit) is null)
        {
            Error("unit", $"unknown unit '{card.Unit}' (units are listed in _office.yaml)");
        }

        RequireText(card.Title, "title", Error, translated: true);
        RequireText(card.Summary, "summary", Error, translated: true);
        RequireList(card.Steps, "steps", Error, translated: true);
        RequireList(card.Keywords, "keywords", Error, translated: true);
        OptionalText(card.Payment, "payment", Error);
        OptionalText(card.Online?.Text, "online.text", Error);
        OptionalText(card.Where?.Note, "where.note", Error);
        if (card.Kind == CardKind.Service)
        {
            RequireList(card.Documents, "documents", Error, translated: true);
            RequireText(card.Deadline, "deadline", Error, translated: true);
            if (card.LegalBasis.Count == 0)
            {
                Error("legal_basis", "a service card must name its legal basis");
            }
        }
        else
        {
            if (card.Redirect is null)
            {
                Error("redirect", "a redirect card must say which office handles the matter");
            }
            else
            {
                RequireText(card.Redirect.Office, "redirect.office", Error, translated: true);
                RequireText(card.Redirect.Why, "redirect.why", Error, translated: true);
            }
        }

        CheckAmounts(card.Fees, "fees", Error);
        CheckAmounts(card.Fines, "fines", Error);
        if (card.Verified is not { Date: not null, Sources.Count: > 0 })
        {
            Error("verified", "record the fact check: the date and at least one source (act, Dz.U. position or page)");
        }

        foreach (var (field, room) in new[] { ("where.room", card.Where?.Room), ("where.window", card.Where?.Window) })
        {
            if (room is not null && !PlaceNumber().IsMatch(room))
            {
                Error(field, $"'{room}' must be a number or range only (\"112\", \"4–8\"); words go in where.note");
            }
        }

        if (card.Online?.Url is { } url && !IsHttpsUrl(url))
        {
            Error("online.url", $"'{url}' must be an absolute https:// address");
        }

        if (card.BookingQueue is { } queue && !Slug().IsMatch(queue))
        {
            Error("booking_queue", $"'{queue}' must be a slug");
        }
        else if (card.BookingQueue is { } named && booking.FindQueue(named) is null)
        {
            Error("booking_queue", $"unknown queue '{named}' (bookable queues are listed in {BookingSchedule.FileName})");
        }

        if (card.Where?.Building is { } building && office.FindBuilding(building) is null)
        {
            Error("where.building", $"unknown building '{building}'");
        }

        for (var i = 0; i < card.Related.Count; i++)
        {
            if (card.Related[i] == card.Id)
            {
                Error($"related[{i}]", "a card cannot be related to itself");
            }
        }

        foreach (var (field, text) in CyrillicTexts(card))
        {
            if (MixedScriptWord().Match(text) is { Success: true } mixed)
            {
                problems.Add(new CardProblem(file.Path, file.Locator.LineOf(field), field,
                    $"'{mixed.Value}' mixes Latin and Cyrillic letters (a typing slip that breaks search)", ProblemSeverity.Warning));
            }
        }

        problems.AddRange(CardTextRules.Check(card, file));
        foreach (var problem in problems)
        {
            yield return problem;
        }
    }

    private static IEnumerable<(string Field, string Text)> CyrillicTexts(ServiceCard card)
    {
        foreach (var language in new[] { Language.Uk, Language.Ru })
        {
            var code = language.Code();
            yield return ($"title.{code}", card.Title.In(language) ?? "");
            yield return ($"summary.{code}", card.Summary.In(language) ?? "");
            foreach (var (list, name) in new[] { (card.Steps, "steps"), (card.Documents, "documents"), (card.Keywords, "keywords") })
            {
                var items = list.In(language) ?? [];
                for (var i = 0; i < items.Count; i++)
                {
                    yield return ($"{name}.{code}[{i}]", items[i]);
                }
            }
        }
    }

    [GeneratedRegex(@"\b(?=\w*[a-zA-Z])(?=\w*[\u0400-\u04FF])\w+\b")]
    private static partial Regex MixedScriptWord();

    /// <summary>Every fee and fine: a non-negative amount, what it is for in four languages, the provision that sets it, and from when.</summary>
    private static void CheckAmounts(List<CardFee> amounts, string field, Action<string, string> error)
    {
        for (var i = 0; i < amounts.Count; i++)
        {
            var fee = amounts[i];
            if (fee.Amount < 0)
            {
                error($"{field}[{i}].amount", "must not be negative");
            }

            RequireText(fee.For, $"{field}[{i}].for", error, translated: true);
            if (fee.Instead && (i == 0 || fee.Optional))
            {
                error($"{field}[{i}].instead", "an alternative is paid instead of the fee listed first: it cannot be the first fee or an optional extra");
            }

            if (string.IsNullOrWhiteSpace(fee.Basis))
            {
                error($"{field}[{i}].basis", "name the act or regulation (article or Dz.U. position) that sets this amount");
            }

            if (fee.Since is null)
            {
                error($"{field}[{i}].since", "give the day from which this amount applies (yyyy-MM-dd)");
            }
            else if (fee.Until is { } until && until <= fee.Since)
            {
                error($"{field}[{i}].until", "must be later than since");
            }
        }
    }

    private static void OptionalText(LocalizedText? text, string field, Action<string, string> error)
    {
        if (text is { Count: > 0 })
        {
            RequireText(text, field, error, translated: true);
        }
    }

    private static void RequireText(LocalizedText text, string field, Action<string, string> error, bool translated)
    {
        if (text.In(Language.Pl) is null)
        {
            error($"{field}.pl", "Polish text is required");
        }

        if (translated)
        {
            foreach (var language in Translations.Where(l => text.In(l) is null))
            {
                error($"{field}.{language.Code()}", "missing translation");
            }
        }
    }

    private static void RequireList(LocalizedList list, string field, Action<string, string> error, bool translated)
    {
        if (list.In(Language.Pl) is null)
        {
            error($"{field}.pl", "at least one Polish item is required");
        }

        if (translated)
        {
            foreach (var language in Translations.Where(l => list.In(l) is null))
            {
                error($"{field}.{language.Code()}", "missing translation");
            }
        }
    }

    private static bool IsHttpsUrl(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme == Uri.UriSchemeHttps;

    [GeneratedRegex(@"^[0-9]+[a-zA-Z]?(\s*[–,-]\s*[0-9]+[a-zA-Z]?)*$")]
    private static partial Regex PlaceNumber();

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex Slug();
}
