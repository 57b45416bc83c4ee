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
    Hours,
    Online,
    Payment,
    Parking,
    Access,
}

/// <summary>Recognises follow-ups ("ile to kosztuje?", "gdzie to jest?") and requests to switch language.</summary>
internal static partial class FollowUp
{
    private const int MinNamingLetters = 4;

    public static CardAspect Aspect(string text)
    {
        var folded = TextFolding.Fold(text);
        // The more particular questions first: "jak zapłacić" is about paying, not about the fee.
        return Payment().IsMatch(folded) && !HowMuch().IsMatch(folded) ? CardAspect.Payment
            : Fees().IsMatch(folded) ? CardAspect.Fees
            : Documents().IsMatch(folded) ? CardAspect.Documents
            : Online().IsMatch(folded) ? CardAspect.Online
            : Parking().IsMatch(folded) ? CardAspect.Parking
            : Access().IsMatch(folded) ? CardAspect.Access
            : Hours().IsMatch(folded) ? CardAspect.Hours
            : Time().IsMatch(folded) ? CardAspect.Time
            : Place().IsMatch(folded) ? CardAspect.Place
            : CardAspect.None;
    }

    /// <summary>
    /// The message without the nouns of a visit ("wizytę", "termin", "appointment", "визит"): they say
    /// nothing of the matter and pull cards that mention visits. The verbs stay: "zapisać się na egzamin"
    /// is the exam's own matter.
    /// </summary>
    public static string WithoutVisitWords(string text) => VisitWords().Replace(text, " ").Trim();

    /// <summary>Whether the message asks for a visit ("umówić się", "book", "записатися").</summary>
    public static bool AsksToBook(string text) => BookingWords().IsMatch(text);

    /// <summary>The message without the words that ask for a visit ("umówić się", "book an appointment", "записатися на прийом").</summary>
    public static string WithoutBookingWords(string text) => BookingWords().Replace(text, " ").Trim();

    /// <summary>Whether a short message goes on from the last answer ("a póki co mogę jeździć?", "and meanwhile?", "а поки можна їздити?").</summary>
    public static bool GoesOn(string text) =>
        text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length <= MaxGoingOnWords && GoingOn().IsMatch(TextFolding.Fold(text));

    private const int MaxGoingOnWords = 8;

    /// <summary>Whether a message points back at the matter under discussion ("a tam?", "that department", "це").</summary>
    public static bool Refers(string text) => Reference().IsMatch(TextFolding.Fold(text));

    /// <summary>Whether a message speaks of a complaint in so many words ("chcę złożyć skargę", "I want to complain", "жалоба").</summary>
    public static bool SaysComplaint(string text) => ComplaintWord().IsMatch(TextFolding.Fold(text));

    /// <summary>Whether a message asks how to complain (answered with the card) rather than complaining (acknowledged).</summary>
    public static bool AsksHowToComplain(string text) => HowToComplain().IsMatch(TextFolding.Fold(text));

    /// <summary>
    /// What a follow-up says besides the part of the card it asks about ("a ile kosztuje paszport?" →
    /// "a paszport"): when that still names a matter, the question is about that matter.
    /// </summary>
    public static string Remainder(string text)
    {
        var folded = TextFolding.Fold(text);
        var asked = new bool[folded.Length];
        foreach (var aspect in new[] { Payment(), Fees(), Documents(), Online(), Parking(), Access(), Hours(), Time(), Place(), HowMuch() })
        {
            foreach (Match match in aspect.Matches(folded))
            {
                // Whole words go: "papiery" leaves nothing behind, not "y".
                var (start, end) = (match.Index, match.Index + match.Length);
                while (start > 0 && char.IsLetterOrDigit(folded[start - 1]))
                {
                    start--;
                }

                while (end < folded.Length && char.IsLetterOrDigit(folded[end]))
                {
                    end++;
                }

                Array.Fill(asked, true, start, end - start);
            }
        }

        // Short words left over ("a", "się", "da") name no matter; "paszport", "dowodu" do.
        // The person's own letters are searched ("zgubiłem" reaches its lemma, "zgubilem" may not):
        // folding keeps one letter for one in Polish and Cyrillic; where it does not, the folded text is.
        var source = folded.Length == text.Length ? text : folded;
        var rest = new string(source.Where((_, i) => !asked[i]).ToArray());
        return string.Join(' ', rest.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Where(w => w.Count(char.IsLetterOrDigit) >= MinNamingLetters));
    }

