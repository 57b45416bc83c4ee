using System.Globalization;
using Asystent.KnowledgeBase.Languages;

namespace Asystent.KnowledgeBase.ServiceCards;

/// <summary>
/// Floors, rooms and desks in each language's own words. Cards count floors the Polish way
/// (0 = parter); Ukrainians and Russians count the ground floor as the first, so Polish "1. piętro"
/// is their second floor, and English (British usage) says "ground floor", "first floor".
/// </summary>
public static class PlaceWords
{
    private static readonly string[] UkrainianOrdinals = ["перший", "другий", "третій", "четвертий", "п'ятий", "шостий", "сьомий", "восьмий", "дев'ятий", "десятий"];
    private static readonly string[] RussianOrdinals = ["первый", "второй", "третий", "четвёртый", "пятый", "шестой", "седьмой", "восьмой", "девятый", "десятый"];
    private static readonly string[] EnglishOrdinals = ["ground", "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth"];

    public static string Floor(int floor, Language language) => language switch
    {
        Language.En => floor is >= 0 and < 10 ? $"{EnglishOrdinals[floor]} floor" : $"floor {floor}",
        Language.Uk => floor is >= 0 and < 10 ? $"{UkrainianOrdinals[floor]} поверх" : $"{floor + 1}-й поверх",
        Language.Ru => floor is >= 0 and < 10 ? $"{RussianOrdinals[floor]} этаж" : $"{floor + 1}-й этаж",
        _ => floor == 0 ? "parter" : string.Create(CultureInfo.InvariantCulture, $"{floor}. piętro"),
    };

    /// <summary>"pokój 112", "pokoje 201–210" (a range or a list takes the plural).</summary>
    public static string Room(string room, Language language) => Numbered(room, language switch
    {
        Language.En => ("room", "rooms"),
        Language.Uk => ("кімната", "кімнати"),
        Language.Ru => ("кабинет", "кабинеты"),
        _ => ("pokój", "pokoje"),
    });

    /// <summary>"stanowisko 9", "stanowiska 4–8".</summary>
    public static string Window(string window, Language language) => Numbered(window, language switch
    {
        Language.En => ("desk", "desks"),
        Language.Uk => ("віконце", "віконця"),
        Language.Ru => ("окно", "окна"),
        _ => ("stanowisko", "stanowiska"),
    });

    /// <summary>Building (address), floor, room, desk and the note, e.g. "Budynek A (ul. Kościuszki 12), parter, stanowiska 4–12, sala obsługi".</summary>
    public static string Describe(CardLocation where, Language language)
    {
        var parts = new List<string>
        {
            string.IsNullOrEmpty(where.Address) ? where.Building : $"{where.Building} ({where.Address})",
            Floor(where.Floor, language),
        };
        if (!string.IsNullOrWhiteSpace(where.Room))
        {
            parts.Add(Room(where.Room, language));
        }

        if (!string.IsNullOrWhiteSpace(where.Window))
        {
            parts.Add(Window(where.Window, language));
        }

        if (!string.IsNullOrWhiteSpace(where.Note))
        {
            parts.Add(where.Note);
        }

        return string.Join(", ", parts);
    }

    private static string Numbered(string value, (string One, string Many) words) =>
        $"{(value.IndexOfAny(['–', '-', ',']) >= 0 ? words.Many : words.One)} {value}";
}
