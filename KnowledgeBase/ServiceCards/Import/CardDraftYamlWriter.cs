using System.Globalization;
using System.Text;

namespace Asystent.KnowledgeBase.ServiceCards.Import;

/// <summary>The draft as a card file, and which fields it fills and which it leaves for staff.</summary>
internal sealed record DraftYaml(string Text, IReadOnlyList<string> Filled, IReadOnlyList<string> Left);

/// <summary>
/// Writes a draft in the card file format (the field order of the shipped cards), Polish only. Every
/// field the document did not give, the translations, and each fee's legal basis and start date are
/// marked with a "DO UZUPEŁNIENIA" comment; what the format has no field for (contact, appeal, notes)
/// follows as comments, so nothing the office wrote is lost.
/// </summary>
internal static class CardDraftYamlWriter
{
    private const string ToDo = "DO UZUPEŁNIENIA";
    private const string Translate = "# en, uk, ru: DO PRZETŁUMACZENIA";
    private const int CommentWidth = 100;

    public static DraftYaml Write(CardDraft draft, DateOnly importedOn)
    {
        var filled = new List<string>();
        var left = new List<string>();
        var yaml = new StringBuilder();
        void Line(string text) => yaml.Append(text).Append('\n');

        Comment(yaml, $"Szkic karty z dokumentu urzędu \"{draft.SourceName}\", zaimportowany {importedOn:yyyy-MM-dd}. "
            + $"Pola oznaczone {ToDo} i tłumaczenia en, uk, ru uzupełniają pracownicy; sprawdź też wszystko, co przeniesiono z dokumentu.", "");
        Line($"id: {draft.Id}");
        Line("kind: service");
        Field(draft.Unit is not null, "unit", filled, left, () => Line($"unit: {Quote(draft.Unit!)}"),
            () => Line($"# unit: {ToDo} (kod jednostki z _office.yaml)"));

        if (draft.Place is { } place)
        {
            filled.Add("where");
            Line("where:");
            if (place.Building is not null) Line($"  building: {Quote(place.Building)}");
            if (place.Floor is not null) Line($"  floor: {place.Floor.Value.ToString(CultureInfo.InvariantCulture)}");
            if (place.Room is not null) Line($"  room: {Quote(place.Room)}");
            if (place.Window is not null) Line($"  window: {Quote(place.Window)}");
        }

        Field(draft.Title is not null, "title.pl", filled, left, () =>
        {
            Line("title:");
            Line($"  pl: {Quote(draft.Title!)}");
            Line($"  {Translate}");
        }, () => Line($"# title: {ToDo}"));

        left.Add("summary");
        Line($"# summary: {ToDo} (dwa, trzy zdania dla mieszkańca: czego dotyczy sprawa, termin, koszt)");
        Field(draft.Steps.Count > 0, "steps.pl", filled, left, () => List("steps", draft.Steps, yaml),
            () => Line($"# steps: {ToDo} (kolejne kroki mieszkańca)"));
        Field(draft.Documents.Count > 0, "documents.pl", filled, left, () => List("documents", draft.Documents, yaml),
            () => Line($"# documents: {ToDo}"));
        Field(draft.Fees.Count > 0, "fees", filled, left, () => Fees(draft.Fees, yaml),
            () => Line($"# fees: {ToDo} (kwoty z przepisem, który je ustala; kwota 0 = bezpłatnie)"));
        if (draft.Fees.Count > 0)
        {
            left.Add("fees[].basis");
            left.Add("fees[].since");
        }

        if (draft.Payment is not null)
        {
            filled.Add("payment.pl");
            Line("payment:");
            Line($"  pl: {Quote(draft.Payment)}");
            Line($"  {Translate}");
        }

        Field(draft.Deadline is not null, "deadline.pl", filled, left, () =>
        {
            Line("deadline:");
            Line($"  pl: {Quote(draft.Deadline!)}");
            Line($"  {Translate}");
        }, () => Line($"# deadline: {ToDo}"));
        Field(draft.LegalBasis.Count > 0, "legal_basis", filled, left, () =>
        {
            Line("legal_basis:");
            foreach (var act in draft.LegalBasis)
            {
                Line($"  - {Quote(act)}");
            }
        }, () => Line($"# legal_basis: {ToDo}"));

        left.Add("keywords");
        Line($"# keywords: {ToDo} (słowa, którymi mieszkańcy pytają o tę sprawę, w czterech językach)");
        left.Add("verified");
        Line($"# verified: {ToDo} (data sprawdzenia z przepisami i źródła)");
        left.Add("translations (en, uk, ru)");
        OfficeText(draft, yaml);
        return new DraftYaml(yaml.ToString(), filled, left);
    }