    /// <summary>The turn kind a follow-up is noted as ("fees", "place", …).</summary>
    public static string Kind(CardAspect aspect) => aspect.ToString().ToLowerInvariant();

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

    [GeneratedRegex(@"\b(ile (to )?kosztuje|ile (trzeba )?zaplac|ile (sie )?placi|koszt|oplat|cena|how much|cost|fee|price|скільки (це )?кошту|вартість|оплат|ціна|сколько (это )?стоит|цена|стоимость|платить)")]
    private static partial Regex Fees();

    [GeneratedRegex(@"\b(jak (mam |moge |mozna )?(zaplacic|placic|oplacic)|gdzie (mam |moge |mozna )?(zaplacic|placic|oplacic)|czy (mozna|moge) (zaplacic|placic)|zaplacic|zaplace|placic|oplacic|blik|przelew|gotowk|pay|оплатити|заплатити|оплатить|заплатить|how (do i|can i|to) pay|pay by card|where (do i|can i|to) pay|як (можна )?(оплатити|заплатити)|де (можна )?(оплатити|заплатити)|карткою|готівк|как (можно )?(оплатить|заплатить)|где (можно )?(оплатить|заплатить)|картой|наличн)")]
    private static partial Regex Payment();

    [GeneratedRegex(@"\b(co (trzeba |mam |musze )?(zabrac|wziac|przyniesc|miec ze soba)|jakie dokumenty|dokument|papier|what (do i|to|should i) (need to )?bring|need to bring|bring with me|what do i need|documents|paperwork|які документи|що (треба |потрібно )?(взяти|принести)|документ|какие документы|что (нужно |надо )?(взять|принести))")]
    private static partial Regex Documents();

    [GeneratedRegex(@"\b(przez (internet|neta)|online|on-line|elektronicz|epuap|profil zaufan|gov\.pl|bez wychodzenia|z domu|can i (do|apply|file) (it|this) (online|from home)|internet|через інтернет|онлайн|дистанційно|через интернет|из дома|з дому)")]
    private static partial Regex Online();

    [GeneratedRegex(@"\b(parking|parkow|zaparkowac|where (can i|to) park|car park|паркін|паркув|припаркув|парков|припарков)")]
    private static partial Regex Parking();

    [GeneratedRegex(@"\b(wozk|winda|wind[ay]|niepelnospraw|schod|podjazd|dostepn|wheelchair|lift|elevator|accessib|disabled|stairs|візок|візку|ліфт|інвалідн|сход|коляск|лифт|инвалид|лестниц)")]
    private static partial Regex Access();

    [GeneratedRegex(@"\b(godzin[ay]? (otwarcia|pracy|urzedowania)|w jakich godzinach|kiedy (jest )?(czynne|otwarte|pracuj)|czy (jest |teraz )?(czynne|otwarte)|do ktorej|od ktorej|opening hours|office hours|when (is it|are you|is the .+) open|is it open|open (now|today)|години (роботи|прийому)|коли (працює|відчинено)|відчинено|відкрито|часы (работы|приема)|когда (работает|открыто)|открыто ли|до скольки)")]
    private static partial Regex Hours();

    [GeneratedRegex(@"\b(ile (to )?trwa|jak dlugo|ile (sie )?czeka|kiedy bedzie (gotow|do odbioru)|ile (mam |jest )?(na to )?czasu|do kiedy|how long|how much time|deadline|when (will|can) (it|i)|скільки (це )?(триває|чекати|часу)|як довго|коли буде готов|сколько (это )?(длится|ждать|времени)|как долго|когда будет готов)")]
    private static partial Regex Time();

