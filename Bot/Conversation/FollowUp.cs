using System.Text.RegularExpressions;
using Asystent.KnowledgeBase.Languages;
using Asystent.KnowledgeBase.Search.Analyzers;

namespace Asystent.Bot.Conversation;

/// <summary>Which part of the card under discussion a short follow-up question asks about.</summary>
internal enum CardAspect
{
    None,
    Fees,
    Place,
    Documents,
    Time,
}

/// <summary>Recognises follow-ups ("ile to kosztuje?", "gdzie to jest?") and requests to switch language.</summary>
internal static partial class FollowUp
{
    public static CardAspect Aspect(string text)
    {
        var folded = TextFolding.Fold(text);
        return Fees().IsMatch(folded) ? CardAspect.Fees
            : Documents().IsMatch(folded) ? CardAspect.Documents
            : Time().IsMatch(folded) ? CardAspect.Time
            : Place().IsMatch(folded) ? CardAspect.Place
            : CardAspect.None;
    }

    /// <summary>The language the person asks to be answered in ("po polsku", "English please"), if any.</summary>
    public static Language? LanguageRequest(string text)
    {
        var folded = TextFolding.Fold(text);
        if (folded.Length > 40)
        {
            return null;
        }

        return Polish().IsMatch(folded) ? Language.Pl
            : English().IsMatch(folded) ? Language.En
            : Ukrainian().IsMatch(folded) ? Language.Uk
            : Russian().IsMatch(folded) ? Language.Ru
            : null;
    }

    [GeneratedRegex(@"\b(ile (to )?kosztuje|ile (trzeba )?zaplac|koszt|oplat|cena|how much|cost|fee|price|скільки коштує|вартість|оплат|сколько стоит|цена|стоимость)")]
    private static partial Regex Fees();

    [GeneratedRegex(@"\b(co (trzeba )?(zabrac|wziac|przyniesc)|jakie dokumenty|dokument|what (do i|to) bring|documents|які документи|що взяти|какие документы|что взять)")]
    private static partial Regex Documents();

    [GeneratedRegex(@"\b(ile (to )?trwa|jak dlugo|kiedy bedzie|how long|скільки (це )?триває|як довго|сколько (это )?длится|как долго)")]
    private static partial Regex Time();

    [GeneratedRegex(@"\b(gdzie (to )?(jest|isc|sie)|ktory pokoj|w ktorym pokoju|ktore pietro|where is|which room|де це|куди йти|яка кімната|где это|куда идти|какой кабинет)")]
    private static partial Regex Place();

    [GeneratedRegex(@"^(prosze )?(po polsku|polski|mow po polsku|in polish)( prosze)?[.!]?$")]
    private static partial Regex Polish();

    [GeneratedRegex(@"^(in english|english( please)?|speak english|po angielsku|англійською|по-английски|на английском)[.!]?$")]
    private static partial Regex English();

    [GeneratedRegex(@"^(українською|по-українськи|українська|in ukrainian|po ukrainsku|на украинском)( будь ласка)?[.!]?$")]
    private static partial Regex Ukrainian();

    [GeneratedRegex(@"^(по-русски|на русском|русский|in russian|po rosyjsku|російською)( пожалуйста)?[.!]?$")]
    private static partial Regex Russian();
}
