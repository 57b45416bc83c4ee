using System.Text;
using System.Text.RegularExpressions;

namespace Asystent.KnowledgeBase.ServiceCards.Import;

/// <summary>
/// Maps a karta usługi's sections onto a draft card: title, legal basis, documents, fees and payment,
/// deadline, place, steps, contact and appeal. The office directory (when there is one) names the unit
/// and checks the building and the unit's phone and e-mail against what the document says.
/// </summary>
internal static partial class CardDraftMapper
{
    public static CardDraft Map(CardSections sections, string sourceName, CardImportRequest request, OfficeDirectory? office)
    {
        var title = FindTitle(sections, out var titleWarning);
        var draft = new CardDraft { Id = MakeId(request.Id, title), SourceName = sourceName, Title = title };
        if (titleWarning is not null)
        {
            draft.Warnings.Add(titleWarning);
        }

        if (request.Id is { Length: > 0 } wanted && wanted != draft.Id)
        {
            draft.Warnings.Add($"the id '{wanted}' is not a slug; the draft uses '{draft.Id}'");
        }

        draft.LegalBasis.AddRange(CardListItems.Read(sections.LinesOf(CardSectionKind.LegalBasis), sections.Wrapped));
        draft.Documents.AddRange(CardListItems.Read(sections.LinesOf(CardSectionKind.Documents), sections.Wrapped).Select(LowerFirst));
        draft.Steps.AddRange(CardListItems.Read(sections.LinesOf(CardSectionKind.Procedure), sections.Wrapped));
        draft.Deadline = Paragraph(sections.LinesOf(CardSectionKind.Deadline));
        draft.Appeal = Paragraph(sections.LinesOf(CardSectionKind.Appeal));
        MapFees(sections, draft);

        var placeLines = sections.LinesOf(CardSectionKind.Place);
        draft.PlaceText = Paragraph(placeLines);
        if (draft.PlaceText is not null)
        {
            var place = CardPlaceReader.Read(draft.PlaceText);
            draft.Place = place is { Building: null, Floor: null, Room: null, Window: null } ? null : place;
        }

        // Contact details usually sit in their own section, but many cards put the phone under the place.
        var contactLines = sections.LinesOf(CardSectionKind.Contact);
        draft.Contact = CardContactReader.Read(contactLines.Count > 0 ? contactLines.Concat(placeLines) : sections.Sections.SelectMany(s => s.Lines).Concat(sections.Preamble));

        draft.Unmapped.AddRange(sections.Sections.Where(s => s.Kind is CardSectionKind.Notes or CardSectionKind.Forms or CardSectionKind.Hours or CardSectionKind.Other));
        CardDraftUnit.Resolve(draft, request.Unit, office, string.Join('\n', sections.Preamble.Concat(placeLines).Concat(contactLines)));
        return draft;
    }

    private static void MapFees(CardSections sections, CardDraft draft)
    {
        foreach (var section in sections.OfKind(CardSectionKind.Fees))
        {
            var read = CardFeeReader.Read(section.Lines, section.Heading, sections.Wrapped);
            draft.Fees.AddRange(read.Fees);
            if (read.Payment.Count > 0)
            {
                draft.Payment = string.Join(" ", new[] { draft.Payment }.Concat(read.Payment).Where(p => p is not null).Select(p => EndSentence(p!)));
            }

            foreach (var line in read.Unplaced)
            {
                draft.Warnings.Add($"a line of the fees section has no amount and was left out: \"{line}\"");
            }
        }

        if (sections.OfKind(CardSectionKind.Fees).Any() && draft.Fees.Count == 0)
        {
            draft.Warnings.Add("the fees section names no amount in zł; fill in fees by hand");
        }
    }

    /// <summary>
    /// The title from its own section, else from the top of the document: "KARTA USŁUGI – Rejestracja
    /// pojazdu", or the first line after the office's name and the card's number.
    /// </summary>
    private static string? FindTitle(CardSections sections, out string? warning)
    {
        warning = null;
        var title = sections.OfKind(CardSectionKind.Title).SelectMany(s => s.Lines).FirstOrDefault();
        if (title is null)
        {
            foreach (var line in sections.Preamble)
            {
                var named = CardNumber().Match(line);
                if (named.Success && named.Groups["title"].Value.Trim().Length > 3)
                {
                    title = named.Groups["title"].Value;
                    break;
                }

                if (!named.Success && !NotATitle().IsMatch(line) && line.Any(char.IsLetter))
                {
                    title = line;
                    break;
                }
            }
        }

        if (title is null)
        {
            return null;
        }

        title = title.Trim().TrimEnd('.', ':').Trim();
        if (title.Any(char.IsLetter) && title.Where(char.IsLetter).All(char.IsUpper))
        {
            warning = "the title was written in capitals and is now in sentence case; check proper names in it";
            return char.ToUpperInvariant(title[0]) + title[1..].ToLowerInvariant();
        }

        return title;
    }

    /// <summary>The given id, or one made of the title: "Rejestracja pojazdu sprowadzonego" → "rejestracja-pojazdu-sprowadzonego".</summary>
    internal static string MakeId(string? wanted, string? title)
    {
        var source = wanted is { Length: > 0 } ? wanted : title ?? "nowa-karta";
        var ascii = new StringBuilder();
        foreach (var c in source.ToLowerInvariant())
        {
            ascii.Append(c switch
            {
                'ą' => 'a', 'ć' => 'c', 'ę' => 'e', 'ł' => 'l', 'ń' => 'n', 'ó' => 'o', 'ś' => 's', 'ź' or 'ż' => 'z',
                _ => c is (>= 'a' and <= 'z') or (>= '0' and <= '9') ? c : '-',
            });
        }

        var slug = Hyphens().Replace(ascii.ToString(), "-").Trim('-');
        // Titles can be long; ids are typed and read by people, so cut at a word boundary.
        while (slug.Length > 60 && slug.LastIndexOf('-') > 0)
        {
            slug = slug[..slug.LastIndexOf('-')];
        }

        return slug.Length > 0 ? slug : "nowa-karta";
    }

    private static string? Paragraph(IReadOnlyList<string> lines)
    {
        var text = string.Join(" ", lines.Select(l => l.Trim()).Where(l => l.Length > 0));
        return text.Length > 0 ? Spaces().Replace(text, " ") : null;
    }

    private static string EndSentence(string text) => text.EndsWith('.') ? text : text + ".";

    /// <summary>Document lists start items with a capital; the project's cards write them in lower case, unless the word is an acronym.</summary>
    private static string LowerFirst(string item) =>
        item.Length > 1 && char.IsUpper(item[0]) && char.IsLower(item[1]) ? char.ToLowerInvariant(item[0]) + item[1..] : item;

    [GeneratedRegex(@"^\s*karta\s+(usługi|informacyjna|sprawy|opisu usługi)\b(?:\s*(?:nr|numer)\.?\s*[\w./-]+)?\s*(?:[-–—:]\s*(?<title>.+))?$", RegexOptions.IgnoreCase)]
    private static partial Regex CardNumber();

    [GeneratedRegex(@"^\s*(starostwo|urząd|urzad|wydział|powiat|referat|biuro|zarząd|znak|symbol|nr\b|numer|karta|bip|strona|data|wersja|ul\.|tel|e-mail|www|http|zatwierdzi|opracowa|\d)", RegexOptions.IgnoreCase)]
    private static partial Regex NotATitle();

    [GeneratedRegex("-+")]
    private static partial Regex Hyphens();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
