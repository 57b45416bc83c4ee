using System.Text.RegularExpressions;

namespace Asystent.KnowledgeBase.ServiceCards.Import;

/// <summary>
/// The headings Polish karty usług use, with their usual variants. Matching ignores case, a leading
/// number ("3.", "III.", "c)"), a trailing colon and extra spaces. A paragraph must be a whole heading
/// (or a heading, a colon and content): "Opłata skarbowa 17 zł" under "Opłaty" stays content.
/// </summary>
internal static partial class CardSectionHeadings
{
    private static readonly (CardSectionKind Kind, string Pattern)[] Alternatives =
    [
        (CardSectionKind.Title, (@"nazwa( usługi| sprawy| procedury)?|przedmiot sprawy|(rodzaj )?usługa|sprawa")),
        (CardSectionKind.LegalBasis, (@"podstawa prawna( (usługi|sprawy|wykonywanej usługi|załatwienia sprawy|wydania decyzji))?|podstawy prawne|akty prawne|przepisy prawne")),
        (CardSectionKind.Documents, (@"(wymagane|niezbędne|potrzebne) (dokumenty|załączniki)( i (załączniki|formularze|wnioski))?( do (wglądu|złożenia|wniosku))?"
            + @"|dokumenty (wymagane|niezbędne|do złożenia|do wglądu)( do załatwienia sprawy)?|wykaz (wymaganych )?dokumentów|załączniki( do wniosku)?"
            + @"|co (należy|trzeba) (złożyć|przygotować|dostarczyć|przynieść)|dokumenty")),
        (CardSectionKind.Fees, (@"(wymagane )?opłat[ay]( skarbow[ae]| administracyjn[ae]| komunikacyjn[ae]| ewidencyjn[ae])?( i (inne )?opłaty)?"
            + @"|wysokość opłat[y]?|opłaty i sposób (ich )?(zapłaty|uiszczenia|wnoszenia)|koszty?( usługi| załatwienia sprawy)?|opłata skarbowa i inne opłaty")),
        (CardSectionKind.Deadline, (@"termin(y)?( i sposób)? (załatwienia|realizacji|rozpatrzenia|wydania)( sprawy| usługi| wniosku| dokumentu)?"
            + @"|sposób i termin załatwienia( sprawy)?|czas (załatwienia|realizacji|oczekiwania)( sprawy| usługi)?|termin")),
        (CardSectionKind.Place, (@"miejsce( i sposób)? (załatwienia|złożenia|składania|odbioru)( sprawy| dokumentów| wniosku| wniosków)?"
            + @"|gdzie (załatwić|złożyć)( sprawę| wniosek| dokumenty)?|(komórka|jednostka) (organizacyjna )?(odpowiedzialna|właściwa|prowadząca|załatwiająca)( sprawę| za załatwienie sprawy)?"
            + @"|(wydział|referat|biuro) (prowadzący|odpowiedzialny|właściwy)( sprawę)?|miejsce|lokalizacja")),
        (CardSectionKind.Contact, (@"kontakt|dane kontaktowe|informacje? kontaktowe|osoba (kontaktowa|do kontaktu|odpowiedzialna)|telefon( kontaktowy)?"
            + @"|informacji udziela(ją)?|informacje (można uzyskać|udziela(ją)?)")),
        (CardSectionKind.Appeal, (@"tryb odwoławczy|(tryb|sposób|możliwość) (odwołania|zaskarżenia)( się)?( od decyzji)?|środki? odwoławcze?|odwołanie|tryb odwołania")),
        (CardSectionKind.Procedure, (@"(sposób|tryb|procedura|przebieg) (załatwienia|postępowania)( sprawy)?|sposób postępowania|procedura|tryb załatwienia sprawy|jak załatwić sprawę")),
        (CardSectionKind.Forms, (@"formularze?( i wnioski| wniosków)?( do pobrania)?|(wnioski|druki|wzory)( wniosków| druków)?( do pobrania)?|do pobrania|karta do pobrania")),
        (CardSectionKind.Notes, (@"uwagi( i informacje dodatkowe)?|informacje dodatkowe|dodatkowe informacje|inne informacje|informacje|ważne")),
        (CardSectionKind.Hours, (@"godziny (pracy|przyjęć|urzędowania|obsługi)( interesantów| klientów| wydziału)?")),
        (CardSectionKind.Other, (@"sposoby? (odbioru|dostarczenia|doręczenia|złożenia)( dokumentów| wniosku| decyzji)?|kto może (złożyć wniosek|załatwić sprawę)|wnioskodawca|dla kogo"
            + @"|(złożenie|załatwienie) (sprawy|wniosku) (elektronicznie|przez internet|drogą elektroniczną)|e-usługa|jednostka nadrzędna|znak sprawy|symbol karty|opis sprawy|ogólny opis")),
    ];

    private static readonly (CardSectionKind Kind, Regex Pattern)[] Headings =
        [.. Alternatives.Select(a => (a.Kind, new Regex($"^(?:{a.Pattern})$", RegexOptions.CultureInvariant)))];

    // A label in a table cell may go on ("Opłaty (skarbowe i komunikacyjne)"): the heading only has to start it.
    private static readonly (CardSectionKind Kind, Regex Pattern)[] LabelStarts =
        [.. Alternatives.Select(a => (a.Kind, new Regex($@"^(?:{a.Pattern})\b", RegexOptions.CultureInvariant)))];

    /// <summary>The section a paragraph line opens, with any content after "Heading:"; null when the line is not a heading.</summary>
    public static (CardSectionKind Kind, string Heading, string Content)? MatchLine(string line)
    {
        var text = Normalize(line);
        var colon = text.IndexOf(':', StringComparison.Ordinal);
        foreach (var (kind, pattern) in Headings)
        {
            if (pattern.IsMatch(text.TrimEnd(':', ' ')))
            {
                return (kind, line.Trim().TrimEnd(':'), "");
            }

            if (colon > 0 && pattern.IsMatch(text[..colon].TrimEnd()))
            {
                // The colon splits the normalised text; find the same colon in the original line.
                var original = line.IndexOf(':', StringComparison.Ordinal);
                return (kind, line[..original].Trim(), line[(original + 1)..].Trim());
            }
        }

        return null;
    }

    /// <summary>The section a table's first cell names. Labels in tables are short, so "Opłaty (skarbowe i komunikacyjne)" still counts.</summary>
    public static CardSectionKind? MatchCell(string cell)
    {
        var firstLine = cell.Split('\n')[0];
        if (MatchLine(firstLine) is { Content.Length: 0 } exact && !cell.Contains('\n', StringComparison.Ordinal))
        {
            return exact.Kind;
        }

        var text = Normalize(cell.Replace('\n', ' ')).TrimEnd(':', ' ');
        if (text.Length > 70)
        {
            return null;
        }

        foreach (var (kind, pattern) in LabelStarts)
        {
            if (pattern.IsMatch(text))
            {
                return kind;
            }
        }

        return null;
    }

    /// <summary>Lower case, no leading number, single spaces, typographic dashes as hyphens.</summary>
    public static string Normalize(string text)
    {
        var lower = text.Trim().ToLowerInvariant().Replace('\u00a0', ' ').Replace('–', '-').Replace('—', '-');
        return Spaces().Replace(LeadingNumber().Replace(lower, ""), " ").Trim();
    }

    [GeneratedRegex(@"^(?:(?:[ivx]{1,4}|\d{1,2}(?:\.\d{1,2})?|[a-z])[.)]|\d{1,2}\s|§\s*\d+\.?)\s*")]
    private static partial Regex LeadingNumber();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
