using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Asystent.KnowledgeBase.Appointments;

namespace Asystent.KnowledgeBase.ServiceCards.Editing;

/// <summary>One card in the editor's list: what staff look for, and when its file last changed.</summary>
public sealed record CardListItem(string Id, string Title, string Unit, CardKind Kind, DateTimeOffset LastChange, bool Readable);

/// <summary>An edited card checked as <c>Indexer validate</c> checks it: the card when it parsed, and its problems.</summary>
public sealed record CardCheck(ServiceCard? Card, IReadOnlyList<CardProblem> Problems)
{
    public bool HasErrors => Card is null || Problems.Any(p => p.Severity == ProblemSeverity.Error);
}

/// <summary>
/// The cards folder (<c>KnowledgeBase:CardsPath</c>) as the editor reads and writes it: one file per
/// card, named after its id. Edited text is validated by the same <see cref="CardValidator"/> as
/// <c>Indexer validate</c>, against the folder's own office, booking queues and card ids.
/// </summary>
public sealed partial class CardFolder(KnowledgeBaseOptions options)
{
    /// <summary>The longest card text accepted (the largest card today is about 30 KB).</summary>
    public const int MaxCardLength = 200_000;

    public string Path => options.CardsPath;

    /// <summary>Whether <paramref name="id"/> can name a card file: a slug, never a path.</summary>
    public static bool IsCardId(string? id) => id is { Length: > 0 and <= 100 } && Slug().IsMatch(id);

    public string FileOf(string id) =>
        IsCardId(id) ? System.IO.Path.Combine(options.CardsPath, id + ".yaml") : throw new ArgumentException($"'{id}' is not a card id", nameof(id));

    /// <summary>The card file's text, or null when there is no card of that id yet.</summary>
    public string? ReadText(string id) => File.Exists(FileOf(id)) ? File.ReadAllText(FileOf(id)) : null;

    /// <summary>The hash the editor compares to detect a concurrent change: of the text, or "" for no file.</summary>
    public static string Hash(string? text) =>
        text is null ? "" : Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    public string CurrentHash(string id) => Hash(ReadText(id));

    public IReadOnlyList<CardListItem> List()
    {
        var items = new List<CardListItem>();
        foreach (var file in Directory.EnumerateFiles(options.CardsPath, "*.yaml").Where(f => !System.IO.Path.GetFileName(f).StartsWith('_')))
        {
            var read = CardFileReader.ReadCard(file);
            var id = System.IO.Path.GetFileNameWithoutExtension(file);
            var changed = new DateTimeOffset(File.GetLastWriteTimeUtc(file), TimeSpan.Zero);
            items.Add(read.Card is { } card
                ? new CardListItem(id, card.Title.Best(Languages.Language.Pl), card.Unit, card.Kind, changed, true)
                : new CardListItem(id, id, "", CardKind.Service, changed, false));
        }

        return items.OrderBy(i => i.Id, StringComparer.Ordinal).ToList();
    }

    /// <summary>The card <paramref name="yaml"/> stands for, or null when it does not parse (the check says why).</summary>
    public static ServiceCard? Parse(string id, string yaml) => CardFileReader.ReadCard(id + ".yaml", yaml).Card;

    /// <summary>The office as the folder describes it now (units, buildings), whether or not an index is in service yet.</summary>
    public OfficeDirectory Office() => CardFileReader.ReadOffice(System.IO.Path.Combine(options.CardsPath, CardLoader.OfficeFileName));

    /// <summary>Parses and validates <paramref name="yaml"/> as the card <paramref name="id"/>.</summary>
    public CardCheck Check(string id, string yaml)
    {
        var path = FileOf(id);
        var file = CardFileReader.ReadCard(path, yaml);
        var office = CardFileReader.ReadOffice(System.IO.Path.Combine(options.CardsPath, CardLoader.OfficeFileName));
        var bookingPath = System.IO.Path.Combine(options.CardsPath, BookingSchedule.FileName);
        var booking = File.Exists(bookingPath) ? CardFileReader.Read<BookingSchedule>(bookingPath) : new BookingSchedule();
        var problems = file.ParseProblems.Concat(CardValidator.Validate(file, office, booking)).ToList();
        if (file.Card is { } card)
        {
            var known = Directory.EnumerateFiles(options.CardsPath, "*.yaml").Select(System.IO.Path.GetFileNameWithoutExtension).ToHashSet(StringComparer.Ordinal);
            for (var i = 0; i < card.Related.Count; i++)
            {
                if (!known.Contains(card.Related[i]))
                {
                    problems.Add(new CardProblem(path, file.Locator.LineOf($"related[{i}]"), $"related[{i}]", $"broken link: there is no card '{card.Related[i]}'"));
                }
            }
        }

        return new CardCheck(file.Card, problems);
    }

    /// <summary>Replaces (or creates) the card's file in one step: a reader sees the old text or the new, never half of it.</summary>
    public void Write(string id, string text)
    {
        var target = FileOf(id);
        // A dot file: not a *.yaml card for a build that might run meanwhile.
        var temporary = System.IO.Path.Combine(options.CardsPath, $".{id}.{Environment.ProcessId}.tmp");
        File.WriteAllText(temporary, text, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
        File.Move(temporary, target, overwrite: true);
    }

    /// <summary>Puts back what <see cref="ReadText"/> gave before a failed publish: the old text, or no file for a new card.</summary>
    public void Restore(string id, string? text)
    {
        if (text is null)
        {
            File.Delete(FileOf(id));
        }
        else
        {
            Write(id, text);
        }
    }

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex Slug();
}