    [GeneratedRegex(@"^(a |i |and |а |і |и )?(gdzie|where|де|где)\b\W*(\w+\W*){0,3}$|\b(gdzie (to )?(jest|isc|sie|mam|zalatwic|zlozyc)|віконц|окошк|do kogo|ktory pokoj|w ktorym (to )?pokoju|ktore pietro|na ktorym pietrze|jaki pokoj|ktore okienko|ktore stanowisko|adres|where (is|do i go|should i go|to go)|which (room|floor|desk|building)|address|де (це|знаходиться|подати)|куди (йти|звертатися)|яка кімната|який кабінет|поверх|адрес|где (это|находится|подать)|куда (идти|обращаться)|какой (кабинет|этаж)|этаж)")]
    private static partial Regex Place();

    [GeneratedRegex(@"(?<![\p{L}])(to|tego|tym|tam|tamten|tamtym|ten|ta|go|je|jej|ich|budynek|budynku|urzad|urzedzie|wydzial|that|it|there|this|those|them|the building|the office|its|це|цей|ця|цього|цим|там|туди|його|її|їх|будинок|будинку|установ\w*|відділ\w*|это|этот|эта|этого|этом|туда|его|ее|их|здание|здании|учреждени\w*|отдел\w*)(?![\p{L}])")]
    private static partial Regex Reference();

    [GeneratedRegex(@"(jak|gdzie|w jaki sposob|komu|do kogo|how|where|to whom|як|де|куди|как|где|куда)\b.{0,30}(skarg|zazal|complain|скарг|жалоб|пожалув)")]
    private static partial Regex HowToComplain();

    [GeneratedRegex(@"skarg|zazal|reklamacj|complain|скарг|жалоб|пожалув|поскарж")]
    private static partial Regex ComplaintWord();

    [GeneratedRegex(@"^\s*(?:a|i|no a|ok,? a|and|but|so|а|і|и|ну а|ну і|ну и|но)\s")]
    private static partial Regex GoingOn();

    [GeneratedRegex(@"\b(ile|how much|скільки|сколько)\b")]
    private static partial Regex HowMuch();

    [GeneratedRegex(@"(?i)\b(" + VisitNouns + @"|um[óo]wi[ćc](?: si[ęe])?|um[óo]w|zapisa[ćc](?: si[ęe])?|zapisz(?:cie)?|zarezerwowa[ćc]|przyj[śs][ćc]|przyjd[ęe]|przyjecha[ćc]|book(?:ing)?|come in|come by|записатися|запишіть|записати|прийти|прийду|приїхати|записаться|запишите|записать|приехать|приду|подойти)\b")]
    private static partial Regex BookingWords();

    // The nouns of a visit, in both patterns: a booking word, and the words set aside when a booking's matter is looked for.
    private const string VisitNouns = @"wizyt\w*|termin\w*|rezerwacj\w*|appointment\w*|visit\w*|slot\w*|прийом\w*|візит\w*|при[её]м\w*|визит\w*";

    [GeneratedRegex(@"(?i)\b(" + VisitNouns + @")\b")]
    private static partial Regex VisitWords();

    [GeneratedRegex(@"^(prosze )?(po polsku|polski|mow po polsku|in polish)( prosze)?[.!]?$")]
    private static partial Regex Polish();

    [GeneratedRegex(@"^(in english|english( please)?|speak english|po angielsku|англійською|по-английски|на английском)[.!]?$")]
    private static partial Regex English();

    [GeneratedRegex(@"^(українською|по-українськи|українська|in ukrainian|po ukrainsku|на украинском)( будь ласка)?[.!]?$")]
    private static partial Regex Ukrainian();

    [GeneratedRegex(@"^(по-русски|на русском|русский|in russian|po rosyjsku|російською)( пожалуйста)?[.!]?$")]
    private static partial Regex Russian();
}
