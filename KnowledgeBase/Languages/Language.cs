using System.Globalization;

namespace Asystent.KnowledgeBase.Languages;

/// <summary>The four languages the office serves. Polish is the reference language of every card.</summary>
public enum Language
{
    Pl,
    En,
    Uk,
    Ru,
}

public static class Languages
{
    public static readonly IReadOnlyList<Language> All = [Language.Pl, Language.En, Language.Uk, Language.Ru];

    /// <summary>The ISO 639-1 code used on the wire and in card files ("pl", "en", "uk", "ru").</summary>
    public static string Code(this Language language) => language switch
    {
        Language.Pl => "pl",
        Language.En => "en",
        Language.Uk => "uk",
        Language.Ru => "ru",
        _ => throw new ArgumentOutOfRangeException(nameof(language)),
    };

    /// <summary>The culture dates, weekdays and numbers are written in for people of this language.</summary>
    public static CultureInfo Culture(this Language language) => CultureInfo.GetCultureInfo(language switch
    {
        Language.En => "en-GB",
        Language.Uk => "uk-UA",
        Language.Ru => "ru-RU",
        _ => "pl-PL",
    });

    public static bool TryParse(string? code, out Language language)
    {
        switch (code?.Trim().ToLowerInvariant())
        {
            case "pl": language = Language.Pl; return true;
            case "en": language = Language.En; return true;
            case "uk" or "ua": language = Language.Uk; return true;
            case "ru": language = Language.Ru; return true;
            default: language = Language.Pl; return false;
        }
    }
}
