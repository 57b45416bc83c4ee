using Asystent.KnowledgeBase.Appointments;

namespace Asystent.KnowledgeBase.ServiceCards;

/// <summary>
/// Loads the cards folder: _office.yaml (buildings and units), _booking.yaml (bookable visits) and one *.yaml file per card. Files whose
/// names start with an underscore are not cards. Broken cards are reported and left out, never half-loaded.
/// </summary>
public static class CardLoader
{
    public const string OfficeFileName = "_office.yaml";

    public static CardLoadResult Load(string cardsPath)
    {
        if (!Directory.Exists(cardsPath))
        {
            throw new DirectoryNotFoundException($"The cards folder '{cardsPath}' does not exist.");
        }

        var officePath = Path.Combine(cardsPath, OfficeFileName);
        var office = CardFileReader.ReadOffice(officePath);
        var problems = OfficeValidator.Validate(office, officePath).ToList();
        var bookingPath = Path.Combine(cardsPath, BookingSchedule.FileName);
        var booking = File.Exists(bookingPath) ? CardFileReader.Read<BookingSchedule>(bookingPath) : new BookingSchedule();
        problems.AddRange(BookingScheduleValidator.Validate(booking, office, bookingPath));
        var files = Directory.EnumerateFiles(cardsPath, "*.yaml")
            .Where(f => !Path.GetFileName(f).StartsWith('_'))
            .Order(StringComparer.Ordinal)
            .Select(CardFileReader.ReadCard)
            .ToList();

        var valid = new List<ServiceCard>();
        foreach (var file in files)
        {
            var cardProblems = file.ParseProblems.Concat(CardValidator.Validate(file, office, booking)).ToList();
            problems.AddRange(cardProblems);
            if (file.Card is not null && cardProblems.All(p => p.Severity != ProblemSeverity.Error))
            {
                valid.Add(file.Card);
            }
        }

        foreach (var duplicate in files.Where(f => f.Card is not null && f.Card.Id.Length > 0).GroupBy(f => f.Card!.Id).Where(g => g.Count() > 1))
        {
            foreach (var file in duplicate)
            {
                problems.Add(new CardProblem(file.Path, file.Locator.LineOf("id"), "id",
                    $"duplicate id '{duplicate.Key}' (also in {string.Join(", ", duplicate.Where(d => d != file).Select(d => Path.GetFileName(d.Path)))})"));
            }

            valid.RemoveAll(c => c.Id == duplicate.Key);
        }

        // A card that failed to parse still exists under its file name; linking to it is not a broken link.
        var knownIds = files.Where(f => f.Card is not null).Select(f => f.Card!.Id)
            .Concat(files.Select(f => Path.GetFileNameWithoutExtension(f.Path)))
            .ToHashSet();
        foreach (var file in files.Where(f => f.Card is not null))
        {
            for (var i = 0; i < file.Card!.Related.Count; i++)
            {
                if (!knownIds.Contains(file.Card.Related[i]))
                {
                    problems.Add(new CardProblem(file.Path, file.Locator.LineOf($"related[{i}]"), $"related[{i}]",
                        $"broken link: there is no card '{file.Card.Related[i]}'"));
                }
            }
        }

        return new CardLoadResult(new CardCatalogue(office, valid, booking), problems);
    }

    /// <summary>
    /// The cards of a published index generation. A generation is published only when its cards load
    /// without an error, so every card is valid and they are read without the line locator and the
    /// validation (most of the loading time, and part of every start: issue 18); the catalogue is the
    /// same as <see cref="Load"/> gives for that folder.
    /// </summary>
    public static CardCatalogue LoadValidated(string cardsPath)
    {
        var office = CardFileReader.ReadOffice(Path.Combine(cardsPath, OfficeFileName));
        var bookingPath = Path.Combine(cardsPath, BookingSchedule.FileName);
        var booking = File.Exists(bookingPath) ? CardFileReader.Read<BookingSchedule>(bookingPath) : new BookingSchedule();
        var cards = Directory.EnumerateFiles(cardsPath, "*.yaml")
            .Where(f => !Path.GetFileName(f).StartsWith('_'))
            .Order(StringComparer.Ordinal)
            .Select(CardFileReader.ReadValidatedCard);
        return new CardCatalogue(office, cards, booking);
    }
}
