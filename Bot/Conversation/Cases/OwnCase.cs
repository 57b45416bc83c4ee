using System.Text.RegularExpressions;
using Asystent.KnowledgeBase.Search.Analyzers;

namespace Asystent.Bot.Conversation.Cases;

/// <summary>
/// Whether a message asks about the person's own case ("na jakim etapie jest mój wniosek", "is my
/// licence ready", "що з моєю заявою") rather than about a matter in general. The intent model hears
/// "status" and "заява" in "status UKR" or "хто розглядає заяву на розстрочку штрафу?" too; those name
/// a matter and are answered from its card, while a question with these signs is a case to look up.
/// </summary>
internal static partial class OwnCase
{
    public static bool IsAsked(string text) => Signs().IsMatch(TextFolding.Fold(text));

    [GeneratedRegex(@"(?<!\p{L})(?:moj\w*|mnie|status (?:mojej |mojego )?(?:sprawy|wniosku)|na jakim etapie|(?:juz )?gotow\w*|do odebrania|nic sie nie dzieje|zlozyl\w* wniosek|"
        + @"my|mine|ready|been (?:reviewed|decided|processed)|still waiting|status of (?:my|the) (?:case|application)|"
        + @"мо[яюєїйе]\w*|мій|мой|мне|мені|готов\w*|на (?:якому|каком) етапі|на каком этапе|статус (?:заяви|справи|заявления|дела)|подав\w* заяв\w*|подал\w* заявлени\w*|чека\w*|жд[уеё]\w*)(?!\p{L})")]
    private static partial Regex Signs();
}
