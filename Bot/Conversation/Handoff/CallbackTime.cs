using System.Text.RegularExpressions;

namespace Asystent.Bot.Conversation.Handoff;

/// <summary>
/// When a person would like to be called back, as they wrote it ("jutro przed południem", "dziś po
/// 14", "tomorrow morning", "завтра до обіду"): the day and the part of the day, kept in their words
/// for the clerk. Phone numbers are taken out first so their digits are never read as hours.
/// </summary>
internal static partial class CallbackTime
{
    public static string? Find(string text)
    {
        var withoutNumbers = LongNumber().Replace(text, " ");
        var parts = When().Matches(withoutNumbers).Select(m => m.Value.Trim()).Where(v => v.Length > 0).ToList();
        return parts.Count == 0 ? null : string.Join(" ", parts);
    }

    /// <summary>Whether a message asks to be called back ("proszę o telefon", "oddzwońcie", "call me back").</summary>
    public static bool IsRequest(string text) => Request().IsMatch(text);

    // Phone numbers and other long digit runs ("600 100 200", "+48 600-100-200").
    [GeneratedRegex(@"\+?\d[\d \-.]{6,}\d")]
    private static partial Regex LongNumber();

    [GeneratedRegex(@"(?<![\p{L}\d])(?:dzi[śs](?:iaj)?|jutro|pojutrze|(?:w |we )?(?:poniedzia[łl]ek|wtorek|[śs]rod[aęe]|czwartek|pi[ąa]tek)|today|tomorrow|(?:on )?(?:monday|tuesday|wednesday|thursday|friday)|сьогодні|завтра|післязавтра|сегодня|послезавтра|(?:у |в |во )?(?:понеділок|вівторок|середу|четвер|п'ятницю|пʼятницю|понедельник|вторник|среду|четверг|пятницу)|rano|przed po[łl]udniem|po po[łl]udniu|wieczorem|jak najszybciej|(?:in the )?(?:morning|afternoon|evening)|before noon|as soon as possible|asap|зранку|вранці|до обіду|після обіду|якнайшвидше|утром|до обеда|после обеда|как можно скорее|(?:po|przed|od|do|oko[łl]o|o|after|before|from|at|around|після|до|з|о|после|с|в|около)\s\d{1,2}(?::\d{2})?(?:\s?[-–]\s?\d{1,2}(?::\d{2})?)?|\d{1,2}(?::\d{2})?\s?[-–]\s?\d{1,2}(?::\d{2})?)(?![\p{L}\d])", RegexOptions.IgnoreCase)]
    private static partial Regex When();

    [GeneratedRegex(@"oddzwo[ńn]|zadzwo[ńn](?:cie|i[jł])? (?:do mnie|na)|(?:ktoś|ktos|pracownik\w*|urz[ęe]dni\w*|pan|pani) (?:do mnie )?(?:za)?dzwoni|telefon zwrotn|prosz[ęe] o (?:telefon|kontakt)|call me( back)?|callback|call back|(?:someone|somebody) (?:to )?call|передзвон|зателефонуйте мені|хтось (?:мені )?(?:за)?телефонува|перезвон|позвоните мне|кто-(?:то|нибудь) (?:мне )?позвони", RegexOptions.IgnoreCase)]
    private static partial Regex Request();
}
