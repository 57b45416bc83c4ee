using System.Globalization;
using System.Text.RegularExpressions;

namespace Asystent.KnowledgeBase.ServiceCards.Import;

/// <summary>A fee found in the document: the amount in PLN and what it is for, as the office wrote it.</summary>
internal sealed record ImportedFee(decimal Amount, string For);

/// <summary>What the fees section says: the amounts, how to pay, and lines that fit neither (left for staff).</summary>
internal sealed record ImportedFees(IReadOnlyList<ImportedFee> Fees, IReadOnlyList<string> Payment, IReadOnlyList<string> Unplaced);

/// <summary>
/// Reads amounts ("54,00 zł", "1 000 zł", "17 PLN") with what they are for from the fees section. A line
/// with several amounts is cut between them: after each amount when the line starts with one
/// ("54 zł – dowód, 13,50 zł – pozwolenie"), else before ("dowód 54 zł, pozwolenie 13,50 zł").
/// "Bezpłatne", "nie podlega opłacie" and the like give one free (0 zł) entry.
/// </summary>
internal static partial class CardFeeReader
{
    public static ImportedFees Read(IReadOnlyList<string> lines, string sectionHeading, bool wrapped)
    {
        var fees = new List<ImportedFee>();
        var payment = new List<string>();
        var unplaced = new List<string>();
        foreach (var item in CardListItems.Read(lines, wrapped).SelectMany(SplitAfterAmount))
        {
            var amounts = Amount().Matches(item);
            if (amounts.Count == 0)
            {
                if (Free().IsMatch(item))
                {
                    fees.Add(new ImportedFee(0, Describe(item)));
                }
                else if (PaymentWords().IsMatch(item))
                {
                    payment.Add(item);
                }
                else
                {
                    unplaced.Add(item);
                }

                continue;
            }

            var startsWithAmount = amounts[0].Index <= 2;
            for (var i = 0; i < amounts.Count; i++)
            {
                var from = startsWithAmount ? amounts[i].Index : (i == 0 ? 0 : amounts[i - 1].Index + amounts[i - 1].Length);
                var to = startsWithAmount ? (i + 1 < amounts.Count ? amounts[i + 1].Index : item.Length) : amounts[i].Index + amounts[i].Length;
                var segment = item[from..to].Replace(amounts[i].Value, " ", StringComparison.Ordinal);
                var description = Describe(segment);
                // "17 zł" alone under "Opłata skarbowa za pełnomocnictwo" is for what the heading says.
                fees.Add(new ImportedFee(ParseAmount(amounts[i]), description.Length > 0 ? description : Describe(sectionHeading)));
            }
        }

        return new ImportedFees(fees, payment, unplaced);
    }

    /// <summary>"Opłata – 10 zł. Opłatę wnosi się w kasie." is a fee and a payment note: the sentence after the amount goes apart.</summary>
    private static IEnumerable<string> SplitAfterAmount(string item)
    {
        var amounts = Amount().Matches(item);
        if (amounts.Count > 0 && SentenceAfter().Match(item, amounts[^1].Index + amounts[^1].Length) is { Success: true } next && !Amount().IsMatch(item[next.Index..]))
        {
            yield return item[..next.Index].Trim();
            yield return item[next.Index..].Trim();
        }
        else
        {
            yield return item;
        }
    }

    private static decimal ParseAmount(Match amount)
    {
        var whole = amount.Groups["whole"].Value.Replace(" ", "", StringComparison.Ordinal).Replace("\u00a0", "", StringComparison.Ordinal).Replace(".", "", StringComparison.Ordinal);
        var fraction = amount.Groups["fraction"].Success ? amount.Groups["fraction"].Value : "0";
        return decimal.Parse($"{whole}.{fraction}", CultureInfo.InvariantCulture);
    }

    /// <summary>The words of a fee without the amount's leftovers: "– w wysokości", "kwota:", dangling brackets and dashes.</summary>
    private static string Describe(string segment)
    {
        var text = Filler().Replace(segment, " ");
        text = EmptyBrackets().Replace(Spaces().Replace(text, " "), "").Trim().Trim('–', '—', '-', ':', '=', ',', ';', '.', ' ').Trim();
        // The amount may have sat inside brackets ("opłata (17 zł)"): drop a bracket left without its pair.
        if (text.EndsWith('(') || (text.EndsWith(')') && text.Count(c => c == ')') > text.Count(c => c == '(')))
        {
            text = text[..^1].TrimEnd();
        }
        if (text.Length > 1 && char.IsUpper(text[0]) && char.IsLower(text[1]))
        {
            text = char.ToLowerInvariant(text[0]) + text[1..];
        }

        return text;
    }

    [GeneratedRegex(@"(?<![\d,.])(?<whole>\d{1,3}(?:[ \u00a0.]\d{3})+|\d+)(?:,(?<fraction>\d{1,2})|\.(?<fraction>\d{2}))?\s*(?:zł|złotych|złote|zl|PLN)(?!\p{L})", RegexOptions.IgnoreCase)]
    private static partial Regex Amount();

    [GeneratedRegex(@"\b(bezpłatn|nieodpłatn|nie podlega opłat|nie pobiera się opłat|brak opłat|wolne od opłat|zwolnion\p{L}* z opłat|bez opłat)", RegexOptions.IgnoreCase)]
    private static partial Regex Free();

    [GeneratedRegex(@"\b(konto|kont[ao]|rachun|przelew|kas[aiy]e?\b|kasie|wpłac|wpłat|uiszcz|zapłac|płatnoś|BLIK|kart[aąęy] płatnicz|terminal|gotówk)", RegexOptions.IgnoreCase)]
    private static partial Regex PaymentWords();

    [GeneratedRegex(@"\b(w wysokości|w kwocie|kwota|kwocie|wynosi|koszt)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Filler();

    [GeneratedRegex(@"(?<=\.\s+)\p{Lu}")]
    private static partial Regex SentenceAfter();

    [GeneratedRegex(@"\(\s*\)")]
    private static partial Regex EmptyBrackets();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
