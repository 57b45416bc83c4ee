using Asystent.KnowledgeBase.ServiceCards;

namespace Asystent.Benchmarks;

/// <summary>
/// A catalogue of the size of every county in Poland loaded at once: the demo cards repeated per
/// "county" with that county's name and a few words varied, so the index has realistic term
/// statistics rather than 370 identical copies.
/// </summary>
internal static class SyntheticCatalogue
{
    private static readonly string[] Towns =
    [
        "Bielsko", "Cieszyn", "Żywiec", "Pszczyna", "Rybnik", "Gliwice", "Tarnowskie Góry", "Lubliniec", "Kłobuck", "Myszków",
        "Zawiercie", "Olkusz", "Chrzanów", "Oświęcim", "Wadowice", "Sucha", "Myślenice", "Limanowa", "Nowy Targ", "Tatry",
    ];

    public static CardCatalogue Create(CardCatalogue demo, int size)
    {
        var random = new Random(2026);
        var cards = new List<ServiceCard>(size);
        for (var county = 0; cards.Count < size; county++)
        {
            var town = $"{Towns[county % Towns.Length]} {county}";
            foreach (var card in demo.Cards)
            {
                if (cards.Count == size)
                {
                    break;
                }

                cards.Add(Variant(card, county, town, random));
            }
        }

        return new CardCatalogue(demo.Office, cards);
    }

    private static ServiceCard Variant(ServiceCard card, int county, string town, Random random)
    {
        var keywords = new LocalizedList();
        foreach (var (language, items) in card.Keywords)
        {
            // Each county words its keywords a little differently: drop some, add the town.
            keywords[language] = items.Where(_ => random.NextDouble() > 0.2).Append(town).ToList();
        }

        var title = new LocalizedText();
        foreach (var (language, text) in card.Title)
        {
            title[language] = $"{text} – {town}";
        }

        return new ServiceCard
        {
            Id = $"{card.Id}--{county}",
            Kind = card.Kind,
            Unit = card.Unit,
            Title = title,
            Summary = card.Summary,
            Steps = card.Steps,
            Documents = card.Documents,
            Fees = card.Fees,
            Deadline = card.Deadline,
            LegalBasis = card.LegalBasis,
            Online = card.Online,
            BookingQueue = card.BookingQueue,
            Keywords = keywords,
            Redirect = card.Redirect,
        };
    }
}