    private static void Field(bool present, string name, List<string> filled, List<string> left, Action write, Action mark)
    {
        (present ? filled : left).Add(name);
        (present ? write : mark)();
    }

    private static void List(string field, IEnumerable<string> items, StringBuilder yaml)
    {
        yaml.Append(field).Append(":\n  pl:\n");
        foreach (var item in items)
        {
            yaml.Append("    - ").Append(Quote(item)).Append('\n');
        }

        yaml.Append("  ").Append(Translate).Append('\n');
    }

    private static void Fees(IEnumerable<ImportedFee> fees, StringBuilder yaml)
    {
        yaml.Append("fees:\n");
        foreach (var fee in fees)
        {
            yaml.Append("  - amount: ").Append(fee.Amount.ToString("0.##", CultureInfo.InvariantCulture)).Append('\n');
            yaml.Append("    for: { pl: ").Append(Quote(fee.For.Length > 0 ? fee.For : "opłata")).Append(" }\n");
            yaml.Append("    # basis, since: ").Append(ToDo).Append(" (przepis ustalający kwotę i data, od której obowiązuje; optional/instead, jeśli dotyczy)\n");
        }
    }

    /// <summary>What the office wrote that the card format keeps elsewhere or not at all, as comments for staff.</summary>
    private static void OfficeText(CardDraft draft, StringBuilder yaml)
    {
        var notes = new List<(string Label, string Text)>();
        if (!draft.Contact.IsEmpty)
        {
            var contact = string.Join(", ", draft.Contact.Phones.Select(p => $"tel. {p}").Concat(draft.Contact.Emails.Select(e => $"e-mail {e}")));
            notes.Add(("Kontakt (w karcie projektu telefon i e-mail ma jednostka w _office.yaml)", contact));
        }

        if (draft.Appeal is not null)
        {
            notes.Add(("Tryb odwoławczy (format karty nie ma na to pola; można dopisać do summary lub steps)", draft.Appeal));
        }

        if (draft.PlaceText is not null)
        {
            notes.Add(("Miejsce załatwienia sprawy, jak w dokumencie", draft.PlaceText));
        }

        notes.AddRange(draft.Unmapped.Select(s => (s.Heading, string.Join(" ", s.Lines))));
        if (notes.Count == 0)
        {
            return;
        }

        yaml.Append("#\n# Z dokumentu urzędu, bez osobnego pola w karcie:\n");
        foreach (var (label, text) in notes)
        {
            Comment(yaml, $"{label}: {text}", "  ");
        }
    }

    /// <summary>Wraps a comment at the width staff read comfortably; a line never breaks out of the comment.</summary>
    private static void Comment(StringBuilder yaml, string text, string continuationIndent)
    {
        var line = new StringBuilder("#");
        foreach (var word in text.Split((char[])[' ', '\n', '\r', '\t'], StringSplitOptions.RemoveEmptyEntries))
        {
            if (line.Length + word.Length + 1 > CommentWidth && line.Length > 2)
            {
                yaml.Append(line).Append('\n');
                line.Clear().Append('#').Append(continuationIndent);
            }

            line.Append(' ').Append(word);
        }

        yaml.Append(line).Append('\n');
    }

    /// <summary>A YAML double-quoted scalar: safe for colons, quotes, '#' and any letter, on one line.</summary>
    internal static string Quote(string text)
    {
        var quoted = new StringBuilder("\"");
        foreach (var c in text)
        {
            quoted.Append(c switch
            {
                '"' => "\\\"",
                '\\' => "\\\\",
                '\n' or '\r' or '\t' => " ",
                _ when char.IsControl(c) => "",
                _ => c.ToString(),
            });
        }

        return quoted.Append('"').ToString();
    }
}
