using System.Text.RegularExpressions;
using Asystent.KnowledgeBase.Search.Analyzers;

namespace Asystent.Bot.Conversation;

/// <summary>
/// Short social messages the intent model is not trusted with, because a wrong guess costs a lot:
/// goodbyes in every language (also after thanks: "dzięki, pa"), "are you a robot?", and rudeness,
/// which gets a calm answer instead of "I did not understand".
/// </summary>
internal static partial class SmallTalk
{
    private const int MaxWords = 8;

    /// <summary>The kind of small talk (<see cref="TurnKinds"/>), or null when the message is about something else.</summary>
    public static string? Of(string text)
    {
        var folded = TextFolding.Fold(text).Trim();
        if (folded.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length > MaxWords)
        {
            return null;
        }

        return Goodbye().IsMatch(folded) ? TurnKinds.Goodbye
            : Robot().IsMatch(folded) ? TurnKinds.Robot
            : Help().IsMatch(folded) ? TurnKinds.Help
            : Rude().IsMatch(folded) ? TurnKinds.Rudeness
            : null;
    }

    /// <summary>Whether a message complains about how a person was treated ("pani w okienku była niemiła"), at any length.</summary>
    public static bool IsComplaint(string text)
    {
        var folded = TextFolding.Fold(text);
        return Mistreated().IsMatch(folded) && Staff().IsMatch(folded);
    }

    [GeneratedRegex(@"w czym (mozesz|mozecie|moze pan|moze pani) (mi )?pomoc|co (potrafisz|umiesz)|what can you (do|help)|how can you help|з чим (ви |ти )?(можете|можеш) допомогти|що (ви |ти )?вмієте|чем (вы |ты )?(можете|можешь) помочь|что (вы |ты )?умеете")]
    private static partial Regex Help();

    [GeneratedRegex(@"niemil|niegrzeczn|nieuprzejm|chamsk|opryskliw|krzycz|zle potraktow|rude|impolite|unfriendly|unpleasant|shouted|yelled|неввічлив|груб|нахаб|кричал|хамил|хамств|невежлив|наорал")]
    private static partial Regex Mistreated();

    [GeneratedRegex(@"pani|pan\b|urzedni|pracowni|okienk|stanowisk|clerk|staff|officer|employee|woman|man at|desk|lady|працівни|жінка|чоловік|віконц|урядов|сотрудни|женщина|мужчина|окошк|чиновни")]
    private static partial Regex Staff();

    [GeneratedRegex(@"^(?:(?:ok|okay|dobrze|dzieki|dziekuje|dziekuje bardzo|thanks|thank you|thx|дякую|спасибо|спасибі|добре|хорошо)[\s,.!]*)?(?:pa|papa|pa pa|do widzenia|do zobaczenia|na razie|narazie|zegnam|bye|bye bye|goodbye|see you|бувай|бувайте|до побачення|па-па|пока|до свидания|всего доброго)[\s,.!:)]*$")]
    private static partial Regex Goodbye();

    [GeneratedRegex(@"(?:jestes|czy jestes|czy to|rozmawiam z) (?:robot|botem|bot\b|czlowiek|prawdziw|maszyn|ai\b|sztuczn)|^(?:robot|bot)\?|are you (?:a )?(?:bot|robot|human|real|machine|ai\b)|am i (?:talking|chatting) (?:to|with) (?:a )?(?:bot|human|person|machine)|(?:ти|ви) (?:бот|робот|людина|жива людина)|(?:ты|вы) (?:бот|робот|человек|живой)|(?:це|это) (?:бот|робот)|(?:czlowiek|czlowiekiem|osoba|osoba) czy (?:program|bot|robot|maszyna)|human or (?:a )?(?:bot|program|machine)|(?:людина|людиною) чи (?:програма|бот|робот)|(?:человек|человеком) или (?:программа|бот|робот)|справжня людина|живой человек|prawdziwy czlowiek|real person")]
    private static partial Regex Robot();

    [GeneratedRegex(@"(?<![\p{L}])(?:glup(?:i|ia|ie|ek)|idiot|debil|kretyn|beznadziej|do niczego|do dupy|stupid|useless|dumb|idiot|rubbish bot|дурн|тупий|тупой|ідіот|идиот|бесполезн|марний|никчемн)")]
    private static partial Regex Rude();
}
